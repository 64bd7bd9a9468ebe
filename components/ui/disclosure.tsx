"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A part of a page that opens on demand (a form to add a fine, to record a
 * release): the browser's own <details>, so it opens from the keyboard
 * (Enter or Space on its summary) and says whether it is open to screen readers.
 *
 * Its content is drawn when it is first opened, not with the page: most of
 * these hold forms nobody opens on a given visit, and drawing them on the
 * server was a third of a case tab's work (decision 013). Once drawn it stays,
 * so a form half filled keeps what was typed when it is closed and opened again.
 */
export function Disclosure({ summary, size = "base", className = "", open = false, children }: { summary: ReactNode; size?: "base" | "small"; className?: string; open?: boolean; children?: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // Whether the reader has opened it. `open` stays the page's own say, set as an attribute as before: a section the
  // page opens is drawn with the page, and the page may close it again (a list that was empty no longer is).
  const [opened, setOpened] = useState(false);
  // Opened before the page's script ran (a quick tap on a slow connection), or by the page itself: draw it and keep it.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details
      ref={ref}
      className={className || undefined}
      open={open}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className={`cursor-pointer font-semibold text-blue-800${size === "small" ? " text-sm" : ""}`}>{summary}</summary>
      {open || opened ? children : null}
    </details>
  );
}

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
  const [isOpen, setOpen] = useState(open);
  const [drawn, setDrawn] = useState(open);
  // The page may open or close it anew (a list that was empty no longer is), as the attribute did when drawn on the server.
  const [openFromPage, setOpenFromPage] = useState(open);
  if (open !== openFromPage) {
    setOpenFromPage(open);
    setOpen(open);
    if (open) setDrawn(true);
  }
  // Opened before the page's script ran (a quick tap on a slow connection): draw it now.
  useEffect(() => {
    if (ref.current?.open) {
      setOpen(true);
      setDrawn(true);
    }
  }, []);
  return (
    <details
      ref={ref}
      className={className || undefined}
      open={isOpen}
      onToggle={(event) => {
        const nowOpen = event.currentTarget.open;
        setOpen(nowOpen);
        if (nowOpen) setDrawn(true);
      }}
    >
      <summary className={`cursor-pointer font-semibold text-blue-800${size === "small" ? " text-sm" : ""}`}>{summary}</summary>
      {drawn ? children : null}
    </details>
  );
}

import type { ReactNode } from "react";

/**
 * A part of a page that opens on demand (a form to add a fine, to record a
 * release): the browser's own <details>, so it opens from the keyboard
 * (Enter or Space on its summary) and says whether it is open to screen readers.
 */
export function Disclosure({ summary, size = "base", className = "", open, children }: { summary: ReactNode; size?: "base" | "small"; className?: string; open?: boolean; children?: ReactNode }) {
  return (
    <details className={className || undefined} open={open}>
      <summary className={`cursor-pointer font-semibold text-blue-800${size === "small" ? " text-sm" : ""}`}>{summary}</summary>
      {children}
    </details>
  );
}

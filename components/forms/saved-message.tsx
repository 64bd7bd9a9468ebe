import type { ReactNode } from "react";

/** The confirmation under a form once the server has saved it (announced to screen readers). */
export function SavedMessage({ show, children }: { show: boolean; children: ReactNode }) {
  return show ? (
    <p role="status" className="text-sm text-green-800">
      {children}
    </p>
  ) : null;
}

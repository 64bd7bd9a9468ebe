"use client";
import { useId, useState, type ReactNode } from "react";

/**
 * On a phone, the case list's filters and sorting wait behind a button, so
 * the first cases are on the first screen; on a wider screen they are simply
 * there (the wrapper then lays its fields out in the form's own grid). Open
 * from the start when a filter is in use, so a filtered list says so.
 */
export function FilterDisclosure({ label, initiallyOpen, children }: { label: string; initiallyOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <>
      <div className="sm:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
          className="rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          {label}
        </button>
      </div>
      <div id={id} className={`${open ? "grid gap-3" : "hidden"} sm:contents`}>
        {children}
      </div>
    </>
  );
}

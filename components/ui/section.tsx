import type { HTMLAttributes, ReactNode } from "react";

/** The white, bordered box every page groups its content in. */
export const cardClass = "rounded-lg border border-slate-300 bg-white p-4";

/**
 * A titled part of a page: a landmark named by its heading, so a screen
 * reader lists it and a keyboard user can jump to it.
 */
export function Section({
  id,
  title,
  className = "",
  headingClassName = "",
  children,
  ...rest
}: { id: string; title: ReactNode; className?: string; headingClassName?: string; children?: ReactNode } & Omit<HTMLAttributes<HTMLElement>, "title" | "id">) {
  return (
    <section aria-labelledby={id} className={`${cardClass} ${className}`.trim()} {...rest}>
      <h2 id={id} className={`${headingClassName} text-lg font-semibold`.trim()}>
        {title}
      </h2>
      {children}
    </section>
  );
}

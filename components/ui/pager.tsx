import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server";

/**
 * Previous, "page N of M", next: for a list read one page at a time, so a
 * page costs the rows it shows however long the list grows. A list that is
 * not counted (the case timeline) gives `more` instead of `pages`, and shows
 * "page N".
 */
export async function Pager({ page, href, label, ...extent }: { page: number; href: (page: number) => string; label?: string } & ({ pages: number } | { more: boolean })) {
  const last = "pages" in extent ? page >= extent.pages : !extent.more;
  if (page === 1 && last) return null;
  const t = await getTranslations("pager");
  return (
    <nav aria-label={label ?? t("pagination")} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-blue-800 underline" rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{"pages" in extent ? t("page", { page, pages: extent.pages }) : t("pageOnly", { page })}</span>
      {!last ? (
        <Link href={href(page + 1)} className="text-blue-800 underline" rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The page asked for in a URL: a whole number from 1, anything else the first. */
export function pageParam(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1 && value <= 100_000 ? value : 1;
}

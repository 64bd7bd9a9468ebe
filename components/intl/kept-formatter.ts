// Client components format dates and numbers with useKeptFormatter: the
// kept formatters of lib/i18n/kept-formats, for the reader's language.
import { useLocale } from "next-intl";
import { keptFormatter, type KeptFormatter } from "@/lib/i18n/kept-formats";

/** useFormatter's dateTime (by a named format) and number, on kept formatters: the one way client components format. */
export function useKeptFormatter(): KeptFormatter {
  return keptFormatter(useLocale());
}

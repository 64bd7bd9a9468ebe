// Dates and numbers formatted as next-intl's formatters format them (the
// app's named formats, the Bangkok time zone where a format names none), by
// Intl formatters made once per language and format for the life of the
// module: while the server renders a page that is the process, in the
// browser the page. Client components use them (useKeptFormatter), and so
// does the server's getFormatter for named dates and plain numbers.
// useFormatter's formatters live as long as the provider, which the server
// makes for each request: a date field's "read as" note cost a new
// Intl.DateTimeFormat at every view of every page with a date field (about
// 0.35 ms of the server's time each).
import { formats } from "@/i18n/formats";
import { TIME_ZONE } from "@/i18n/locales";

export type DateFormatName = keyof typeof formats.dateTime;

export type KeptFormatter = {
  dateTime: (value: Date | number, format: DateFormatName) => string;
  number: (value: number) => string;
};

const dateTimes = new Map<string, Intl.DateTimeFormat>();
// What each language's formats made of each moment, kept too: a month grid
// formats the same forty-two days and the same hours at every view, and
// ICU formats a date in a time zone in about 1.5 µs (0.24 ms a month view).
// Bounded: past the limit it starts afresh.
const FORMATTED_LIMIT = 10_000;
const numbers = new Map<string, Intl.NumberFormat>();
const byLocale = new Map<string, KeptFormatter>();

function dateTimeFormat(locale: string, format: DateFormatName): Intl.DateTimeFormat {
  const key = `${locale}\u0000${format}`;
  let kept = dateTimes.get(key);
  if (!kept) dateTimes.set(key, (kept = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...formats.dateTime[format] })));
  return kept;
}

function numberFormat(locale: string): Intl.NumberFormat {
  let kept = numbers.get(locale);
  if (!kept) numbers.set(locale, (kept = new Intl.NumberFormat(locale)));
  return kept;
}

/** The formatter for a language (one per language, kept). */
export function keptFormatter(locale: string): KeptFormatter {
  let kept = byLocale.get(locale);
  if (!kept) {
    const formatted = new Map<string, string>();
    kept = {
      // As useFormatter, a value Intl cannot format (an invalid date) is shown as it is rather than failing the page.
      dateTime: (value, format) => {
        const key = `${format}\u0000${typeof value === "number" ? value : value.getTime()}`;
        const known = formatted.get(key);
        if (known !== undefined) return known;
        let text: string;
        try {
          text = dateTimeFormat(locale, format).format(value);
        } catch {
          return String(value);
        }
        if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
        formatted.set(key, text);
        return text;
      },
      number: (value) => numberFormat(locale).format(value),
    };
    byLocale.set(locale, kept);
  }
  return kept;
}

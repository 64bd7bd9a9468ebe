import "server-only";
// Translations and formatting for server components, as next-intl's
// getTranslations and getFormatter give them, with one difference: the
// Intl formatters behind them (and anything else next-intl keeps for a
// message) are kept for the life of the process rather than made anew for
// each request.
//
// next-intl builds an Intl.DateTimeFormat, NumberFormat or PluralRules the
// first time a request uses it and forgets it when the request ends:
// measured on the case list, about half a millisecond of every request
// (6% of the server's time) went on building them again. They depend only
// on the language and the options, never on the reader, so one
// process-wide store serves every request.
import { cache } from "react";
import { getFormatter as requestFormatter, getLocale, getMessages, getTranslations as requestTranslations } from "next-intl/server";
import { _createCache, _createIntlFormatters, createFormatter, createTranslator } from "next-intl";
import { formats } from "@/i18n/formats";
import { TIME_ZONE } from "@/lib/dates";
import { keptFormatter, type DateFormatName } from "@/lib/i18n/kept-formats";

export { getLocale };

const SHARED = _createCache();
const FORMATTERS = _createIntlFormatters(SHARED);

/** The reader's language and messages, read once a request (next-intl's request configuration, i18n/request.ts). */
const requestLanguage = cache(async () => ({ locale: await getLocale(), messages: await getMessages() }));

type Translator = ReturnType<typeof createTranslator>;

// A translator depends only on the language's messages and the namespace,
// so one is made per pair for the life of the process rather than per
// request, and each message without values (most labels) is looked up and
// formatted once: a case page asks for some hundred of them, each a path
// lookup and a formatting call in next-intl. So is each message with only
// numbers for values ("1,846 people", "Page 2 of 14"): the dashboard
// formats some 300 such counts a view, a tenth of its server time, and
// the same ones at the next view. Messages with text or dates for values
// are formatted each time: text may be a person's name, which a process-wide
// store must not keep. Most of those are text with places for the values
// ("Removal: {stage}"), which ICU fills with the values as they are; they
// are filled here from the message cut once at its places (filledIn), a
// tenth of next-intl's 8-12 µs a message: the risk board fills some forty.
const TRANSLATORS = new WeakMap<object, Map<string, Translator>>();
const PLAIN_LIMIT = 5000;
const COUNTED_LIMIT = 20_000;

/**
 * A message cut at its places for values: text, name, text, name, ..., text.
 * Null for anything else ICU does: plurals, selects, formatted numbers and
 * dates, tags, quoting with apostrophes (the one place a brace or `#` can be
 * text), all left to next-intl.
 */
export function cutAtPlaces(message: string): string[] | null {
  if (/['<>#]/.test(message)) return null;
  const parts = message.split(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/);
  for (let i = 0; i < parts.length; i += 2) if (/[{}]/.test(parts[i])) return null;
  return parts;
}

/** The message filled in with the values, as ICU fills a simple place (String(value)); null if a value is not text or a number. */
function filledIn(parts: string[], values: Record<string, unknown>): string | null {
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = Object.hasOwn(values, parts[i]) ? values[parts[i]] : undefined;
    if (typeof value !== "string" && typeof value !== "number") return null;
    text += String(value) + parts[i + 1];
  }
  return text;
}

/** The message's key with its values, when every value is a number; null otherwise. */
function countedKey(message: string, values: unknown): string | null {
  if (values === null || typeof values !== "object") return null;
  let key = message;
  for (const name in values) {
    const value = (values as Record<string, unknown>)[name];
    if (typeof value !== "number") return null;
    key += `\u0000${name}=${value}`;
  }
  return key;
}

export function processTranslator(locale: string, messages: object, namespace: string | undefined): Translator {
  let byNamespace = TRANSLATORS.get(messages);
  if (!byNamespace) TRANSLATORS.set(messages, (byNamespace = new Map()));
  const key = `${locale}\u0000${namespace ?? ""}`;
  const known = byNamespace.get(key);
  if (known) return known;
  const translate = createTranslator({ locale, messages: messages as never, namespace: namespace as never, timeZone: TIME_ZONE, formats, _cache: SHARED, _formatters: FORMATTERS }) as unknown as Translator;
  const plain = new Map<string, string>();
  const counted = new Map<string, string>();
  // Each message's cut (cutAtPlaces), or null when next-intl formats it.
  const cuts = new Map<string, string[] | null>();
  const cutOf = (message: string) => {
    let cut = cuts.get(message);
    if (cut === undefined) {
      const raw = translate.has(message as never) ? (translate.raw as (key: string) => unknown)(message) : null;
      cut = typeof raw === "string" ? cutAtPlaces(raw) : null;
      if (cuts.size < PLAIN_LIMIT) cuts.set(message, cut);
    }
    return cut;
  };
  const t = ((message: string, values?: unknown, messageFormats?: unknown) => {
    if (messageFormats !== undefined) return (translate as (...args: unknown[]) => string)(message, values, messageFormats);
    if (values !== undefined) {
      const withCounts = countedKey(message, values);
      if (withCounts === null) {
        const cut = values !== null && typeof values === "object" ? cutOf(message) : null;
        return (cut && filledIn(cut, values as Record<string, unknown>)) ?? (translate as (...args: unknown[]) => string)(message, values);
      }
      let text = counted.get(withCounts);
      if (text === undefined) {
        text = (translate as (...args: unknown[]) => string)(message, values);
        // Counts are unbounded; starting afresh when full keeps the store small.
        if (counted.size >= COUNTED_LIMIT) counted.clear();
        counted.set(withCounts, text);
      }
      return text;
    }
    let text = plain.get(message);
    if (text === undefined) {
      text = (translate as (key: string) => string)(message);
      // Keys are the messages' own (a few hundred); the bound only keeps a key made from data from growing it.
      if (plain.size < PLAIN_LIMIT) plain.set(message, text);
    }
    return text;
  }) as Translator;
  Object.assign(t, { rich: translate.rich, markup: translate.markup, raw: translate.raw, has: translate.has });
  byNamespace.set(key, t);
  return t;
}

const translator = cache(async (namespace: string | undefined) => {
  const { locale, messages } = await requestLanguage();
  return processTranslator(locale, messages, namespace);
});

/** As next-intl's getTranslations (a namespace, or none); other forms are left to next-intl. */
export const getTranslations = ((namespaceOrOptions?: unknown) =>
  typeof namespaceOrOptions === "string" || namespaceOrOptions === undefined
    ? translator(namespaceOrOptions)
    : requestTranslations(namespaceOrOptions as never)) as unknown as typeof requestTranslations;

type Formatter = ReturnType<typeof createFormatter>;

const formatter = cache(async (): Promise<Formatter> => {
  const { locale } = await requestLanguage();
  const intl = createFormatter({ locale, timeZone: TIME_ZONE, formats, _cache: SHARED, _formatters: FORMATTERS });
  // A date by one of the app's named formats, and a plain number, on the
  // formatters client components use (keptFormatter: the same text, a test
  // compares them): next-intl looks its formatter up by the JSON text of its
  // options at every call, three times the cost of formatting, and a month
  // grid formats two hundred dates.
  const kept = keptFormatter(locale);
  const dateTime = ((value: Date | number, format?: unknown, overrides?: unknown) =>
    typeof format === "string" && format in formats.dateTime && overrides === undefined
      ? kept.dateTime(value, format as DateFormatName)
      : (intl.dateTime as (...args: unknown[]) => string)(value, format, overrides)) as Formatter["dateTime"];
  const number = ((value: number | bigint, format?: unknown, overrides?: unknown) =>
    format === undefined && typeof value === "number" ? kept.number(value) : (intl.number as (...args: unknown[]) => string)(value, format, overrides)) as Formatter["number"];
  return { ...intl, dateTime, number };
});

/** As next-intl's getFormatter, for the reader's language. */
export const getFormatter = (() => formatter()) as unknown as typeof requestFormatter;

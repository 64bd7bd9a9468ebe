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

export { getLocale };

const SHARED = _createCache();
const FORMATTERS = _createIntlFormatters(SHARED);

/** The reader's language and messages, read once a request (next-intl's request configuration, i18n/request.ts). */
const requestLanguage = cache(async () => ({ locale: await getLocale(), messages: await getMessages() }));

const translator = cache(async (namespace: string | undefined) => {
  const { locale, messages } = await requestLanguage();
  return createTranslator({ locale, messages, namespace, timeZone: TIME_ZONE, formats, _cache: SHARED, _formatters: FORMATTERS });
});

/** As next-intl's getTranslations (a namespace, or none); other forms are left to next-intl. */
export const getTranslations = ((namespaceOrOptions?: unknown) =>
  typeof namespaceOrOptions === "string" || namespaceOrOptions === undefined
    ? translator(namespaceOrOptions)
    : requestTranslations(namespaceOrOptions as never)) as unknown as typeof requestTranslations;

const formatter = cache(async () => {
  const { locale } = await requestLanguage();
  return createFormatter({ locale, timeZone: TIME_ZONE, formats, _cache: SHARED, _formatters: FORMATTERS });
});

/** As next-intl's getFormatter, for the reader's language. */
export const getFormatter = (() => formatter()) as unknown as typeof requestFormatter;

// Reference data (detention facilities, courts, resettlement programmes,
// partner organisations) is named by administrators, once in English
// (`name`, unique, the fallback) and once in each other interface language
// (`names`, e.g. {"th": "ศาลอุทธรณ์", "ko": "항소법원"}). Every page shows the
// reader's name through localName, so a Thai reader never meets "Court of
// Appeal" beside Thai labels.
import { z } from "@/lib/zod";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/i18n/locales";

/** The languages a reference row has a name of its own in, besides the English `name`. */
export const OTHER_NAME_LOCALES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE) as Exclude<Locale, typeof DEFAULT_LOCALE>[];

export type Named = { name: string; names: unknown };

/** A row's name in the reader's language: its own name there if an administrator gave one, the English name otherwise. */
export function localName(row: Named, locale: string): string {
  const names = row.names && typeof row.names === "object" ? (row.names as Record<string, unknown>) : {};
  const own = names[locale];
  return typeof own === "string" && own.trim() ? own : row.name;
}

/** What the names form sends: one optional name per other language (empty clears it). */
export const localNamesSchema = z.object(
  Object.fromEntries(
    OTHER_NAME_LOCALES.map((locale) => [
      `name_${locale}`,
      z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(200, { error: "tooLong" })),
    ]),
  ) as Record<`name_${(typeof OTHER_NAME_LOCALES)[number]}`, z.ZodType<string, unknown>>,
);

/** The stored `names` for what the form sent: only the languages given. */
export function namesFromForm(input: Partial<Record<`name_${(typeof OTHER_NAME_LOCALES)[number]}`, string>>): Record<string, string> {
  return Object.fromEntries(
    OTHER_NAME_LOCALES.flatMap((locale) => {
      const name = input[`name_${locale}`];
      return name ? [[locale, name]] : [];
    }),
  );
}

export const LOCALES = ["en", "th", "ko", "vi"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Each language named in itself, so a reader finds their own whatever language the page is in. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", th: "ไทย", ko: "한국어", vi: "Tiếng Việt" };
export const LOCALE_COOKIE = "waypoint-locale";
export { TIME_ZONE } from "@/lib/dates";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { DEFAULT_LOCALE, LOCALE_COOKIE, TIME_ZONE, isLocale } from "./locales";

// No locale in the URL: a signed-in user's language is saved on their
// account; before sign-in it comes from a cookie. Code that writes for
// someone not signed in to this request (a calendar feed's owner) names the
// locale explicitly.
export default getRequestConfig(async ({ locale: explicit }) => {
  let locale = isLocale(explicit) ? explicit : null;
  if (!locale) {
    const user = await currentUser();
    const candidate = user?.locale ?? (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(candidate) ? candidate : DEFAULT_LOCALE;
  }
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});

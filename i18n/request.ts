import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { formats } from "./formats";
import { DEFAULT_LOCALE, LOCALE_COOKIE, TIME_ZONE, isLocale } from "./locales";

// No locale in the URL: a signed-in user's language is saved on their
// account; before sign-in it comes from a cookie.
export default getRequestConfig(async () => {
  const user = await currentUser();
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const candidate = user?.locale ?? cookieLocale;
  const locale = isLocale(candidate) ? candidate : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: TIME_ZONE,
    formats,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});

"use client";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { formats } from "@/i18n/formats";
import { TIME_ZONE, type Locale } from "@/i18n/locales";

/** next-intl's provider for client components, with the app's formats and time zone; one module per language gives it its catalogue. */
export function IntlProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} formats={formats} timeZone={TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}

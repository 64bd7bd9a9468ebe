"use client";
import dynamic from "next/dynamic";
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { IntlProvider } from "./provider";

type Provider = React.ComponentType<{ children: React.ReactNode }>;

/** The provider for one language, given its catalogue once that language's script has loaded. */
const withCatalogue =
  (locale: Locale) =>
  ({ default: messages }: { default: AbstractIntlMessages }): Provider =>
    function LanguageMessages({ children }) {
      return <IntlProvider locale={locale} messages={messages}>{children}</IntlProvider>;
    };

// The translations of the page's client components arrive as a script of the
// user's language alone, which the browser caches. Handed over by the server
// layout instead, the catalogue would be written into every page's HTML,
// some 80–150 kB each time; imported here directly, every page would load all
// four languages. next/dynamic renders it on the server and has the page load
// that one script before it hydrates.
const BY_LOCALE: Record<Locale, Provider> = {
  en: dynamic(() => import("@/messages/en.json").then(withCatalogue("en"))),
  th: dynamic(() => import("@/messages/th.json").then(withCatalogue("th"))),
  ko: dynamic(() => import("@/messages/ko.json").then(withCatalogue("ko"))),
  vi: dynamic(() => import("@/messages/vi.json").then(withCatalogue("vi"))),
};

export function ClientMessages({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const Messages = BY_LOCALE[locale];
  return <Messages>{children}</Messages>;
}

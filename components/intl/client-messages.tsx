"use client";
import dynamic from "next/dynamic";
import type { Locale } from "@/i18n/locales";

// The translations of the page's client components arrive as a script of the
// user's language alone, which the browser caches. Handed over by the server
// layout instead, the catalogue would be written into every page's HTML,
// some 80–150 kB each time; imported here directly, every page would load all
// four languages. next/dynamic renders it on the server and has the page load
// that one script before it hydrates.
const BY_LOCALE: Record<Locale, React.ComponentType<{ children: React.ReactNode }>> = {
  en: dynamic(() => import("./messages-en").then((m) => m.EnglishMessages)),
  th: dynamic(() => import("./messages-th").then((m) => m.ThaiMessages)),
  ko: dynamic(() => import("./messages-ko").then((m) => m.KoreanMessages)),
  vi: dynamic(() => import("./messages-vi").then((m) => m.VietnameseMessages)),
};

export function ClientMessages({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const Messages = BY_LOCALE[locale];
  return <Messages>{children}</Messages>;
}

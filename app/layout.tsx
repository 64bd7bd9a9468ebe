import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { ClientMessages } from "@/components/intl/client-messages";
import { ServiceWorker } from "@/components/offline/service-worker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Waypoint", template: "%s · Waypoint" },
  description: "Case management for teams supporting refugees and asylum seekers in transit",
  robots: { index: false, follow: false },
  icons: { apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Waypoint", statusBarStyle: "default" },
};

export const viewport: Viewport = { themeColor: "#1e3a8a" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ServiceWorker>
          <ClientMessages locale={locale}>{children}</ClientMessages>
        </ServiceWorker>
      </body>
    </html>
  );
}

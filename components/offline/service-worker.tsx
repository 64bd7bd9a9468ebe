"use client";
import { SerwistProvider } from "@serwist/turbopack/react";

/**
 * Registers the service worker (app/sw.ts). Serwist's provider would by
 * default ask the worker to store each page the reader navigates to, and
 * reload the page when the connection returns: both are off. Stored pages
 * would keep people's data on the device, and a reload would lose the key
 * of any note waiting to be sent (lib/offline/note-drafts.ts). Off in
 * development, where a kept build file would hide a change.
 */
export function ServiceWorker({ children }: { children: React.ReactNode }) {
  return (
    <SerwistProvider swUrl="/serwist/sw.js" cacheOnNavigation={false} reloadOnOnline={false} disable={process.env.NODE_ENV === "development"}>
      {children}
    </SerwistProvider>
  );
}

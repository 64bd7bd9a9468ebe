/// <reference lib="webworker" />
// The service worker (built by @serwist/turbopack, served at /serwist/sw.js).
// It keeps only what holds no one's data: Next's build files under
// /_next/static (content-hashed, the same for every user) and the public
// folder (icons, the offline page), precached at install. Pages, RSC
// payloads and API answers are never stored: a page is always fetched from
// the server, and when the server cannot be reached the offline page is
// shown instead. Anything not matched below is left to the browser.
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist, type PrecacheEntry } from "serwist";

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const OFFLINE_PAGE = "/offline.html";

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  // A page's request starts while the worker wakes, instead of after.
  navigationPreload: true,
  runtimeCaching: [
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "waypoint-static",
        plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
    // Network only, so that a page that cannot be fetched gets the offline page.
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
  ],
  fallbacks: { entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();

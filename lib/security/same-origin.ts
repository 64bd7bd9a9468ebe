// Whether a request that changes something comes from this site's own
// pages: the JSON API routes (lib/api.ts) and every POST to a page, which is
// a server action (proxy.ts). No imports: the proxy loads it too.

/**
 * Whether the request comes from this site's own pages. Browsers say so in
 * `Sec-Fetch-Site`, which no page can forge: only "same-origin" (or "none",
 * a request the user made themselves) passes. Without it (older browsers,
 * tools), the `Origin` header decides: absent (a tool, judged by its session
 * alone) or this host. `Origin: null` is not this site: it is refused (our
 * pages' Referrer-Policy, same-origin, lets their own forms name this host).
 */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

// The Content-Security-Policy every page gets (the fixed headers are in
// next.config.js). Scripts run only with this
// request's nonce (Next adds it to its own scripts), so an injected
// <script> or inline handler never runs. Styles allow inline `style`
// attributes, which the charts use; no script can come from them.
export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development") {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced Next runtime load its own chunks; React needs eval only in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/serwist/sw.js): 'strict-dynamic' above would not let 'self' cover it.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

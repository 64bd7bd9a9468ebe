import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { sameOrigin } from "@/lib/security/same-origin";

/**
 * Runs before every page: refuses a server action posted from another site,
 * then makes a fresh nonce and the Content-Security-Policy built on it. Next
 * reads the policy from the request headers to put the nonce on its own
 * scripts; the browser reads it from the response.
 */
export function proxy(request: NextRequest) {
  // A POST to a page is a server action. Next refuses one from another site
  // by throwing, which answers 500; it is refused here, plainly, with a 403.
  if (request.method === "POST" && !sameOrigin(request)) return new NextResponse("cross-origin request refused", { status: 403 });
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // The page's own path, for forms that come back to it (the language switch).
  headers.set("x-page-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not API routes (files, feeds, exports), not static assets.
  // Prefetches too: a prefetched page is shown without a new request, and must carry its policy.
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)" }],
};

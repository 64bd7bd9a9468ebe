import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";

/** The client's address, for the audit log and the sign-in throttle, as the server worked it out (lib/client-address). */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}

/** The same, from a request's own headers (the sign-in handler has the request, not the page's headers). */
export function clientIpFrom(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}

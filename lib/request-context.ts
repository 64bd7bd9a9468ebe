import "server-only";
import { headers } from "next/headers";

/** The client's address, for the audit log. Next's server sets x-forwarded-for from the socket. */
export async function clientIp(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || null;
}

// The address a request came from, for the audit log and the sign-in
// throttle. `X-Forwarded-For` is whatever the client wrote, unless a proxy
// we run wrote it: it is believed only from the proxies listed in
// TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated; none by
// default). The chain is read from the right, where our own proxies append,
// and the first address that is not one of them is the client. The server
// (scripts/serve.ts) puts the result in CLIENT_ADDRESS_HEADER, replacing
// anything a client sent under that name.
import { BlockList, isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-waypoint-client-address";

/** "::ffff:10.0.0.1" (IPv4 over an IPv6 socket) is 10.0.0.1. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  return trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** The trusted proxies from TRUSTED_PROXIES; refuses an entry it cannot read rather than trusting too much. */
export function trustedProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (setting ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = isIP(normalise(address));
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(normalise(address), type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) throw new Error(`TRUSTED_PROXIES: "${entry}" has no valid prefix length`);
      list.addSubnet(normalise(address), bits, type);
    }
  }
  return list;
}

const isTrusted = (trusted: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
};

/**
 * The client's address: the socket's, unless the socket is a trusted proxy;
 * then, walking X-Forwarded-For from the right, the first address that is
 * not a trusted proxy (an unreadable entry ends the walk at the last good one).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | null {
  if (!socketAddress) return null;
  let client = normalise(socketAddress);
  if (!isTrusted(trusted, client)) return client;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map(normalise).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!isIP(chain[i])) break;
    client = chain[i];
    if (!isTrusted(trusted, client)) break;
  }
  return client;
}

import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address";

describe("clientAddress", () => {
  const none = trustedProxies(undefined);
  const proxy = trustedProxies("10.0.0.0/8, 2001:db8::1");

  it("ignores X-Forwarded-For from a client that is not a trusted proxy (security finding 6)", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:127.0.0.1", "198.51.100.1, 10.0.0.2", none)).toBe("127.0.0.1");
    expect(clientAddress("203.0.113.5", "10.0.0.2", proxy)).toBe("203.0.113.5");
  });

  it("takes the right-most address that is not a trusted proxy", () => {
    // The client forged the first entry; our proxies appended the rest.
    expect(clientAddress("10.0.0.3", "1.2.3.4, 203.0.113.9, 10.0.0.2", proxy)).toBe("203.0.113.9");
    expect(clientAddress("2001:db8::1", "203.0.113.9", proxy)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.3", ["1.2.3.4, 203.0.113.9", "10.0.0.2"], proxy)).toBe("203.0.113.9");
  });

  it("stops at an unreadable entry, and falls back to the proxy with no header", () => {
    expect(clientAddress("10.0.0.3", "garbage, 10.0.0.2", proxy)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.3", undefined, proxy)).toBe("10.0.0.3");
    expect(clientAddress(undefined, "1.2.3.4", proxy)).toBeNull();
  });

  it("refuses a setting it cannot read", () => {
    expect(() => trustedProxies("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => trustedProxies("proxy.local")).toThrow(/not an address/);
  });
});

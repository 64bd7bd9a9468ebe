import { describe, expect, it } from "vitest";
import { authErrorEntry } from "./auth-log";

// Security finding 14: failed sign-ins were logged at error level as "auth error" with a minified type name.
describe("authErrorEntry", () => {
  it("logs a refused sign-in as routine, even when its class name is minified", () => {
    // As next-auth's CredentialsSignin subclass looks once built: type kept, class name minified.
    class e extends Error {
      type = "CredentialsSignin";
    }
    expect(authErrorEntry(new e("locked"))).toEqual({ level: "info", kind: "CredentialsSignin" });
  });

  it("keeps other auth failures as errors, by their type", () => {
    const broken = Object.assign(new Error("JWTSessionError"), { type: "JWTSessionError" });
    expect(authErrorEntry(broken)).toEqual({ level: "error", kind: "JWTSessionError" });
    expect(authErrorEntry(new Error("plain"))).toEqual({ level: "error", kind: "unknown" });
  });
});

import "server-only";
import { clientIpFrom } from "@/lib/request-context";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "./credentials";
import { endSession, LIFETIME_HOURS } from "./sessions";
import { authLogger } from "./auth-log";

// The reason a sign-in failed reaches the form as the error's `code`.
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super(reason);
    this.code = reason;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Through the structured log; a refused sign-in is routine (and audited), not an error.
  logger: authLogger,
  session: { strategy: "jwt", maxAge: LIFETIME_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      authorize: async (credentials, request) => {
        const ip = clientIpFrom(request.headers);
        const result = await verifyCredentials(credentials, ip);
        if (!result.ok) throw new SignInRefused(result.reason);
        return result.user;
      },
    }),
  ],
  // Next-auth's own sign-out endpoint (POST /api/auth/signout) ends the
  // server-side session too, not only the cookie.
  events: {
    signOut: async (message) => {
      const sid = "token" in message ? message.token?.sid : null;
      if (typeof sid === "string") await endSession(sid, "signed-out");
    },
  },
  callbacks: {
    // The token carries only the user's id and the session's id: role, team
    // and active state are read, and the session checked, on every request
    // (lib/auth/current-user.ts), so sign-out, deactivation and timeouts
    // apply at once.
    jwt: ({ token, user }) => {
      if (user?.id) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { sessionId: typeof token.sid === "string" ? token.sid : null });
    },
  },
});

import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "./credentials";

const SESSION_HOURS = 8;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
        return verifyCredentials(credentials, ip);
      },
    }),
  ],
  callbacks: {
    // The token carries only the user's id: role, team and active state are
    // read from the database on every request (lib/auth/current-user.ts), so
    // a change of role or a deactivation applies at once.
    jwt: ({ token, user }) => {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session: ({ session, token }) => {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

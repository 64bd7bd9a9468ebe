import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { can, type Actor, type Permission } from "@/lib/policy";
import { checkSession, type SessionEnd, type SessionUser } from "./sessions";
import { DEFAULT_GRANT_MAX_DAYS } from "@/lib/grants/limits";

export type CurrentUser = Actor & {
  name: string;
  email: string;
  locale: string;
  teamName: string | null;
  sessionId: string;
  /** The account page's settings (SessionUser). */
  settings: SessionUser["settings"];
  /** Signed in, but an administrator requires an authenticator app for this role and none is set up yet. */
  mustSetUpTotp: boolean;
  /** The longest a guest's access grant may run, in days: the security setting, read with the session (the case page's grant form says it). */
  grantMaxDays: number;
  /** Unread notices about no case or a case they may still open, counted with the session (the header and the notifications page show it). */
  unreadNotices: number;
};

type SessionState = { user: CurrentUser } | { user: null; ended: SessionEnd | null };

// Next-auth's session cookie: "__Secure-" when the site is served over HTTPS.
// Each name is also the salt its token was encrypted with.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/**
 * The session cookie's user and session ids, once its token is decrypted and
 * its integrity and expiry checked. Next-auth's auth() does the same, then
 * signs and encrypts a renewed token that a page cannot set anyway: about
 * 2 ms of every request's work, for nothing. Idle time and lifetime are kept
 * by the server-side session (checkSession), not by the cookie.
 */
async function sessionIds(): Promise<{ userId: string; sessionId: string } | null> {
  const jar = await cookies();
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    const known = decrypted.get(`${name}:${token}`);
    // The token's own expiry still holds, as its decryption would check it (with next-auth's 15 seconds' tolerance).
    if (known && known.expires > Date.now() / 1000 - 15) return { userId: known.userId, sessionId: known.sessionId };
    try {
      const payload = await decode({ token, secret, salt: name });
      if (typeof payload?.sub === "string" && typeof payload.sid === "string") {
        remember(`${name}:${token}`, { userId: payload.sub, sessionId: payload.sid, expires: typeof payload.exp === "number" ? payload.exp : 0 });
        return { userId: payload.sub, sessionId: payload.sid };
      }
    } catch {
      // Tampered with, expired or from another secret: not signed in.
    }
    return null;
  }
  return null;
}

// Cookies already decrypted, by their exact text. A session's cookie is the
// same on each of its requests, and decrypting it (deriving the key,
// checking its thumbprint, then the cipher) was 0.7 ms of every signed-in
// request. Only a token that decrypted whole is kept, and what it holds is
// only which session to check: the session itself is still read and checked
// on every request (checkSession), so signing out, idling or deactivation
// end it at once as before. The oldest is forgotten past the limit.
const DECRYPTED_LIMIT = 5_000;
const decrypted = new Map<string, { userId: string; sessionId: string; expires: number }>();
function remember(key: string, ids: { userId: string; sessionId: string; expires: number }) {
  if (decrypted.size >= DECRYPTED_LIMIT) decrypted.delete(decrypted.keys().next().value!);
  decrypted.set(key, ids);
}

/** The signed-in user and session, checked once per request. */
const sessionState = cache(async (): Promise<SessionState> => {
  const ids = await sessionIds();
  if (!ids) return { user: null, ended: null };
  const { userId, sessionId } = ids;
  // The session, its user, the security settings, the account page's settings and the unread notices in one query: it runs on every request.
  const checked = await checkSession(sessionId, userId);
  if (!checked.user) return { user: null, ended: checked.ended };
  const user = checked.user;
  const required = user.totpEnabledAt ? [] : checked.totpRequiredFor;
  return {
    user: {
      id: user.id,
      role: user.role,
      teamId: user.teamId,
      organisationWide: user.role === "SUPERVISOR" && user.organisationWide,
      name: user.name,
      email: user.email,
      locale: user.locale,
      teamName: user.team?.name ?? null,
      sessionId,
      settings: user.settings,
      mustSetUpTotp: required.includes(user.role),
      grantMaxDays: checked.grantMaxDays ?? DEFAULT_GRANT_MAX_DAYS,
      unreadNotices: checked.unreadNotices,
    },
  };
});

/**
 * The signed-in, active user with a live session, or null; also null while
 * they still must set up an authenticator app (API routes use this).
 */
export async function currentUser(): Promise<CurrentUser | null> {
  const { user } = await sessionState();
  return user && !user.mustSetUpTotp ? user : null;
}

/** Whether anyone is signed in, even before setting up a required authenticator app (for the sign-in page). */
export async function signedIn(): Promise<boolean> {
  return (await sessionState()).user !== null;
}

/** The signed-in user with a live session, even before setting up a required authenticator app (signing out). */
export async function signedInUser(): Promise<CurrentUser | null> {
  return (await sessionState()).user;
}

/**
 * For pages and actions: the signed-in user, or a redirect to sign-in that
 * says why the session ended. A user who must set up an authenticator app
 * is sent to do that first.
 */
export async function requireUser(options: { settingUpTotp?: boolean } = {}): Promise<CurrentUser> {
  const state = await sessionState();
  if (!state.user) redirect(state.ended && state.ended !== "signed-out" ? `/login?ended=${state.ended}` : "/login");
  if (state.user.mustSetUpTotp && !options.settingUpTotp) redirect("/account/security");
  return state.user;
}

/** For pages a role may not open at all: answers 404 rather than revealing the page. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) notFound();
  return user;
}

import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { can, type Actor, type Permission } from "@/lib/policy";
import { auth } from "./index";
import { checkSession, type SessionEnd } from "./sessions";

export type CurrentUser = Actor & {
  name: string;
  email: string;
  locale: string;
  teamName: string | null;
  sessionId: string;
  /** Signed in, but an administrator requires an authenticator app for this role and none is set up yet. */
  mustSetUpTotp: boolean;
};

type SessionState = { user: CurrentUser } | { user: null; ended: SessionEnd | null };

/** The signed-in user and session, checked once per request. */
const sessionState = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = (session as { sessionId?: string | null } | null)?.sessionId;
  if (!userId || !sessionId) return { user: null, ended: null };
  // The session, its user and the authenticator setting in one query: it runs on every request.
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
      mustSetUpTotp: required.includes(user.role),
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

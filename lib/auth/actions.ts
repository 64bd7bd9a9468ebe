"use server";
import { formText } from "@/lib/forms";
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/request-context";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";
import { signIn, signOut } from "./index";
import { currentUser, signedInUser } from "./current-user";
import { endSession } from "./sessions";

// invalid: one message for every wrong e-mail, password or code, never saying
// which part was wrong; locked: too many failures; code: ask for the code.
export type SignInState = { error?: "invalid" | "locked" | "code"; email?: string; askCode?: boolean };

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = formText(formData, "email");
  const code = formText(formData, "code").trim();
  try {
    await signIn("credentials", {
      email,
      password: formText(formData, "password"),
      ...(code ? { code } : {}),
      redirectTo: "/cases",
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const reason = error.code === "locked" || error.code === "code" ? error.code : "invalid";
      return { error: reason, email, askCode: reason === "code" || (Boolean(previous?.askCode) && reason === "invalid") };
    }
    if (error instanceof AuthError) return { error: "invalid", email, askCode: previous?.askCode };
    throw error; // the redirect that signals success
  }
  return {};
}

export async function signOutAction() {
  // Also a session still waiting for its authenticator app to be set up.
  const user = await signedInUser();
  if (user) {
    const ip = await clientIp();
    await endSession(user.sessionId, "signed-out");
    await recordAudit(db, { actorId: user.id, action: "logout", entity: "User", entityId: user.id, ip, detail: { session: user.sessionId } });
  }
  await signOut({ redirectTo: "/login" });
}

/**
 * Saves the interface language: on the account when signed in, else in a
 * cookie; then loads the page again, so every part of it (header, page,
 * the client's own messages) is drawn in the new language by a request that
 * reads the saved choice.
 */
export async function setLocaleAction(formData: FormData) {
  const locale = formText(formData, "locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  const user = await currentUser();
  if (user && user.locale !== locale) {
    const ip = await clientIp();
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { locale } });
      await recordAudit(tx, { actorId: user.id, action: "user.update", entity: "User", entityId: user.id, fields: ["locale"], ip });
    });
  }
  redirect(samePagePath(formText(formData, "returnTo")));
}

/** The page the form was on: a path of this site only (never "//elsewhere" or a full address); the start page otherwise. */
function samePagePath(path: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(path) ? path : "/";
}


"use server";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/request-context";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";
import { signIn, signOut } from "./index";
import { currentUser } from "./current-user";

export type SignInState = { error?: "invalid"; email?: string };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: "/cases",
    });
  } catch (error) {
    // One message for every failure: never say which part was wrong.
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error; // the redirect that signals success
  }
  return {};
}

export async function signOutAction() {
  const user = await currentUser();
  if (user) {
    const ip = await clientIp();
    await db.$transaction((tx) => recordAudit(tx, { actorId: user.id, action: "logout", entity: "User", entityId: user.id, ip }));
  }
  await signOut({ redirectTo: "/login" });
}

/** Saves the interface language: on the account when signed in, else in a cookie. */
export async function setLocaleAction(formData: FormData) {
  const locale = String(formData.get("locale") ?? "");
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
}


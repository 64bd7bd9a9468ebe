import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { can, type Actor, type Permission } from "@/lib/policy";
import { auth } from "./index";

export type CurrentUser = Actor & {
  name: string;
  email: string;
  locale: string;
  teamName: string | null;
};

/** The signed-in, active user, or null. Cached for the length of one request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, role: true, teamId: true, organisationWide: true, name: true, email: true, locale: true, active: true, team: { select: { name: true } } },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    role: user.role,
    teamId: user.teamId,
    organisationWide: user.role === "SUPERVISOR" && user.organisationWide,
    name: user.name,
    email: user.email,
    locale: user.locale,
    teamName: user.team?.name ?? null,
  };
});

/** For pages and actions: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages a role may not open at all: answers 404 rather than revealing the page. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) notFound();
  return user;
}

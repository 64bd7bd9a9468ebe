import "server-only";
import { db } from "@/lib/db";

/** Every account for the administrators' list, with its last sign-in. */
export async function listUsers() {
  const [users, lastSignIns, teams, setting] = await Promise.all([
    db.user.findMany({
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: { id: true, name: true, email: true, role: true, organisationWide: true, active: true, totpEnabledAt: true, team: { select: { name: true } } },
    }),
    db.session.groupBy({ by: ["userId"], _max: { createdAt: true } }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.securitySetting.findUnique({ where: { id: 1 } }),
  ]);
  const last = new Map(lastSignIns.map((s) => [s.userId, s._max.createdAt]));
  return { users: users.map((u) => ({ ...u, lastSignIn: last.get(u.id) ?? null })), teams, totpRequiredFor: setting?.totpRequiredFor ?? [], grantMaxDays: setting?.grantMaxDays ?? 30 };
}

export async function getUserForAdmin(id: string) {
  const [user, teams, openSessions] = await Promise.all([
    db.user.findUnique({
      where: { id },
      select: { id: true, name: true, email: true, role: true, teamId: true, organisationWide: true, active: true, totpEnabledAt: true, version: true },
    }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.session.count({ where: { userId: id, endedAt: null } }),
  ]);
  return user ? { user, teams, openSessions } : null;
}

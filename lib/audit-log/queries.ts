import "server-only";
// Browsing the audit log. Supervisors read the entries about their teams'
// cases; administrators read sign-in events and account changes (they see
// no case content). Reading the log is itself audited.
import { z } from "@/lib/zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { auditReach, type Actor } from "@/lib/policy";
import { addCalendarDays, isDateParam, startOfBangkokDay } from "@/lib/dates";

export const SIGN_IN_ACTIONS = ["login", "login.failed", "login.blocked", "logout"];
const ACCOUNT_ACTIONS = ["user.create", "user.update", "user.deactivate", "user.reactivate", "user.password", "user.totp"];
const PAGE = 50;

const day = z
  .string()
  .refine(isDateParam)
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  code: z.string().trim().max(40).regex(/^[A-Za-z0-9-]*$/).optional().catch(undefined),
  actor: z.string().uuid().optional().catch(undefined),
  action: z.string().max(60).regex(/^[a-z.-]*$/).optional().catch(undefined),
  from: day,
  to: day,
  // An audit row id (bigint): anything outside that range shows the first page.
  before: z.coerce.bigint().min(1n).max(9_223_372_036_854_775_807n).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type AuditRow = { id: bigint; at: Date; action: string; entity: string; fields: string[]; ip: string | null; detail: unknown; actor: string | null; code: string | null };

/** A page of entries, newest first, within what this actor may read; null if they may read none. */
export async function browseAudit(actor: Actor, filter: AuditFilter, ip: string | null) {
  const reach = auditReach(actor);
  if (!reach) return null;
  const conditions: Prisma.Sql[] = [];
  let from = Prisma.sql`"AuditLog" a left join "User" u on u.id = a."actorId" left join "Case" c on c.id = a."caseId"`;
  if (reach.events === "accounts") {
    conditions.push(Prisma.sql`a.action = any(${[...SIGN_IN_ACTIONS, ...ACCOUNT_ACTIONS]}::text[])`);
  } else {
    const teams = (await db.team.findMany({ where: reach.teams, select: { id: true } })).map((t) => t.id);
    // Entries of a case merged into another belong to the surviving case (its team, its code).
    from = Prisma.sql`"AuditLog" a left join "CaseMerge" m on m."mergedCaseId" = a."caseId"
      join "Case" c on c.id = coalesce(m."survivingCaseId", a."caseId") left join "User" u on u.id = a."actorId"`;
    conditions.push(Prisma.sql`c."teamId" = any(${teams}::uuid[])`);
  }
  if (filter.code) {
    const code = filter.code.toUpperCase();
    conditions.push(reach.events === "accounts" ? Prisma.sql`c.code = ${code}` : Prisma.sql`(c.code = ${code} or m."mergedCode" = ${code})`);
  }
  if (filter.actor) conditions.push(Prisma.sql`a."actorId" = ${filter.actor}::uuid`);
  if (filter.action) conditions.push(Prisma.sql`a.action = ${filter.action}`);
  if (filter.from) conditions.push(Prisma.sql`a.at >= ${startOfBangkokDay(filter.from)}`);
  if (filter.to) conditions.push(Prisma.sql`a.at < ${startOfBangkokDay(addCalendarDays(filter.to, 1))}`);
  if (filter.before) conditions.push(Prisma.sql`a.id < ${filter.before}`);
  const rows = await db.$queryRaw<AuditRow[]>`
    select a.id, a.at, a.action, a.entity, a.fields, a.ip, a.detail, u.name as actor, c.code
    from ${from} where ${Prisma.join(conditions, " and ")}
    order by a.id desc limit ${PAGE + 1}`;
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: actor.id,
      action: "audit.view",
      entity: "AuditLog",
      ip,
      detail: { code: filter.code ?? null, actor: filter.actor ?? null, action: filter.action ?? null, from: filter.from ?? null, to: filter.to ?? null },
    }),
  );
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1].id : null };
}

/** The people and actions to filter by. */
export async function auditFilterOptions(actor: Actor) {
  const reach = auditReach(actor);
  if (!reach) return { people: [] };
  const people =
    reach.events === "accounts"
      ? await db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })
      : await db.user.findMany({ where: { OR: [{ team: reach.teams }, { role: "LEGAL_OFFICER" }] }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { people };
}

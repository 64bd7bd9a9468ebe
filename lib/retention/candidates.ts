import "server-only";
// Which records a retention rule reaches at a cutoff: one query per kind and
// action, used alike by the preview, by the run to find its next batch and,
// inside each batch's transaction, to check the batch again (a hold placed or
// a case reopened since is then left alone). So the preview is what the run
// does, and a legal hold is asked at the moment of acting.
import { Prisma } from "@/lib/generated/prisma/client";
import type { RetentionAction } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { RetentionKind } from "./kinds";

export type Candidate = { id: string; code: string | null; caseId: string | null; source: string };

/** A case that stands under a legal hold is never touched. */
const notHeld = Prisma.sql`not exists (select 1 from "LegalHold" h where h."caseId" = c.id and h."liftedAt" is null)`;
const closedBefore = (cutoff: Date) => Prisma.sql`c.status = 'CLOSED' and c."closedAt" < ${cutoff} and ${notHeld}`;

/** The candidates as rows (id, code, caseId, source): `source` tells tables apart where a kind spans two. */
function candidateSql(kind: RetentionKind, action: RetentionAction, cutoff: Date): Prisma.Sql {
  switch (kind) {
    case "closedCases":
      return Prisma.sql`select c.id::text as id, c.code, c.id::text as "caseId", 'Case' as source from "Case" c
        where ${closedBefore(cutoff)} ${action === "ANONYMISE" ? Prisma.sql`and c."anonymisedAt" is null` : Prisma.empty}`;
    case "documents":
      return Prisma.sql`select d.id::text as id, c.code, c.id::text as "caseId", 'Document' as source from "Document" d join "Case" c on c.id = d."caseId"
        where ${closedBefore(cutoff)}`;
    case "notes":
      return Prisma.sql`select n.id::text as id, c.code, c.id::text as "caseId", 'Note' as source from "Note" n join "Case" c on c.id = n."caseId"
        where ${closedBefore(cutoff)} ${action === "ANONYMISE" ? Prisma.sql`and n.body <> ''` : Prisma.empty}`;
    case "imports":
      return Prisma.sql`select b.id::text as id, null::text as code, null::text as "caseId", 'ImportBatch' as source from "ImportBatch" b
        where b."createdAt" < ${cutoff} ${action === "ANONYMISE" ? Prisma.sql`and b."fileName" <> ''` : Prisma.empty}`;
    case "referralsReceived":
      // Referrals to a partner team in this deployment, quiet since the cutoff, still showing what was shared.
      return Prisma.sql`select r.id::text as id, c.code, c.id::text as "caseId", 'Referral' as source from "Referral" r
        join "Partner" p on p.id = r."partnerId" join "Case" c on c.id = r."caseId"
        where p."teamId" is not null and r."updatedAt" < ${cutoff} and r."sharedRemovedAt" is null and ${notHeld}`;
    case "notifications":
      return Prisma.sql`select n.id::text as id, null::text as code, null::text as "caseId", 'Notification' as source from "Notification" n
        where coalesce(n."readAt", n."createdAt") < ${cutoff}`;
    case "signInRecords":
      // Ended (or long idle) sessions, and failed-sign-in counters no longer blocking anyone.
      return Prisma.sql`select s.id::text as id, null::text as code, null::text as "caseId", 'Session' as source from "Session" s
          where coalesce(s."endedAt", s."lastSeenAt") < ${cutoff}
        union all
        select t.key as id, null::text, null::text, 'SignInThrottle' from "SignInThrottle" t
          where t."windowStart" < ${cutoff} and (t."blockedUntil" is null or t."blockedUntil" < ${cutoff})`;
    case "auditLog":
      // Rows of the months that ended by the cutoff: what dropping those months' tables removes.
      return Prisma.sql`select a.id::text as id, null::text as code, null::text as "caseId", 'AuditLog' as source from "AuditLog" a
        where a."at" < ${auditMonthsBefore(cutoff)} and a.tableoid <> '"AuditLog_default"'::regclass`;
  }
}

/** The audit log goes by whole months: those that ended by the cutoff (UTC months, as "at" is stored). */
export function auditMonthsBefore(cutoff: Date): Date {
  return new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth(), 1));
}

/** The next batch after `after` (ids in text order), optionally only among `ids`. */
export function candidates(tx: Tx, kind: RetentionKind, action: RetentionAction, cutoff: Date, page: { after?: string; ids?: string[]; limit: number }) {
  return tx.$queryRaw<Candidate[]>`
    select * from (${candidateSql(kind, action, cutoff)}) x
    where true ${page.after !== undefined ? Prisma.sql`and x.id > ${page.after}` : Prisma.empty}
      ${page.ids ? Prisma.sql`and x.id = any(${page.ids}::text[])` : Prisma.empty}
    order by x.id limit ${page.limit}`;
}

/** How many records a rule reaches, and the codes of their cases (sorted). */
export async function reach(tx: Tx, kind: RetentionKind, action: RetentionAction, cutoff: Date): Promise<{ count: number; codes: string[] }> {
  const [row] = await tx.$queryRaw<{ count: number; codes: string[] }[]>`
    select count(*)::int as count, coalesce(array_agg(distinct x.code order by x.code) filter (where x.code is not null), '{}') as codes
    from (${candidateSql(kind, action, cutoff)}) x`;
  return row;
}

import "server-only";
// Views of pages that show case data but no single case (lists, boards,
// calendars, the dashboard): audited like opening a case is, with the case
// codes the page showed, so "who saw this case?" has an answer for them too.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { readWhileAuditing, recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/request-context";
import type { Actor } from "@/lib/policy";

export type ViewedPage = "hearings" | "board" | "deadlines" | "tasks" | "dashboard" | "monthly-report" | "notifications" | "referrals" | "import-batch" | "retention" | "outbox";

/** Non-identifying context of a view (a filter, a page number): never names. */
export type ViewDetail = Record<string, string | number | boolean | null>;

/** A view to record (writePageView, pageViewStep): where it came from, and what else to note. */
export type Viewing = { ip: string | null; detail?: ViewDetail };

/** At most this many codes are listed in one row: a page never shows more. */
const MAX_CODES = 500;

export async function recordPageView(actor: Pick<Actor, "id">, page: ViewedPage, shown: { cases: string[]; entityId?: string; detail?: ViewDetail }) {
  await writePageView(actor, page, { ip: await clientIp(), detail: shown.detail }, shown.cases, shown.entityId);
}

/** recordPageView's row, written by a round trip of its own. */
export async function writePageView(actor: Pick<Actor, "id">, page: ViewedPage, viewing: Viewing, codes: string[], entityId?: string) {
  const cases = [...new Set(codes)];
  await recordAudit(db, {
    actorId: actor.id,
    action: "page.view",
    entity: "Page",
    entityId: entityId ?? page,
    ip: viewing.ip,
    detail: { page, rows: cases.length, cases: cases.slice(0, MAX_CODES), ...viewing.detail },
  });
}

/**
 * The same row as writePageView's, as a step of the read's own statement
 * (a `with` query: `viewed as (${pageViewStep(...)})`), for a read on the
 * primary that knows in SQL which cases it shows. `shown` is a query of the
 * page's case codes (`code`) in the order shown (`n`), repeats allowed;
 * `detailSql`, a jsonb object the statement works out (the page it showed,
 * say). PostgreSQL runs the step whether or not the rest of the statement
 * reads it, in the statement's transaction, so the view is recorded if and
 * only if it was read, with no round trip of its own: under load one cost a
 * case page about 2 ms of CPU (docs/benchmarks.md, session 38). A test
 * checks both give the same row (page-views.integration.test).
 */
export function pageViewStep(actor: Pick<Actor, "id">, page: ViewedPage, viewing: Viewing, shown: Prisma.Sql, detailSql: Prisma.Sql = Prisma.sql`'{}'::jsonb`): Prisma.Sql {
  // Repeats keep their first place, as writePageView's Set does.
  return Prisma.sql`insert into "AuditLog" ("actorId", action, entity, "entityId", fields, ip, detail)
    select ${actor.id}::uuid, 'page.view', 'Page', ${page}, '{}'::text[], ${viewing.ip},
      jsonb_build_object('page', ${page}::text, 'rows', count(*), 'cases', coalesce(jsonb_agg(v.code order by v.n) filter (where v.place <= ${MAX_CODES}), '[]'::jsonb))
        || ${JSON.stringify(viewing.detail ?? {})}::jsonb || ${detailSql}
    from (select s.code, min(s.n) as n, row_number() over (order by min(s.n)) as place from (${shown}) s group by s.code) v`;
}

/**
 * A page's read with its view recorded beside it (readWhileAuditing), for a
 * page whose record of the view does not depend on what it reads.
 */
export function readRecordingView<T>(read: () => Promise<T>, actor: Pick<Actor, "id">, page: ViewedPage, shown: Parameters<typeof recordPageView>[2]): Promise<T> {
  return readWhileAuditing(read, recordPageView(actor, page, shown));
}

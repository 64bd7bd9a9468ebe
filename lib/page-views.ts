import "server-only";
// Views of pages that show case data but no single case (lists, boards,
// calendars, the dashboard): audited like opening a case is, with the case
// codes the page showed, so "who saw this case?" has an answer for them too.
import { db } from "@/lib/db";
import { readWhileAuditing, recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/request-context";
import type { Actor } from "@/lib/policy";

export type ViewedPage = "hearings" | "board" | "deadlines" | "tasks" | "dashboard" | "monthly-report" | "notifications" | "referrals" | "import-batch" | "retention" | "outbox";

/** At most this many codes are listed in one row: a page never shows more. */
const MAX_CODES = 500;

export async function recordPageView(actor: Pick<Actor, "id">, page: ViewedPage, shown: { cases: string[]; entityId?: string; detail?: Record<string, string | number | boolean | null> }) {
  const cases = [...new Set(shown.cases)];
  await recordAudit(db, {
    actorId: actor.id,
    action: "page.view",
    entity: "Page",
    entityId: shown.entityId ?? page,
    ip: await clientIp(),
    detail: { page, rows: cases.length, cases: cases.slice(0, MAX_CODES), ...shown.detail },
  });
}

/**
 * A page's read with its view recorded beside it (readWhileAuditing), for a
 * page whose record of the view does not depend on what it reads.
 */
export function readRecordingView<T>(read: () => Promise<T>, actor: Pick<Actor, "id">, page: ViewedPage, shown: Parameters<typeof recordPageView>[2]): Promise<T> {
  return readWhileAuditing(read, recordPageView(actor, page, shown));
}

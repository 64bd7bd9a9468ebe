import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { CaseAccess } from "@/lib/cases/access";
import { loadCaseSummary, type SummaryRequest } from "./case-summary";
import { renderCaseSummaryPdf } from "./pdf";
import { summaryWords } from "./words";

/** The one-page PDF summary of an opened case, audited with the sections chosen and whether names were included (and why). */
export async function exportCaseSummary(access: CaseAccess, request: SummaryRequest & { purpose: string | null }, ip: string | null): Promise<Buffer> {
  const summary = await loadCaseSummary(access, request);
  const pdf = await renderCaseSummaryPdf(summary, await summaryWords());
  await recordAudit(db, {
    actorId: access.actor.id,
    action: "case.summary",
    entity: "Case",
    entityId: access.caseId,
    caseId: access.caseId,
    ip,
    fields: request.sections,
    detail: { identifying: request.identifying, purpose: request.purpose },
  });
  return pdf;
}

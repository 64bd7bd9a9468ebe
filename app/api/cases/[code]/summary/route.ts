import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { db } from "@/lib/db";
import { visibleCase } from "@/lib/cases/queries";
import { recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/request-context";
import { loadCaseSummary } from "@/lib/summaries/case-summary";
import { renderCaseSummaryPdf } from "@/lib/summaries/pdf";
import { summaryWords } from "@/lib/summaries/words";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";

export const dynamic = "force-dynamic";

const summaryForm = z
  .object({
    sections: z.array(z.enum(SUMMARY_SECTION_NAMES)).min(1),
    identifying: z.boolean(),
    purpose: z.string().trim().max(500).nullable(),
  })
  .refine((v) => !v.identifying || v.purpose, { message: "purposeRequired" });

/**
 * A one-page PDF summary of one case, for a referral. Supervisors only (it
 * is an export), for cases they may see; pseudonymised unless they choose
 * identifying details and say why; every summary is audited.
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Sign in required", { status: 401 });
  const { code } = await params;
  const found = can(user, "case:export") ? await visibleCase(user, code) : null;
  if (!found) return new Response("Not found", { status: 404 });
  const form = await request.formData();
  const purpose = form.get("purpose");
  const parsed = summaryForm.safeParse({
    sections: form.getAll("sections"),
    identifying: form.get("identifying") === "on",
    purpose: typeof purpose === "string" && purpose.trim() ? purpose : null,
  });
  if (!parsed.success) return new Response("Choose at least one section; a purpose is required to include names.", { status: 400 });

  const summary = await loadCaseSummary(found.id, parsed.data);
  const pdf = await renderCaseSummaryPdf(summary, await summaryWords());
  const ip = await clientIp();
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: user.id,
      action: "case.summary",
      entity: "Case",
      entityId: found.id,
      caseId: found.id,
      ip,
      fields: parsed.data.sections,
      detail: { identifying: parsed.data.identifying, purpose: parsed.data.purpose },
    }),
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="waypoint-${code}-summary.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}

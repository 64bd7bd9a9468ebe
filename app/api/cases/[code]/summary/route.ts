import { z } from "zod";
import { caseRoute } from "@/lib/routes";
import { exportCaseSummary } from "@/lib/summaries/export";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";

export const dynamic = "force-dynamic";

const summaryForm = z
  .object({
    sections: z.array(z.enum(SUMMARY_SECTION_NAMES)).min(1),
    identifying: z.boolean(),
    purpose: z.string().trim().max(500).nullable(),
  })
  .refine((v) => !v.identifying || v.purpose, { message: "purposeRequired" });

const readSummaryForm = (form: FormData) => {
  const purpose = form.get("purpose");
  return { sections: form.getAll("sections"), identifying: form.get("identifying") === "on", purpose: typeof purpose === "string" && purpose.trim() ? purpose : null };
};

/**
 * A one-page PDF summary of one case, for a referral. Supervisors only (it
 * is an export), for cases they may see; pseudonymised unless they choose
 * identifying details and say why; every summary is audited.
 */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return caseRoute(request, code, { permission: "case:export", schema: summaryForm, body: { form: readSummaryForm } }, async ({ access, input, ip }) => {
    const pdf = await exportCaseSummary(access, input, ip);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="waypoint-${access.code}-summary.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

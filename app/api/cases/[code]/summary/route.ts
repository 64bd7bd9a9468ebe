import { z } from "@/lib/zod";
import { caseRoute } from "@/lib/routes";
import { exportCaseSummary } from "@/lib/summaries/export";
import { SUMMARY_SECTION_NAMES } from "@/lib/summaries/sections";

export const dynamic = "force-dynamic";

const summaryForm = z
  .object({
    sections: z.array(z.enum(SUMMARY_SECTION_NAMES)).min(1),
    identifying: z.boolean(),
    purpose: z.string().trim().max(500).nullable(),
    // Names leave the organisation only resting on a consent to share them (lib/consent).
    consentId: z.string().uuid().nullable(),
  })
  .refine((v) => !v.identifying || v.purpose, { message: "purposeRequired" })
  .refine((v) => !v.identifying || v.consentId, { message: "consentRequired" });

const readSummaryForm = (form: FormData) => {
  const purpose = form.get("purpose");
  const consentId = form.get("consentId");
  return {
    sections: form.getAll("sections"),
    identifying: form.get("identifying") === "on",
    purpose: typeof purpose === "string" && purpose.trim() ? purpose : null,
    consentId: typeof consentId === "string" && consentId ? consentId : null,
  };
};

/**
 * A one-page PDF summary of one case, for a referral. Supervisors only (it
 * is an export), for cases they may see; pseudonymised unless they choose
 * identifying details, say why and name the consent it rests on; every
 * summary is audited.
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

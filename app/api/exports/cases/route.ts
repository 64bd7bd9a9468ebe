import { z } from "zod";
import { apiRoute } from "@/lib/routes";
import { auditExport, caseCsvStream, caseXlsxStream } from "@/lib/exports/cases";
import { todayInBangkok } from "@/lib/dates";

export const dynamic = "force-dynamic";

const exportForm = z
  .object({
    identifying: z.preprocess((v) => v === "on", z.boolean()),
    format: z.enum(["csv", "xlsx"]).catch("csv"),
    purpose: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null), z.string().max(500).nullable()),
  })
  .refine((v) => !v.identifying || v.purpose, { message: "purposeRequired", path: ["purpose"] });

const readExportForm = (form: FormData) => ({ identifying: form.get("identifying"), purpose: form.get("purpose"), format: form.get("format") });

/** POST (not GET) so the choice and purpose never appear in a URL or a server log. Supervisors only. */
export async function POST(request: Request) {
  return apiRoute(request, { permission: "case:export", schema: exportForm, body: { form: readExportForm } }, async ({ user, input, ip }) => {
    await auditExport(user, input, ip);
    const xlsx = input.format === "xlsx";
    return new Response(xlsx ? caseXlsxStream(user, input) : caseCsvStream(user, input), {
      headers: {
        "Content-Type": xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="waypoint-cases-${input.identifying ? "identifying" : "pseudonymised"}-${todayInBangkok()}.${input.format}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

import { z } from "@/lib/zod";
import { apiRoute } from "@/lib/routes";
import { auditExport, caseCsvStream, caseXlsxStream } from "@/lib/exports/cases";
import { EXPORT_AUDIENCES } from "@/lib/exports/audiences";
import { encryptedZip, MIN_ARCHIVE_PASSWORD } from "@/lib/exports/encrypted";
import { todayInBangkok } from "@/lib/dates";

export const dynamic = "force-dynamic";

const exportForm = z
  .object({
    identifying: z.preprocess((v) => v === "on", z.boolean()),
    format: z.enum(["csv", "xlsx"]).catch("csv"),
    purpose: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null), z.string().max(500).nullable()),
    audience: z.enum(EXPORT_AUDIENCES).catch("team"),
    // Names leave only inside an encrypted archive, under a password the user chooses (never stored).
    archivePassword: z.preprocess((v) => (typeof v === "string" && v ? v : null), z.string().max(200).nullable()),
  })
  .refine((v) => !v.identifying || v.purpose, { message: "purposeRequired", path: ["purpose"] })
  .refine((v) => !v.identifying || (v.archivePassword?.length ?? 0) >= MIN_ARCHIVE_PASSWORD, { message: "archivePasswordTooShort", path: ["archivePassword"] });

const readExportForm = (form: FormData) => ({
  identifying: form.get("identifying"),
  purpose: form.get("purpose"),
  audience: form.get("audience"),
  format: form.get("format"),
  archivePassword: form.get("archivePassword"),
});

/** POST (not GET) so the choice, purpose and password never appear in a URL or a server log. Supervisors only. */
export async function POST(request: Request) {
  return apiRoute(request, { permission: "case:export", schema: exportForm, body: { form: readExportForm } }, async ({ user, input, ip }) => {
    const { archivePassword, ...choice } = input;
    await auditExport(user, choice, ip);
    const xlsx = choice.format === "xlsx";
    const name = `waypoint-cases-${choice.identifying ? "identifying" : "pseudonymised"}-${todayInBangkok()}`;
    const content = xlsx ? caseXlsxStream(user, choice) : caseCsvStream(user, choice);
    if (choice.identifying && archivePassword) {
      return new Response(encryptedZip(`${name}.${choice.format}`, content, archivePassword), {
        headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${name}.zip"`, "Cache-Control": "no-store" },
      });
    }
    return new Response(content, {
      headers: {
        "Content-Type": xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.${choice.format}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

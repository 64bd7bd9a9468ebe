import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { auditExport, caseCsvStream, caseXlsxStream } from "@/lib/exports/cases";
import { clientIp } from "@/lib/request-context";
import { todayInBangkok } from "@/lib/dates";

export const dynamic = "force-dynamic";

const exportForm = z
  .object({
    identifying: z.preprocess((v) => v === "on", z.boolean()),
    format: z.enum(["csv", "xlsx"]).catch("csv"),
    purpose: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : null), z.string().max(500).nullable()),
  })
  .refine((v) => !v.identifying || v.purpose, { message: "purposeRequired" });

/** POST (not GET) so the choice and purpose never appear in a URL or a server log. Supervisors only. */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return new Response("Sign in required", { status: 401 });
  if (!can(user, "case:export")) return new Response("Not found", { status: 404 });
  const form = await request.formData();
  const parsed = exportForm.safeParse({ identifying: form.get("identifying"), purpose: form.get("purpose"), format: form.get("format") });
  if (!parsed.success) return new Response("A purpose is required to include identifying fields.", { status: 400 });
  await auditExport(user, parsed.data, await clientIp());
  const day = todayInBangkok();
  const xlsx = parsed.data.format === "xlsx";
  return new Response(xlsx ? caseXlsxStream(user, parsed.data) : caseCsvStream(user, parsed.data), {
    headers: {
      "Content-Type": xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="waypoint-cases-${parsed.data.identifying ? "identifying" : "pseudonymised"}-${day}.${parsed.data.format}"`,
      "Cache-Control": "no-store",
    },
  });
}

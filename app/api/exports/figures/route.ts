import { z } from "@/lib/zod";
import { apiRoute } from "@/lib/routes";
import { auditFiguresExport, dashboardFigures, figureTeams } from "@/lib/dashboard/figures";
import { parsePeriod } from "@/lib/dashboard/period";
import { figureSheets, figuresCsv, figuresXlsx } from "@/lib/exports/figures";

export const dynamic = "force-dynamic";

const text = z.preprocess((v) => (typeof v === "string" ? v : undefined), z.string().optional());
const figuresForm = z.object({
  format: z.enum(["csv", "xlsx"]).catch("csv"),
  team: text.catch(undefined),
  from: text.catch(undefined),
  to: text.catch(undefined),
});

const readFiguresForm = (form: FormData) => ({ format: form.get("format"), team: form.get("team"), from: form.get("from"), to: form.get("to") });

/** The dashboard's figures for the chosen period and teams, as CSV or XLSX. Supervisors only; audited. */
export async function POST(request: Request) {
  return apiRoute(request, { permission: "case:export", schema: figuresForm, body: { form: readFiguresForm } }, async ({ user, input, ip }) => {
    const { format, team } = input;
    const period = parsePeriod({ from: input.from, to: input.to });
    const { selected } = await figureTeams(user, team);
    const sheets = figureSheets(await dashboardFigures(selected, period), period);
    await auditFiguresExport(user, { format, period, teams: selected, sheets: sheets.map((s) => s.name) }, ip);
    const body = format === "xlsx" ? new Uint8Array(await figuresXlsx(sheets)) : figuresCsv(sheets);
    return new Response(body, {
      headers: {
        "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="waypoint-figures-${period.from}-to-${period.to}.${format}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}

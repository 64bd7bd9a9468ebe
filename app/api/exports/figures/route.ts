import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/policy";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { dashboardFigures, figureTeams } from "@/lib/dashboard/figures";
import { parsePeriod } from "@/lib/dashboard/period";
import { figureSheets, figuresCsv, figuresXlsx } from "@/lib/exports/figures";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";

const figuresForm = z.object({
  format: z.enum(["csv", "xlsx"]).catch("csv"),
  team: z.string().optional().catch(undefined),
});

/** The dashboard's figures for the chosen period and teams, as CSV or XLSX. Supervisors only; audited. */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return new Response("Sign in required", { status: 401 });
  if (!can(user, "case:export") || !can(user, "dashboard:read")) return new Response("Not found", { status: 404 });
  const form = await request.formData();
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  const { format, team } = figuresForm.parse({ format: text("format"), team: text("team") });
  const period = parsePeriod({ from: text("from"), to: text("to") });
  const { selected } = await figureTeams(user, team);
  const sheets = figureSheets(await dashboardFigures(selected, period), period);
  const ip = await clientIp();
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId: user.id, action: "figures.export", entity: "Team", ip, fields: sheets.map((s) => s.name), detail: { format, period, teams: selected } }),
  );
  const body = format === "xlsx" ? new Uint8Array(await figuresXlsx(sheets)) : figuresCsv(sheets);
  return new Response(body, {
    headers: {
      "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="waypoint-figures-${period.from}-to-${period.to}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}

import { clientIp } from "@/lib/request-context";
import { auditImportReport, batchForRequest } from "@/lib/imports/api";

export const dynamic = "force-dynamic";

/** The rows that were not imported, with why, as CSV (formula-looking cells neutralised); every download audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await batchForRequest((await params).id);
  if (!found.ok) return found.response;
  const { user, batch } = found;
  if (!batch.errorReport) return new Response("Not found", { status: 404 });
  await auditImportReport(user, batch, await clientIp());
  return new Response(batch.errorReport, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="waypoint-import-errors-${batch.id.slice(0, 8)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

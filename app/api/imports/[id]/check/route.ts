import { clientIp } from "@/lib/request-context";
import { batchTable, checkImport } from "@/lib/imports/imports";
import { batchForRequest, describer, keepMappingAfterCheck, readImportRequest } from "@/lib/imports/api";

export const dynamic = "force-dynamic";

const SHOWN = 200;

/**
 * Checks every row against the mapping: errors per row and column, and rows
 * that may be people already registered. Nothing is imported; the mapping is
 * kept for the next file from the same source.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await batchForRequest((await params).id);
  if (!found.ok) return found.response;
  const { user, batch } = found;
  const body = await readImportRequest(request);
  if (!body.ok) return body.response;
  const table = batchTable(batch);
  if (!table) return Response.json({ error: "already imported" }, { status: 409 });
  const check = await checkImport(user, table, body.value.mapping);
  const describe = await describer();
  const rowsWithErrors = new Set(check.problems.map((p) => p.row)).size;
  const counts = { rows: check.total, valid: check.valid.length, rowsWithErrors, possibleDuplicates: check.duplicates.length };
  await keepMappingAfterCheck(user, batch, body.value.mapping, counts, await clientIp());
  return Response.json({
    total: check.total,
    valid: check.valid.length,
    rowsWithErrors,
    mapping: check.mapping.map((m) => ({ field: m.field, message: describe(m.message) })),
    problems: check.problems.slice(0, SHOWN).map((p) => ({ row: p.row, column: p.column, message: describe(p.message) })),
    moreProblems: Math.max(0, check.problems.length - SHOWN),
    duplicates: check.duplicates.slice(0, SHOWN),
    duplicateRows: check.duplicates.length,
  });
}

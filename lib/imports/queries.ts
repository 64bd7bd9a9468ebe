import "server-only";
// What the import pages show: the supervisor's teams, known sources and
// recent imports; one batch with its team and a first column mapping.
import { db } from "@/lib/db";
import { supervisedTeams, type Actor } from "@/lib/policy";
import { batchTable, importBatch } from "./imports";
import { guessMapping, type ColumnMapping } from "./fields";

export async function importsOverview(actor: Actor) {
  const [teams, sources, batches] = await Promise.all([
    db.team.findMany({ where: supervisedTeams(actor), select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.importMapping.findMany({ select: { source: true }, orderBy: { source: "asc" } }),
    db.importBatch.findMany({
      where: { createdById: actor.id },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, fileName: true, source: true, status: true, rowsTotal: true, rowsImported: true, rowsRejected: true, createdAt: true, errorReport: true },
    }),
  ]);
  return { teams, sources: sources.map((s) => s.source), batches };
}

/** One of the actor's batches (null: 404), with the mapping to start from: the source's saved one where its columns are in this file, else a guess from the headers. */
export async function importBatchView(actor: Actor, id: string) {
  const batch = await importBatch(actor, id);
  if (!batch) return null;
  const table = batchTable(batch);
  const [team, saved] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: batch.teamId }, select: { name: true } }),
    table ? db.importMapping.findUnique({ where: { source: batch.source } }) : null,
  ]);
  let initial: ColumnMapping = {};
  if (table) {
    const savedColumns = Object.entries((saved?.columns ?? {}) as ColumnMapping).filter(([, column]) => column && table.headers.includes(column));
    initial = savedColumns.length ? Object.fromEntries(savedColumns) : guessMapping(table.headers);
  }
  return { batch, table, team: team.name, initial };
}

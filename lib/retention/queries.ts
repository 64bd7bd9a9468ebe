import "server-only";
// What the retention page shows: the schedule, the next run's preview and
// the record of past runs.
import { db } from "@/lib/db";
import { retentionRules } from "./rules";
import { previewRetention } from "./run";
import { staffNames } from "@/lib/users/names";

const RUNS_SHOWN = 30;

export async function retentionOverview() {
  const [rules, runs] = await Promise.all([
    retentionRules(db),
    db.retentionRun.findMany({
      orderBy: { startedAt: "desc" },
      take: RUNS_SHOWN,
      select: { id: true, day: true, startedAt: true, finishedAt: true, status: true, startedById: true, items: { orderBy: { kind: "asc" }, select: { kind: true, action: true, months: true, cutoff: true, count: true, codes: true, detail: true } } },
    }),
  ]);
  // While a run works the page refreshes every two seconds to follow it: the preview (a count per rule) waits until it ends.
  const running = runs.some((r) => r.status === "running");
  const [preview, starters] = await Promise.all([running ? Promise.resolve(null) : previewRetention(), staffNames(runs.map((r) => r.startedById))]);
  return { rules, preview, running, runs: runs.map((r) => ({ ...r, startedBy: r.startedById ? (starters.get(r.startedById) ?? null) : null })) };
}
export type RetentionOverview = Awaited<ReturnType<typeof retentionOverview>>;

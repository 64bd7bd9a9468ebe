import "server-only";
// What the retention page shows: the schedule, the next run's preview and
// the record of past runs.
import { db } from "@/lib/db";
import { retentionRules } from "./rules";
import { previewRetention } from "./run";

const RUNS_SHOWN = 30;

export async function retentionOverview() {
  const [rules, preview, runs] = await Promise.all([
    retentionRules(db),
    previewRetention(),
    db.retentionRun.findMany({
      orderBy: { startedAt: "desc" },
      take: RUNS_SHOWN,
      select: { id: true, day: true, startedAt: true, finishedAt: true, status: true, startedById: true, items: { orderBy: { kind: "asc" }, select: { kind: true, action: true, months: true, cutoff: true, count: true, codes: true, detail: true } } },
    }),
  ]);
  const starterIds = [...new Set(runs.map((r) => r.startedById).filter((id): id is string => id !== null))];
  const starters = new Map((await db.user.findMany({ where: { id: { in: starterIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return { rules, preview, runs: runs.map((r) => ({ ...r, startedBy: r.startedById ? (starters.get(r.startedById) ?? null) : null })) };
}
export type RetentionOverview = Awaited<ReturnType<typeof retentionOverview>>;

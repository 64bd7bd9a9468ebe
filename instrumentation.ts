// Next calls register() once when a server starts: the place for work that
// runs beside the requests (the nightly retention run, the e-mail worker,
// the upkeep of the cases' next-hearing hints). Every such job is safe with
// any number of servers (each run is claimed, or each case locked, in
// PostgreSQL: lib/retention/run, lib/email/send, lib/hearings/next-hearing);
// scripts/serve.ts still gives them to one worker process per server
// (WAYPOINT_JOBS=off for the others), so a server's workers do not all look
// at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WAYPOINT_JOBS === "off") return;
  const { startRetentionSchedule } = await import("@/lib/retention/schedule");
  const { startEmailSchedule } = await import("@/lib/email/schedule");
  const { startNextHearingUpkeep } = await import("@/lib/hearings/next-hearing");
  const { log } = await import("@/lib/log");
  log.info({ retention: startRetentionSchedule(), email: startEmailSchedule(), nextHearings: startNextHearingUpkeep() }, "background jobs");
}

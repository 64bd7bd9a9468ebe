// Next calls register() once when a server starts: the place for work that
// runs beside the requests (the nightly retention run, the e-mail worker).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRetentionSchedule } = await import("@/lib/retention/schedule");
  startRetentionSchedule();
  const { startEmailSchedule } = await import("@/lib/email/schedule");
  startEmailSchedule();
}

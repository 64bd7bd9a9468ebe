import "server-only";
// The nightly retention run: every app server looks every quarter of an hour
// and, from 02:00 Bangkok time, runs the day's schedule unless it has run.
// runRetention's lock and the day's claim make it happen once however many
// servers look. RETENTION_SCHEDULE=off stops the looking (the end-to-end
// tests start their runs by hand).
import { db } from "@/lib/db";
import { bangkokInstant, dbDate, todayInBangkok } from "@/lib/dates";
import { repeat } from "@/lib/background";
import { runRetention } from "./run";

const LOOK_EVERY_MS = 15 * 60_000;
const FIRST_LOOK_MS = 60_000;
// RETENTION_RUN_FROM moves the start (HH:MM, Bangkok time).
const RUN_FROM = /^([01]\d|2[0-3]):[0-5]\d$/.test(process.env.RETENTION_RUN_FROM ?? "") ? process.env.RETENTION_RUN_FROM! : "02:00";

export async function runIfDue(now: Date = new Date()) {
  const day = todayInBangkok(now);
  if (now < bangkokInstant(day, RUN_FROM)) return null;
  if (await db.retentionRun.findUnique({ where: { day: dbDate(day) }, select: { id: true } })) return null;
  return runRetention({ now, day });
}

/** Starts looking; says whether it did. */
export function startRetentionSchedule(): boolean {
  if (process.env.RETENTION_SCHEDULE === "off") return false;
  repeat("retention schedule", runIfDue, { first: FIRST_LOOK_MS, every: LOOK_EVERY_MS });
  return true;
}

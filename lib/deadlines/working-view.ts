// A deadline's stored working, read back for display (browser-safe: no
// holiday library). The stored JSON is what lib/deadlines/count produced,
// plus the recounts a calendar change made.
import type { StoredWorking } from "./deadlines";
import { deadlineRules } from "@/lib/workflows";

export type WorkingView = StoredWorking & {
  /** The stage whose reaching started the period, or "certificateExpiry". */
  trigger: string | null;
  recounts: NonNullable<StoredWorking["recounts"]>;
};
export type DayOffView = StoredWorking["skipped"][number]["off"];

/** A task's working for display, or null when it has none (made by hand, or before deadlines kept their working). */
export function storedWorkingOf(value: unknown, ruleKey: string | null): WorkingView | null {
  if (!value || typeof value !== "object") return null;
  const working = value as StoredWorking;
  if (typeof working.countedFrom !== "string" || typeof working.due !== "string" || !working.period) return null;
  const rule = deadlineRules().find((r) => r.key === ruleKey);
  return {
    ...working,
    skipped: working.skipped ?? [],
    recounts: working.recounts ?? [],
    trigger: rule ? (rule.from === "certificateExpiry" ? "certificateExpiry" : rule.onStage) : null,
  };
}

import type { DeadlinePeriod, DeadlineRule } from "./types";

export type PeriodOverrides = Map<string, DeadlinePeriod>;

/** The period in force for a rule: the deployment's setting, else the default. */
export function effectivePeriod(rule: DeadlineRule, overrides: PeriodOverrides): DeadlinePeriod {
  return overrides.get(rule.key) ?? rule.period;
}

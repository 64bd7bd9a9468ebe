import "server-only";
import { db } from "@/lib/db";
import { deadlineRules, type PeriodUnit } from "@/lib/workflows";

export async function getSettings() {
  const [overrides, facilities, rates, programmes, courts, partners, teams] = await Promise.all([
    db.deadlineSetting.findMany(),
    db.facility.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, names: true, kind: true, active: true } }),
    db.exchangeRate.findMany({ orderBy: { currency: "asc" }, select: { currency: true, perUsd: true, updatedAt: true } }),
    db.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true, country: true, status: true } }),
    db.court.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true } }),
    db.partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true, services: true, team: { select: { name: true } } } }),
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const byKey = new Map(overrides.map((o) => [o.ruleKey, o]));
  return {
    rules: deadlineRules().map((rule) => {
      const override = byKey.get(rule.key);
      return { ...rule, current: override ? { amount: override.amount, unit: override.unit as PeriodUnit } : rule.period, changed: Boolean(override) };
    }),
    facilities,
    rates: rates.map((r) => ({ ...r, perUsd: r.perUsd.toString() })),
    programmes,
    courts,
    partners,
    teams,
  };
}

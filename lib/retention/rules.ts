import "server-only";
// The retention schedule as it stands: an administrator's rule for a kind,
// or its default (inactive) where none was set.
import type { Tx } from "@/lib/db";
import { RETENTION_KINDS, defaultRule, isRetentionKind, type RetentionRuleValues } from "./kinds";

export async function retentionRules(tx: Pick<Tx, "retentionRule">): Promise<RetentionRuleValues[]> {
  const rows = await tx.retentionRule.findMany({ select: { kind: true, months: true, action: true, active: true, version: true } });
  const set = new Map(rows.filter((r) => isRetentionKind(r.kind)).map((r) => [r.kind, r]));
  return RETENTION_KINDS.map((kind) => {
    const row = set.get(kind);
    return row ? { ...row, kind } : defaultRule(kind);
  });
}

// The kinds of record a retention schedule covers, the event each is counted
// from, what may be done to it, and the schedule Waypoint ships with. The
// reasoning behind each default is in docs/domain.md ("Retention").
import type { RetentionAction } from "@/lib/generated/prisma/enums";

export const RETENTION_KINDS = ["closedCases", "documents", "notes", "imports", "referralsReceived", "notifications", "signInRecords", "auditLog"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** What the period counts from. */
export type RetentionEvent = "caseClosed" | "fileUploaded" | "lastActivity" | "recorded";

export type RetentionKindRule = {
  event: RetentionEvent;
  /** The actions that make sense for the kind, the first the default. */
  actions: readonly RetentionAction[];
  defaultMonths: number;
  /** Whether its records belong to cases: these name case codes in the deletion record and yield to a legal hold. */
  ofCases: boolean;
  /** The shortest period allowed, where the kind has one of its own. */
  minMonths?: number;
};

export const KIND_RULES: Record<RetentionKind, RetentionKindRule> = {
  closedCases: { event: "caseClosed", actions: ["ANONYMISE", "DELETE"], defaultMonths: 72, ofCases: true },
  documents: { event: "caseClosed", actions: ["DELETE"], defaultMonths: 12, ofCases: true },
  notes: { event: "caseClosed", actions: ["ANONYMISE", "DELETE"], defaultMonths: 24, ofCases: true },
  imports: { event: "fileUploaded", actions: ["ANONYMISE", "DELETE"], defaultMonths: 3, ofCases: false },
  referralsReceived: { event: "lastActivity", actions: ["ANONYMISE"], defaultMonths: 12, ofCases: true },
  notifications: { event: "lastActivity", actions: ["DELETE"], defaultMonths: 6, ofCases: false },
  signInRecords: { event: "lastActivity", actions: ["DELETE"], defaultMonths: 12, ofCases: false },
  // Whole months are dropped (the log is partitioned by month); at least a
  // year always stays, which the database function enforces too.
  auditLog: { event: "recorded", actions: ["DELETE"], defaultMonths: 84, ofCases: false, minMonths: 12 },
};

/** A period is whole months, from one month to thirty years. */
export const MIN_MONTHS = 1;
export const MAX_MONTHS = 360;

export type RetentionRuleValues = { kind: RetentionKind; months: number; action: RetentionAction; active: boolean; version: number };

export function defaultRule(kind: RetentionKind): RetentionRuleValues {
  return { kind, months: KIND_RULES[kind].defaultMonths, action: KIND_RULES[kind].actions[0], active: false, version: 0 };
}

export const isRetentionKind = (value: string): value is RetentionKind => (RETENTION_KINDS as readonly string[]).includes(value);

import "server-only";
// Reading protected details (religion, phone, address, safe house) of a
// case's people: only the fields lib/policy.ts allows this actor, and every
// read is audited with the fields shown (never their values).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { protectedFields, type ProtectedField } from "@/lib/policy";
import type { CaseAccess } from "@/lib/cases/access";

export type ProtectedDetails = Partial<Record<ProtectedField, string | null>>;

/**
 * What to read of an opened case's people for their protected details: the
 * fields the policy lets this reader read, and the select that reads them
 * with each person's id. Null when there are none: nothing is read.
 */
export function protectedPeopleSelect(access: CaseAccess) {
  const fields = protectedFields(access.actor, "read", { namedOnCase: access.named });
  if (fields.length === 0) return null;
  const select = Object.fromEntries([["id", true], ...fields.map((f) => [f, true])]) as { id: true } & Partial<Record<ProtectedField, true>>;
  return { fields, select };
}

/**
 * The protected details of a case's people read with protectedPeopleSelect
 * (by readProtectedDetails, or in a statement of the page's own), the read
 * audited with the fields it shows.
 */
export async function protectedDetailsOf(access: CaseAccess, ip: string | null, fields: ProtectedField[], people: ({ id: string } & ProtectedDetails)[]) {
  const shown = fields.filter((field) => people.some((p) => p[field]));
  if (shown.length) {
    await recordAudit(db, { actorId: access.actor.id, action: "person.protected-view", entity: "Person", caseId: access.caseId, fields: shown, ip });
  }
  return { fields, byPerson: new Map(people.map(({ id, ...details }) => [id, details as ProtectedDetails])) };
}

/** The readable protected details of each person of an opened case. */
export async function readProtectedDetails(access: CaseAccess, ip: string | null) {
  const selection = protectedPeopleSelect(access);
  if (!selection) return { fields: [] as ProtectedField[], byPerson: new Map<string, ProtectedDetails>() };
  const people = (await db.person.findMany({ where: { caseId: access.caseId }, select: selection.select })) as ({ id: string } & ProtectedDetails)[];
  return protectedDetailsOf(access, ip, selection.fields, people);
}

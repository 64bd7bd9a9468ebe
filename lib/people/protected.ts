import "server-only";
// Reading protected details (religion, phone, address, safe house) of a
// case's people: only the fields lib/policy.ts allows this actor, and every
// read is audited with the fields shown (never their values).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { protectedFields, type ProtectedField } from "@/lib/policy";
import type { CaseAccess } from "@/lib/cases/access";

export type ProtectedDetails = Partial<Record<ProtectedField, string | null>>;

/** The readable protected details of each person of an opened case. */
export async function readProtectedDetails(access: CaseAccess, ip: string | null) {
  const { actor, caseId } = access;
  const fields = protectedFields(actor, "read", { namedOnCase: access.named });
  if (fields.length === 0) return { fields, byPerson: new Map<string, ProtectedDetails>() };
  const select = Object.fromEntries([["id", true], ...fields.map((f) => [f, true])]) as { id: true } & Partial<Record<ProtectedField, true>>;
  const people = (await db.person.findMany({ where: { caseId }, select })) as ({ id: string } & ProtectedDetails)[];
  const shown = fields.filter((field) => people.some((p) => p[field]));
  if (shown.length) {
    await recordAudit(db, { actorId: actor.id, action: "person.protected-view", entity: "Person", caseId, fields: shown, ip });
  }
  return { fields, byPerson: new Map(people.map(({ id, ...details }) => [id, details])) };
}

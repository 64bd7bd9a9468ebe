import "server-only";
// Reading protected details (religion, phone, address, safe house) of a
// case's people: only the fields lib/policy.ts allows this actor, and every
// read is audited with the fields shown (never their values).
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { protectedFields, type Actor, type ProtectedField } from "@/lib/policy";

/** Whether the actor is the case's caseworker or a member of it (counsel, second caseworker). */
export function namedOnCase(actor: Actor, file: { caseworkerId: string | null; members: { user: { id: string } }[] }) {
  return file.caseworkerId === actor.id || file.members.some((m) => m.user.id === actor.id);
}

export type ProtectedDetails = Partial<Record<ProtectedField, string | null>>;

/** The readable protected details of each person of a case the caller has already checked the actor may see. */
export async function readProtectedDetails(actor: Actor, caseId: string, named: boolean, ip: string | null) {
  const fields = protectedFields(actor, "read", { namedOnCase: named });
  if (fields.length === 0) return { fields, byPerson: new Map<string, ProtectedDetails>() };
  const select = Object.fromEntries([["id", true], ...fields.map((f) => [f, true])]) as { id: true } & Partial<Record<ProtectedField, true>>;
  const people = (await db.person.findMany({ where: { caseId }, select })) as ({ id: string } & ProtectedDetails)[];
  const shown = fields.filter((field) => people.some((p) => p[field]));
  if (shown.length) {
    await db.$transaction((tx) => recordAudit(tx, { actorId: actor.id, action: "person.protected-view", entity: "Person", caseId, fields: shown, ip }));
  }
  return { fields, byPerson: new Map(people.map(({ id, ...details }) => [id, details])) };
}

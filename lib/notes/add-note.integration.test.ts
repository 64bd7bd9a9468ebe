// A note sent again with the same idempotency key (its answer was lost, or
// a draft kept offline is sent on reconnect) is saved and audited once, also
// when the two sends arrive at the same moment; another writer's key, or a
// new key, makes a new note.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { addNote } from "./add-note";
import { noteSchema } from "./schema";

let caseworker: Actor;
let colleague: Actor;
let code: string;
let caseId: string;

beforeAll(async () => {
  const team = await makeTeam("Resent notes");
  caseworker = await makeUser("CASEWORKER", team.id);
  colleague = await makeUser("CASEWORKER", team.id);
  const made = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Resent ${tag()}` } });
  code = made.code;
  caseId = made.id;
});

const input = (body: string, idempotencyKey?: string) => noteSchema.parse({ kind: "VISIT", body, confidential: "false", idempotencyKey });
const notesSaying = (body: string) => testDb.note.findMany({ where: { caseId, body }, select: { id: true } });
const auditsOf = (id: string) => testDb.auditLog.count({ where: { action: "note.create", entityId: id } });

describe("a note sent more than once", () => {
  it("is saved once, and the repeat answers with the note saved first", async () => {
    const access = await openFor(caseworker, code);
    const key = randomUUID();
    const body = `Visit at the centre ${tag()}`;
    const first = await addNote(access, input(body, key), null);
    const again = await addNote(access, input(body, key), null);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await notesSaying(body)).toEqual([{ id: first.id }]);
    expect(await auditsOf(first.id)).toBe(1);
  });

  it("is saved once when both sends arrive at the same moment", async () => {
    const access = await openFor(caseworker, code);
    const key = randomUUID();
    const body = `Call from the police station ${tag()}`;
    const answers = await Promise.all([1, 2, 3].map(() => addNote(access, input(body, key), null)));
    const saved = await notesSaying(body);
    expect(saved).toHaveLength(1);
    expect(answers.map((a) => a.id)).toEqual([saved[0].id, saved[0].id, saved[0].id]);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(await auditsOf(saved[0].id)).toBe(1);
  });

  it("makes a new note for a new key, no key, or the same key from another writer", async () => {
    const key = randomUUID();
    const body = `Embassy contact ${tag()}`;
    await addNote(await openFor(caseworker, code), input(body, key), null);
    await addNote(await openFor(colleague, code), input(body, key), null);
    await addNote(await openFor(caseworker, code), input(body, randomUUID()), null);
    await addNote(await openFor(caseworker, code), input(body), null);
    await addNote(await openFor(caseworker, code), input(body), null);
    expect(await notesSaying(body)).toHaveLength(5);
  });

  it("refuses a key that is not a UUID, beside the field", () => {
    const parsed = noteSchema.safeParse({ kind: "VISIT", body: "x", idempotencyKey: "1; DROP TABLE" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["idempotencyKey"]);
  });
});

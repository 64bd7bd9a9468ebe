// The header's count of unread notices is read with the session check, in
// SQL kept beside caseScope (caseVisibleSql, noticeVisibleSql). It must
// count exactly the unread notices the notifications page may list
// (notificationScope, the policy's Prisma clause): compared here for every
// role on random cases, teams, sensitivities, memberships and guest grants,
// with an unread and a read notice of every case (and of none) for everyone.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { notificationScope, type Actor } from "@/lib/policy";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { checkSession } from "./sessions";

type Reader = Actor & { sessionId: string };

let teams: string[];
let readers: Reader[];
let cases: string[];

// Every role, with a team, without one, and a supervisor of every team.
const READERS: { role: Actor["role"]; team: number | null; organisationWide?: boolean }[] = [
  { role: "SUPERVISOR", team: 0 },
  { role: "SUPERVISOR", team: null, organisationWide: true },
  { role: "SUPERVISOR", team: null },
  { role: "CASEWORKER", team: 0 },
  { role: "CASEWORKER", team: 1 },
  { role: "CASEWORKER", team: null },
  { role: "LEGAL_OFFICER", team: 0 },
  { role: "GUEST", team: null },
  { role: "ADMIN", team: null },
];
const CASES = 4;
const GRANTS = ["none", "standing", "expired", "not yet", "revoked"] as const;

beforeAll(async () => {
  teams = [(await makeTeam("Unread A")).id, (await makeTeam("Unread B")).id];
  readers = [];
  for (const spec of READERS) {
    const user = await makeUser(spec.role, spec.team === null ? null : teams[spec.team]);
    if (spec.organisationWide) await testDb.user.update({ where: { id: user.id }, data: { organisationWide: true } });
    const session = await testDb.session.create({ data: { userId: user.id }, select: { id: true } });
    readers.push({ ...user, organisationWide: spec.organisationWide ?? false, sessionId: session.id });
  }
  cases = [];
  for (let i = 0; i < CASES; i++) {
    const made = await makeCase({ teamId: teams[i % 2], caseworkerId: null, actorId: readers[0].id, principal: { latinName: `Unread ${tag()}` } });
    cases.push(made.id);
  }
});

type CaseShape = {
  team: number;
  sensitivity: "STANDARD" | "HIGH" | "RESTRICTED";
  caseworker: number | null;
  members: { reader: number; role: "CASEWORKER" | "COUNSEL" | "OTHER" }[];
  guestGrant: (typeof GRANTS)[number];
};

const caseShape: fc.Arbitrary<CaseShape> = fc.record({
  team: fc.constantFrom(0, 1),
  sensitivity: fc.constantFrom("STANDARD" as const, "HIGH" as const, "RESTRICTED" as const),
  caseworker: fc.option(fc.nat({ max: READERS.length - 1 }), { nil: null }),
  members: fc.uniqueArray(fc.record({ reader: fc.nat({ max: READERS.length - 1 }), role: fc.constantFrom("CASEWORKER" as const, "COUNSEL" as const, "OTHER" as const) }), {
    selector: (m) => m.reader,
    maxLength: 3,
  }),
  guestGrant: fc.constantFrom(...GRANTS),
});

/**
 * Sets the cases, their memberships and the guest's grants (indexes into
 * readers and cases), and gives every reader an unread and a read notice
 * of every case and of none: each reader's count is then how many of the
 * cases they may see, plus one.
 */
async function arrange(shapes: CaseShape[]) {
  const readerIds = readers.map((r) => r.id);
  await testDb.notification.deleteMany({ where: { userId: { in: readerIds } } });
  await testDb.caseMember.deleteMany({ where: { caseId: { in: cases } } });
  await testDb.accessGrant.deleteMany({ where: { caseId: { in: cases } } });
  const now = Date.now();
  const hour = 3_600_000;
  const guest = readers.find((r) => r.role === "GUEST")!;
  for (const [i, shape] of shapes.entries()) {
    await testDb.case.update({
      where: { id: cases[i] },
      data: { teamId: teams[shape.team], sensitivity: shape.sensitivity, caseworkerId: shape.caseworker === null ? null : readers[shape.caseworker].id },
    });
    if (shape.members.length) {
      await testDb.caseMember.createMany({ data: shape.members.map((m) => ({ caseId: cases[i], userId: readers[m.reader].id, role: m.role })) });
    }
    if (shape.guestGrant !== "none") {
      const window =
        shape.guestGrant === "expired" ? [now - 48 * hour, now - hour] : shape.guestGrant === "not yet" ? [now + hour, now + 48 * hour] : [now - 24 * hour, now + 24 * hour];
      await testDb.accessGrant.create({
        data: {
          caseId: cases[i],
          userId: guest.id,
          sections: ["overview"],
          startsAt: new Date(window[0]),
          endsAt: new Date(window[1]),
          reason: "Interpreting",
          grantedById: readers[0].id,
          revokedAt: shape.guestGrant === "revoked" ? new Date(now - hour) : null,
        },
      });
    }
  }
  const kases = [...cases, null];
  await testDb.notification.createMany({
    data: readers.flatMap((reader) => kases.flatMap((caseId) => [null, new Date(now)].map((readAt) => ({ userId: reader.id, caseId, kind: "incident", readAt })))),
  });
}

describe("the header's unread count, read with the session", () => {
  it("is the number of unread notices the policy lets each reader see, for every role", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseShape, { minLength: CASES, maxLength: CASES }), async (shapes) => {
        await arrange(shapes);
        for (const reader of readers) {
          const expected = await testDb.notification.count({ where: { AND: [notificationScope(reader), { readAt: null }] } });
          const checked = await checkSession(reader.sessionId, reader.id);
          expect(checked.user?.id, reader.role).toBe(reader.id);
          expect({ role: reader.role, team: reader.teamId, unread: checked.unreadNotices }).toEqual({ role: reader.role, team: reader.teamId, unread: expected });
        }
      }),
      { numRuns: 30 },
    );
  });

  it("counts the notices of cases the reader may open, and of no case", async () => {
    // A fixed case of the above, so that the property is seen to have something to count.
    const caseworker = readers.findIndex((r) => r.role === "CASEWORKER" && r.teamId === teams[0]);
    const counsel = readers.findIndex((r) => r.role === "LEGAL_OFFICER");
    const shapes: CaseShape[] = [
      { team: 0, sensitivity: "STANDARD", caseworker: null, members: [{ reader: counsel, role: "OTHER" }], guestGrant: "none" },
      { team: 0, sensitivity: "RESTRICTED", caseworker: null, members: [], guestGrant: "none" },
      { team: 1, sensitivity: "STANDARD", caseworker: null, members: [{ reader: counsel, role: "COUNSEL" }], guestGrant: "standing" },
      { team: 1, sensitivity: "HIGH", caseworker, members: [], guestGrant: "expired" },
    ];
    await arrange(shapes);
    const unread = async (index: number) => (await checkSession(readers[index].sessionId, readers[index].id)).unreadNotices;
    // Their team's standard case, the other team's case they are assigned to, and the notice of no case.
    expect(await unread(caseworker)).toBe(3);
    // Only the case they are counsel on, and the notice of no case.
    expect(await unread(counsel)).toBe(2);
    expect(await unread(readers.findIndex((r) => r.role === "GUEST"))).toBe(2);
    expect(await unread(readers.findIndex((r) => r.role === "ADMIN"))).toBe(1);
  });
});

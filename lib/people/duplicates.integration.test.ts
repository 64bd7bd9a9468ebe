import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { freshDatabase } from "@/tests/db-helpers";
import { migrate } from "@/scripts/migrate";
import { findDuplicates, scoreCandidates } from "./duplicates";
import { PROBES, REGISTERED } from "./duplicates.fixture";

// The fixture gets a database of its own: people registered by other test
// files would be (correct) extra matches and blur the figures.
let db: Db;
const personKey = new Map<string, string>();
const caseOf = new Map<string, string>();

beforeAll(async () => {
  const url = await freshDatabase("waypoint_duplicates");
  await migrate(url);
  db = createPrismaClient(url, 4);
  const team = await db.team.create({ data: { name: "Fixture" } });
  const user = await db.user.create({ data: { email: "fixture@test.waypoint.test", name: "Fixture", role: "SUPERVISOR", teamId: team.id, passwordHash: "not-used" } });
  for (const [index, person] of REGISTERED.entries()) {
    const created = await db.case.create({
      data: {
        code: `WP-2026-${String(900000 + index)}`,
        teamId: team.id,
        caseworkerId: user.id,
        principalName: person.latinName,
        nationality: person.nationality,
        sensitivity: index % 7 === 0 ? "RESTRICTED" : "STANDARD",
        people: {
          create: {
            relationship: "PRINCIPAL",
            latinName: person.latinName,
            nativeName: person.nativeName ?? null,
            aliases: person.aliases ?? [],
            birthYear: person.birthYear ?? null,
            nationality: person.nationality,
            unhcrNumber: person.unhcrNumber ?? null,
            searchText: "",
          },
        },
      },
      select: { id: true, people: { select: { id: true } } },
    });
    personKey.set(created.people[0].id, person.key);
    caseOf.set(person.key, created.id);
    // The passport number is on an uploaded document, not typed on the person.
    if (person.documentNumber) {
      await db.document.create({
        data: {
          caseId: created.id,
          personId: created.people[0].id,
          type: "PASSPORT",
          number: person.documentNumber.slice(0, 1) + " " + person.documentNumber.slice(1),
          fileName: "passport.pdf",
          contentType: "application/pdf",
          sizeBytes: 1,
          sha256: "0".repeat(64),
          storageKey: `fixture-${index}`,
          uploadedById: user.id,
        },
      });
    }
  }
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("duplicate matcher on the fixture", () => {
  it("finds known duplicates and passes over known non-duplicates (recall ≥ 0.95 at precision ≥ 0.9)", async () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const misses: string[] = [];
    for (const probe of PROBES) {
      const found = (await scoreCandidates(db, probe)).map((c) => personKey.get(c.personId));
      if (probe.expected) {
        if (found.includes(probe.expected)) truePositives++;
        else {
          falseNegatives++;
          misses.push(`missed ${probe.expected} (${probe.why}: ${probe.latinName})`);
        }
      }
      for (const key of found) {
        if (key !== probe.expected) {
          falsePositives++;
          misses.push(`wrongly matched ${key} for ${probe.latinName} (${probe.why})`);
        }
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    const positives = PROBES.filter((p) => p.expected).length;
    console.info(
      `duplicate matcher: ${PROBES.length} probes (${positives} duplicates, ${PROBES.length - positives} different people) against ${REGISTERED.length} registered; ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${misses.length ? `\n  ${misses.join("\n  ")}` : ""}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it("says which fields matched", async () => {
    const [byNumber] = await scoreCandidates(db, { latinName: "Minh N.", nationality: "VN", unhcrNumber: "811-16c01234" });
    expect(personKey.get(byNumber.personId)).toBe("nguyen-vanminh");
    expect(byNumber.matched).toEqual(expect.arrayContaining(["unhcrNumber", "nationality"]));
    const [byPassport] = await scoreCandidates(db, { latinName: "Someone Else", nationality: "VN", documentNumber: "c-1234567" });
    expect(personKey.get(byPassport.personId)).toBe("dang-ngocanh");
    expect(byPassport.matched[0]).toBe("documentNumber");
    const [byName] = await scoreCandidates(db, { latinName: "Nguyen Van Minh", birthYear: 1984, nationality: "VN" });
    expect(byName.matched).toEqual(["name", "birthYear", "nationality"]);
  });

  it("shows a match in a case the actor may not open without its code or name", async () => {
    const team = await db.team.findFirstOrThrow({ where: { name: "Fixture" } });
    const caseworker = await db.user.create({ data: { email: "fixture-cw@test.waypoint.test", name: "Caseworker", role: "CASEWORKER", teamId: team.id, passwordHash: "x" } });
    const actor = { id: caseworker.id, role: caseworker.role, teamId: caseworker.teamId };
    // REGISTERED[0] (Kim Jong-un) is restricted (index 0 % 7), REGISTERED[1] is not.
    const restricted = await findDuplicates(db, actor, { latinName: "Kim Jong Un", birthYear: 1988, nationality: "KP" });
    expect(restricted.matches).toEqual([{ visible: false }]);
    expect(JSON.stringify(restricted.matches)).not.toMatch(/WP-|Kim/);
    // Security finding 2: the answer must not move with the birth year typed, nor say "restricted".
    for (const birthYear of [1987, 1989, null]) {
      expect((await findDuplicates(db, actor, { latinName: "Kim Jong Un", birthYear, nationality: "KP" })).matches).toEqual([{ visible: false }]);
    }
    expect(restricted.hiddenCases).toEqual([{ caseId: caseOf.get(REGISTERED[0].key), teamId: team.id }]);
    const open = await findDuplicates(db, actor, { latinName: "Yi Sun-hui", birthYear: 1979, nationality: "KP" });
    expect(open.matches).toEqual([expect.objectContaining({ visible: true, caseCode: "WP-2026-900001", matched: ["name", "birthYear", "nationality"] })]);
    // A case in another team: the caseworker learns only that a match exists.
    const other = await db.team.create({ data: { name: "Elsewhere" } });
    const outsider = { id: caseworker.id, role: "CASEWORKER" as const, teamId: other.id };
    expect((await findDuplicates(db, outsider, { latinName: "Yi Sun-hui", birthYear: 1979, nationality: "KP" })).matches).toEqual([{ visible: false }]);
  });

  it("keeps the compared spellings in step when a name is edited", async () => {
    const id = caseOf.get("li-ming")!;
    const person = await db.person.findFirstOrThrow({ where: { caseId: id } });
    await db.person.update({ where: { id: person.id }, data: { aliases: ["Ming Lee"] } });
    const stored = await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { nameKeys: true, nameWords: true } });
    expect(stored.nameKeys.split(" | ")).toEqual(expect.arrayContaining(["li ming", "liming", "lee ming", "minglee"]));
    // The words the case list search reads, kept by the same trigger.
    expect(stored.nameWords).toEqual(expect.arrayContaining(["li", "ming", "liming", "lee", "minglee"]));
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { assignmentOptions, listCases, restrictedCodes } from "./queries";
import { getCaseFile } from "./case-file";
import { openCase } from "./access";
import { parseCaseListParams } from "./list-params";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";

// One small world: two teams, every role, standard and restricted cases.
const run = tag();
let actors: Record<"caseworker" | "otherCaseworker" | "supervisor" | "otherSupervisor" | "legal" | "admin" | "northCaseworker", Actor>;
let cases: Record<"standard" | "restrictedMine" | "restrictedOther" | "counselled" | "north", { id: string; code: string }>;

beforeAll(async () => {
  const bangkok = await makeTeam("Bangkok");
  const north = await makeTeam("North");
  actors = {
    caseworker: await makeUser("CASEWORKER", bangkok.id),
    otherCaseworker: await makeUser("CASEWORKER", bangkok.id),
    supervisor: await makeUser("SUPERVISOR", bangkok.id),
    otherSupervisor: await makeUser("SUPERVISOR", north.id),
    legal: await makeUser("LEGAL_OFFICER", bangkok.id),
    admin: await makeUser("ADMIN", null),
    northCaseworker: await makeUser("CASEWORKER", north.id),
  };
  const base = { teamId: bangkok.id, actorId: actors.caseworker.id };
  cases = {
    standard: await makeCase({ ...base, caseworkerId: actors.caseworker.id, principal: { latinName: `Y Bđăp Niê ${run}`, unhcrNumber: `777-26C${run.slice(0, 5).replace(/\D/g, "1")}` } }),
    restrictedMine: await makeCase({ ...base, caseworkerId: actors.caseworker.id, sensitivity: "RESTRICTED", principal: { latinName: `Nguyễn Thị Hoa ${run}` } }),
    restrictedOther: await makeCase({ ...base, caseworkerId: actors.otherCaseworker.id, sensitivity: "RESTRICTED", principal: { latinName: `Trần Văn Đức ${run}` } }),
    counselled: await makeCase({ ...base, caseworkerId: actors.otherCaseworker.id, counselId: actors.legal.id, principal: { latinName: `Kim Mi-ok ${run}`, nativeName: `김미옥${run}`, nationality: "KP" } }),
    north: await makeCase({ teamId: north.id, actorId: actors.northCaseworker.id, caseworkerId: actors.northCaseworker.id, principal: { latinName: `Pao Vang ${run}`, nationality: "LA" } }),
  };
});

async function visibleCodes(actor: Actor, query: Record<string, string> = {}) {
  const list = await listCases(actor, parseCaseListParams({ q: run, ...query }));
  return list.rows.map((row) => row.code).sort();
}

const codes = (...keys: (keyof typeof cases)[]) => keys.map((key) => cases[key].code).sort();

describe("who sees which case (least privilege, on a real database)", () => {
  it("a caseworker sees the team's unrestricted cases and the restricted ones they are named on", async () => {
    expect(await visibleCodes(actors.caseworker)).toEqual(codes("standard", "restrictedMine", "counselled"));
  });

  it("another caseworker of the team sees the restricted case assigned to them, not the other", async () => {
    expect(await visibleCodes(actors.otherCaseworker)).toEqual(codes("standard", "restrictedOther", "counselled"));
  });

  it("a supervisor sees every case of the team, restricted included, and none of another team", async () => {
    expect(await visibleCodes(actors.supervisor)).toEqual(codes("standard", "restrictedMine", "restrictedOther", "counselled"));
    expect(await visibleCodes(actors.otherSupervisor)).toEqual(codes("north"));
  });

  it("a legal officer sees only the cases where they are counsel", async () => {
    expect(await visibleCodes(actors.legal)).toEqual(codes("counselled"));
  });

  it("a caseworker learns only the code of a restricted team case they are not named on, and a search never finds it", async () => {
    expect(await restrictedCodes(actors.caseworker)).toContain(cases.restrictedOther.code);
    expect(await restrictedCodes(actors.caseworker)).not.toContain(cases.restrictedMine.code); // they can open that one
    expect(await visibleCodes(actors.caseworker, { q: "Trần Văn Đức" })).toEqual([]);
    for (const actor of [actors.northCaseworker, actors.legal, actors.admin, actors.supervisor]) {
      expect(await restrictedCodes(actor)).not.toContain(cases.restrictedOther.code);
    }
  });

  it("an administrator sees no case", async () => {
    expect(await visibleCodes(actors.admin)).toEqual([]);
  });

  it("a case outside the actor's scope does not open, and the refused attempt is audited, not as a view", async () => {
    expect(await openCase(actors.northCaseworker, cases.standard.code, "view", "127.0.0.1")).toBeNull();
    expect(await openCase(actors.caseworker, cases.restrictedOther.code, "view", "127.0.0.1")).toBeNull();
    expect(await openCase(actors.admin, cases.standard.code, "view", "127.0.0.1")).toBeNull();
    const rows = await testDb.auditLog.findMany({ where: { caseId: cases.standard.id, actorId: actors.northCaseworker.id } });
    expect(rows.map((r) => r.action)).toEqual(["case.refused"]);
  });

  it("a code that is not a case, or no case, opens nothing and leaves no trace of which", async () => {
    for (const code of ["WP-2026-0001", "WP-1999-999999", "../etc", "", null, 42]) {
      expect(await openCase(actors.supervisor, code, "view", null)).toBeNull();
    }
  });

  it("opening a case for viewing writes an audit row with actor, case and address; opening it for a change does not", async () => {
    const access = await openCase(actors.supervisor, cases.restrictedOther.code, "view", "10.1.2.3");
    const file = await getCaseFile(access!);
    expect(file.code).toBe(cases.restrictedOther.code);
    expect(access).toMatchObject({ caseId: cases.restrictedOther.id, named: false, sensitivity: "RESTRICTED" });
    await openCase(actors.supervisor, cases.restrictedOther.code, "change", "10.1.2.3");
    const rows = await testDb.auditLog.findMany({ where: { caseId: cases.restrictedOther.id, actorId: actors.supervisor.id, action: "case.view" } });
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).toBe("10.1.2.3");
  });
});

describe("case search", () => {
  it("ignores accents and case: 'bdap nie' finds 'Bđăp Niê'", async () => {
    expect(await visibleCodes(actors.supervisor, { q: `BDAP NIE ${run}` })).toEqual(codes("standard"));
    expect(await visibleCodes(actors.supervisor, { q: `nguyen thi hoa ${run}` })).toEqual(codes("restrictedMine"));
  });

  it("finds native-script names, UNHCR numbers and case codes", async () => {
    expect(await visibleCodes(actors.supervisor, { q: `김미옥${run}` })).toEqual(codes("counselled"));
    const [person] = await testDb.person.findMany({ where: { caseId: cases.standard.id }, select: { unhcrNumber: true } });
    expect(await visibleCodes(actors.supervisor, { q: person.unhcrNumber!.toLowerCase() })).toEqual(codes("standard"));
    expect(await visibleCodes(actors.supervisor, { q: cases.north.code })).toEqual([]);
    expect(await visibleCodes(actors.otherSupervisor, { q: cases.north.code })).toEqual(codes("north"));
  });

  it("treats % and _ as ordinary characters", async () => {
    expect(await visibleCodes(actors.supervisor, { q: "%" })).toEqual([]);
    expect(await visibleCodes(actors.supervisor, { q: "_" })).toEqual([]);
  });

  it("filters by nationality and status, and counts all matches", async () => {
    expect(await visibleCodes(actors.supervisor, { nationality: "KP" })).toEqual(codes("counselled"));
    expect(await visibleCodes(actors.supervisor, { status: "CLOSED" })).toEqual([]);
    const list = await listCases(actors.supervisor, parseCaseListParams({ q: run }));
    expect(list.total).toBe(4);
  });
});

describe("the case list's totals", () => {
  it("counts households and the people in them, so a dashboard figure of people is visible on the list behind it", async () => {
    const team = await makeTeam("Totals");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const name = `Totals ${tag()}`;
    const family = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `${name} family` } });
    await testDb.case.update({ where: { id: family.id }, data: { householdSize: 3 } });
    await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `${name} alone` } });
    const list = await listCases(supervisor, parseCaseListParams({ q: name }));
    expect([list.total, list.people]).toEqual([2, 4]);
  });

  it("are the same whether read from the case-count rollup (a supervisor's whole team) or counted case by case", async () => {
    const team = await makeTeam("Rolled totals");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const worker = await makeUser("CASEWORKER", team.id);
    const made = [];
    for (const [i, size] of [1, 2, 3, 4, 5].entries()) {
      const c = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: i % 2 ? worker.id : null, principal: { latinName: `Rolled ${tag()}` } });
      await testDb.case.update({ where: { id: c.id }, data: { householdSize: size, status: i === 4 ? "CLOSED" : "OPEN", sensitivity: i === 2 ? "RESTRICTED" : "STANDARD" } });
      made.push(c);
    }
    const totals = async (actor: Actor, query: Record<string, string>) => {
      const list = await listCases(actor, parseCaseListParams(query));
      return [list.total, list.people];
    };
    // The supervisor's unsearched list reads the rollup; the caseworker's (restricted cases left out) counts its rows.
    expect(await totals(supervisor, {})).toEqual([5, 15]);
    expect(await totals(supervisor, { status: "CLOSED" })).toEqual([1, 5]);
    expect(await totals(supervisor, { caseworker: worker.id })).toEqual([2, 6]);
    expect(await totals(supervisor, { sensitivity: "RESTRICTED" })).toEqual([1, 3]);
    expect(await totals(supervisor, { team: team.id, status: "OPEN" })).toEqual([4, 10]);
    expect(await totals(worker, {})).toEqual([4, 12]);
    // A change shows at once.
    await testDb.case.update({ where: { id: made[0].id }, data: { householdSize: 7 } });
    expect(await totals(supervisor, {})).toEqual([5, 21]);
    expect(await totals(supervisor, { nationality: "VN" })).toEqual(await totals(supervisor, {}));
    // Nationality is a key of the rollup too: a case that changes it moves between the counts at once.
    await testDb.case.update({ where: { id: made[3].id }, data: { nationality: "KP" } });
    expect(await totals(supervisor, { nationality: "KP" })).toEqual([1, 4]);
    expect(await totals(supervisor, { nationality: "VN", status: "OPEN" })).toEqual([3, 12]);
    expect(await totals(supervisor, { nationality: "VN", caseworker: worker.id })).toEqual([1, 2]);
    expect(await totals(worker, { nationality: "VN" })).toEqual([3, 14]);
  });
});

describe("a search's cases, paged and sorted", () => {
  it("lists every case a search finds once, in the chosen order, page after page", async () => {
    const team = await makeTeam("Search pages");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const word = `Pagesearch${tag().replace(/\W/g, "")}`;
    const names = Array.from({ length: 30 }, (_, i) => `${word} ${String.fromCharCode(65 + ((i * 7) % 26))}${i}`);
    for (const latinName of names) await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName } });
    const page = async (n: number, dir: string) => (await listCases(supervisor, parseCaseListParams({ q: word, sort: "name", dir, page: String(n) }))).rows.map((r) => r.principalName);
    const ascending = [...(await page(1, "asc")), ...(await page(2, "asc"))];
    expect(ascending).toHaveLength(30);
    expect(new Set(ascending).size).toBe(30);
    expect(ascending).toEqual([...ascending].sort((a, b) => (a! < b! ? -1 : 1)));
    expect([...(await page(1, "desc")), ...(await page(2, "desc"))]).toEqual([...ascending].reverse());
    const list = await listCases(supervisor, parseCaseListParams({ q: word }));
    expect([list.total, list.pages, list.rows.length]).toEqual([30, 2, 25]);
    // Each page's rows are the general way's, whole (a supervisor's plain search is read in one statement; a filter more goes the general way).
    for (const n of ["1", "2", "3"]) {
      const rows = async (query: Record<string, string>) => (await listCases(supervisor, parseCaseListParams({ q: word, page: n, ...query }))).rows;
      expect(await rows({}), `page ${n}`).toEqual(await rows({ status: "OPEN" }));
    }
    // By a moment too: the newest change first (the default), the earliest opened first.
    const updated = list.rows.map((r) => r.updatedAt.getTime());
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const opened = (await listCases(supervisor, parseCaseListParams({ q: word, sort: "opened", dir: "asc" }))).rows.map((r) => r.openedAt.getTime());
    expect(opened).toEqual([...opened].sort((a, b) => a - b));
  });
});

describe("a supervisor's search, read in one statement", () => {
  it("lists what the general way lists: the same cases in the same order, the same totals, the same members named", async () => {
    const team = await makeTeam("One statement");
    const elsewhere = await makeTeam("Elsewhere");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const word = `Onestmt${tag().replace(/\W/g, "")}`;
    for (const [i, sensitivity] of (["STANDARD", "RESTRICTED", "HIGH", "STANDARD"] as const).entries()) {
      await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, sensitivity, principal: { latinName: `${word} ${String.fromCharCode(68 - i)}` } });
    }
    // A household found by its second member, and a namesake in a team the supervisor does not oversee.
    const byMember = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `Other ${tag()}` } });
    await testDb.person.create({ data: { caseId: byMember.id, relationship: "CHILD", latinName: `${word} Child`, nationality: "VN", searchText: `${word.toLowerCase()} child`, position: 1 } });
    await testDb.case.update({ where: { id: byMember.id }, data: { householdSize: 2 } });
    // A household two of whose other members match: the first in household order is named, whatever order they were saved in.
    const byTwo = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `Another ${tag()}` } });
    for (const [position, name] of [[2, "Zed"], [1, "Amy"]] as const) {
      await testDb.person.create({ data: { caseId: byTwo.id, relationship: "CHILD", latinName: `${word} ${name}`, nationality: "VN", searchText: `${word.toLowerCase()} ${name.toLowerCase()}`, position } });
    }
    await testDb.case.update({ where: { id: byTwo.id }, data: { householdSize: 3 } });
    // A household whose principal matches as well as another member: no one else is named.
    const withPrincipal = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `${word} Parent` } });
    await testDb.person.create({ data: { caseId: withPrincipal.id, relationship: "CHILD", latinName: `${word} Kid`, nationality: "VN", searchText: `${word.toLowerCase()} kid`, position: 1 } });
    await testDb.case.update({ where: { id: withPrincipal.id }, data: { householdSize: 2 } });
    const outside = await makeCase({ teamId: elsewhere.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `${word} Outside` } });
    // A case with a caseworker, its next open deadline (after one done) and an open detention: the row's every field is compared.
    const caseworker = await makeUser("CASEWORKER", team.id);
    const busy = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: caseworker.id, principal: { latinName: `${word} Busy` } });
    await testDb.task.createMany({
      data: [
        { caseId: busy.id, title: "done", dueOn: new Date("2026-01-01T00:00:00Z"), origin: "PERSON", completedAt: new Date() },
        { caseId: busy.id, title: "next", dueOn: new Date("2026-02-01T00:00:00Z"), origin: "PERSON" },
        { caseId: busy.id, title: "later", dueOn: new Date("2026-03-01T00:00:00Z"), origin: "PERSON" },
      ],
    });
    const busyPerson = await testDb.person.findFirstOrThrow({ where: { caseId: busy.id } });
    const facility = await testDb.facility.findFirstOrThrow();
    await testDb.detentionEpisode.create({ data: { caseId: busy.id, personId: busyPerson.id, facilityId: facility.id, startedOn: new Date("2026-01-10T00:00:00Z") } });
    const read = async (actor: Actor, query: Record<string, string>) => {
      const list = await listCases(actor, parseCaseListParams({ q: word, ...query }));
      return { total: list.total, people: list.people, rows: list.rows.map((r) => [r.code, r.matchedMember]), whole: list.rows };
    };
    for (const sort of ["updated", "opened", "code", "name"]) {
      for (const dir of ["asc", "desc"]) {
        const quick = await read(supervisor, { sort, dir });
        // Every case here is open: the filter changes nothing but the way the list is found.
        expect(await read(supervisor, { sort, dir, status: "OPEN" }), `${sort} ${dir}`).toEqual(quick);
        expect(quick.total).toBe(8);
      }
    }
    const quick = await read(supervisor, { sort: "name", dir: "asc" });
    expect(quick.people).toBe(12);
    expect(quick.whole.find((r) => r.code === busy.code)).toMatchObject({
      caseworker: { name: caseworker.name },
      tasks: [{ title: "next", dueOn: new Date("2026-02-01T00:00:00Z") }],
      detentions: [{ startedOn: new Date("2026-01-10T00:00:00Z") }],
    });
    expect(quick.rows.map(([code]) => code)).not.toContain(outside.code);
    expect(quick.rows.find(([code]) => code === byMember.code)).toEqual([byMember.code, `${word} Child`]);
    expect(quick.rows.find(([code]) => code === byTwo.code)).toEqual([byTwo.code, `${word} Amy`]);
    expect(quick.rows.find(([code]) => code === withPrincipal.code)).toEqual([withPrincipal.code, null]);
    expect(quick.rows.filter(([code]) => code !== byMember.code && code !== byTwo.code).every(([, member]) => member === null)).toBe(true);
    // An organisation-wide supervisor's search reaches every team.
    const director: Actor = { ...(await makeUser("SUPERVISOR", team.id)), organisationWide: true };
    expect((await read(director, {})).rows.map(([code]) => code)).toContain(outside.code);
    expect((await read(director, {})).total).toBe(9);
    // A household moved between teams takes its people with it (the team each carries, kept by the database).
    await testDb.case.update({ where: { id: outside.id }, data: { teamId: team.id } });
    await testDb.case.update({ where: { id: byTwo.id }, data: { teamId: elsewhere.id } });
    const moved = await read(supervisor, { sort: "code", dir: "asc" });
    expect(moved).toEqual(await read(supervisor, { sort: "code", dir: "asc", status: "OPEN" }));
    expect(moved.rows.map(([code]) => code)).toContain(outside.code);
    expect(moved.rows.map(([code]) => code)).not.toContain(byTwo.code);
    expect(moved.total).toBe(8);
  });
});

describe("searching names as people write them (issue 18, item 4)", () => {
  it("finds a North Korean name under its Romanised variants and either word order, and says which household member matched", async () => {
    const team = await makeTeam("Search");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const created = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: "Kim Chol Su", nativeName: "김철수", nationality: "KP" } });
    await testDb.person.create({ data: { caseId: created.id, relationship: "SPOUSE", latinName: "Ri Song Hui", nationality: "KP", searchText: "ri song hui", position: 1 } });
    const found = async (q: string) => (await listCases(caseworker, parseCaseListParams({ q }))).rows;
    for (const spelling of ["Kim Cheol-su", "Kim Chul Su", "Chol-su Kim", "kim chol su", "김철수"]) {
      expect((await found(spelling)).map((r) => r.code), spelling).toEqual([created.code]);
    }
    expect((await found("Kim Chol Su"))[0].matchedMember).toBeNull();
    const byMember = await found("Song-hui Ri");
    expect(byMember.map((r) => [r.code, r.matchedMember])).toEqual([[created.code, "Ri Song Hui"]]);
    // Invisible characters in a search are dropped, as they are from names saved.
    expect(parseCaseListParams({ q: "Kim\u200B Chol\u202E Su" }).q).toBe("Kim Chol Su");
    expect((await found("Kim\u200B Chol Su")).map((r) => r.code)).toEqual([created.code]);
  });
});

describe("a supervisor's search works the Korean way and as typed, as the general way does", () => {
  it("finds a North Korean by the Korean folding and anyone else by the words as typed, in one statement as in two", async () => {
    const team = await makeTeam("Both ways");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const word = `Bothways${tag().replace(/\W/g, "")}`;
    const north = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `Kim Chol Su ${word}`, nationality: "KP" } });
    const typed = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `Kim Cheol Su ${word}`, nationality: "CN" } });
    // Folded the Korean way "Chul" is "Chol", but someone not North Korean is compared as typed.
    await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `Kim Chul Su ${word}`, nationality: "CN" } });
    const codes = async (q: string, query: Record<string, string> = {}) => (await listCases(supervisor, parseCaseListParams({ q, sort: "code", dir: "asc", ...query }))).rows.map((r) => r.code);
    const expected = [north.code, typed.code].sort();
    expect(await codes(`Kim Cheol-su ${word}`)).toEqual(expected);
    expect(await codes(`Kim Cheol-su ${word}`, { status: "OPEN" })).toEqual(expected);
    // Words that fold the same both ways find each side by them too.
    expect(await codes(`${word} su kim`)).toEqual(await codes(`${word} su kim`, { status: "OPEN" }));
    expect(await codes(`${word} su kim`)).toHaveLength(3);
  });
});

describe("a search compares words first, and spellings only when no case it may show has them", () => {
  // Letters only, so the made-up surname is one word of the name.
  const word = () => `Zq${tag().replace(/[^a-f]/g, "x")}`;

  it("finds a name by all of its words in any order, accents and hyphens folded", async () => {
    const team = await makeTeam("Words");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const surname = word();
    const created = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `${surname} Đỗ Minh-Khoa` } });
    const found = async (q: string) => (await listCases(caseworker, parseCaseListParams({ q }))).rows.map((r) => r.code);
    for (const q of [`khoa do ${surname}`, `Minh Khoa ${surname}`, `${surname} ĐỖ MINH KHOA`]) expect(await found(q), q).toEqual([created.code]);
    expect(await found(`${surname} Nguyen Thi Bich Ngoc`)).toEqual([]);
  });

  it("falls back to alike spellings (a misspelt name) only when no visible case has the words, whatever other teams hold", async () => {
    const team = await makeTeam("Spellings");
    const other = await makeTeam("Spellings elsewhere");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const outsider = await makeUser("CASEWORKER", other.id);
    const surname = word();
    const liem = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `Phan Thanh Liem ${surname}` } });
    const found = async (actor: Actor, q: string) => (await listCases(actor, parseCaseListParams({ q }))).rows.map((r) => r.code);
    const misspelt = `Phan Thanh Liam ${surname}`;
    expect(await found(caseworker, misspelt)).toEqual([liem.code]);
    // A case elsewhere with exactly those words is not the caseworker's to see, and changes nothing for them.
    const elsewhere = await makeCase({ teamId: other.id, actorId: outsider.id, caseworkerId: outsider.id, principal: { latinName: misspelt } });
    expect(await found(caseworker, misspelt)).toEqual([liem.code]);
    expect(await found(outsider, misspelt)).toEqual([elsewhere.code]);
    // In the caseworker's own team, the words' case is the answer.
    const liam = await makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: misspelt } });
    expect(await found(caseworker, misspelt)).toEqual([liam.code]);
  });
});

describe("the staff a case may be assigned to", () => {
  it("are each working team's active caseworkers and supervisors, by name, or one team's when it is named", async () => {
    const east = await makeTeam("East");
    const west = await makeTeam("West");
    const eastStaff = [await makeUser("CASEWORKER", east.id, `Zed ${run}`), await makeUser("SUPERVISOR", east.id, `Bo ${run}`)];
    await makeUser("CASEWORKER", west.id, `Amy ${run}`);
    await makeUser("CASEWORKER", west.id, `Mai ${run}`);
    const away = await makeUser("CASEWORKER", east.id, `Away ${run}`);
    await testDb.user.update({ where: { id: away.id }, data: { active: false } });
    await makeUser("LEGAL_OFFICER", east.id, `Lex ${run}`);
    await makeUser("GUEST", west.id, `Guest ${run}`);
    const mine = (staff: { id: string; name: string }[]) => staff.filter((s) => s.name.endsWith(run)).map((s) => s.name);

    const overseer = { ...(await makeUser("SUPERVISOR", east.id)), organisationWide: true };
    const both = await assignmentOptions(overseer);
    expect(both.teams.map((t) => t.id)).toEqual(expect.arrayContaining([east.id, west.id]));
    expect(mine(both.staff)).toEqual([`Amy ${run}`, `Bo ${run}`, `Mai ${run}`, `Zed ${run}`]);
    expect(mine((await assignmentOptions(overseer, west.id)).staff)).toEqual([`Amy ${run}`, `Mai ${run}`]);

    // A caseworker works in their own team only.
    const own = await assignmentOptions(eastStaff[0]);
    expect(own.teams.map((t) => t.id)).toEqual([east.id]);
    expect(mine(own.staff)).toEqual([`Bo ${run}`, `Zed ${run}`]);
  });
});

describe("a supervisor's unsearched list, read in one statement", () => {
  it("lists what the general way lists: the same cases in the same order, page after page, with the same totals and rows", async () => {
    const team = await makeTeam("Listed whole");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    // A caseworker of the team sees the same cases here (none is restricted), read the general way.
    const caseworker = await makeUser("CASEWORKER", team.id, `Listing worker ${tag()}`);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const facility = await testDb.facility.create({ data: { name: `List IDC ${tag()}`, kind: "BANGKOK_IDC" } });
    const made = [];
    for (let i = 0; i < 28; i++) {
      const nationality = ["VN", "KP", "LA"][i % 3];
      // Some names alike, so the sort by name falls back on the id; some with a native name.
      const made1 = await makeCase({
        teamId: team.id,
        actorId: supervisor.id,
        caseworkerId: i % 4 === 0 ? null : caseworker.id,
        sensitivity: i % 5 === 0 ? "HIGH" : "STANDARD",
        principal: { latinName: `Listed ${String.fromCharCode(65 + (i % 9))}`, nativeName: i % 6 === 0 ? `이름${i}` : undefined, nationality },
      });
      await testDb.case.update({ where: { id: made1.id }, data: { householdSize: 1 + (i % 4), status: i % 7 === 0 ? "ON_HOLD" : "OPEN" } });
      if (i % 3 === 0) {
        await testDb.task.createMany({
          data: [
            { caseId: made1.id, title: `Later ${i}`, dueOn: day("2031-05-02"), origin: "PERSON" },
            { caseId: made1.id, title: `Sooner ${i}`, dueOn: day(`2031-04-${String(1 + i).padStart(2, "0")}`), origin: "RULE", ruleKey: "criminal.appeal" },
          ],
        });
      }
      if (i % 5 === 1) {
        const person = await testDb.person.findFirstOrThrow({ where: { caseId: made1.id }, select: { id: true } });
        await testDb.detentionEpisode.create({ data: { caseId: made1.id, personId: person.id, facilityId: facility.id, startedOn: day(`2026-0${1 + (i % 8)}-10`) } });
      }
      made.push(made1);
    }
    // A case of another team the supervisor does not oversee, which neither list may show.
    const elsewhere = await makeTeam("Not listed");
    const outside = await makeCase({ teamId: elsewhere.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: "Listed A" } });
    const read = async (actor: Actor, query: Record<string, string>) => {
      const list = await listCases(actor, parseCaseListParams(query));
      return { total: list.total, people: list.people, pages: list.pages, rows: list.rows };
    };
    const filters: Record<string, string>[] = [{}, { status: "OPEN" }, { nationality: "KP" }, { caseworker: caseworker.id, status: "OPEN" }, { sensitivity: "HIGH" }, { team: team.id }];
    for (const filter of filters) {
      for (const sort of ["updated", "opened", "code", "name"]) {
        for (const dir of ["asc", "desc"]) {
          for (const page of ["1", "2"]) {
            const query = { ...filter, sort, dir, page };
            const quick = await read(supervisor, query);
            expect(quick, JSON.stringify(query)).toEqual(await read(caseworker, query));
            expect(quick.rows.map((r) => r.code)).not.toContain(outside.code);
          }
        }
      }
    }
    const whole = await read(supervisor, {});
    expect([whole.total, whole.pages, whole.rows.length]).toEqual([28, 2, 25]);
    expect(whole.people).toBe(made.length + [...Array(28).keys()].reduce((sum, i) => sum + (i % 4), 0));
    // Past the last page: no rows, the same totals.
    expect(await read(supervisor, { page: "3" })).toMatchObject({ total: 28, rows: [] });
  });
});

describe("a search's rows", () => {
  it("are the rows an unsearched list shows: team, caseworker, the next open deadline and the earliest open detention", async () => {
    const team = await makeTeam("Searched rows");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const caseworker = await makeUser("CASEWORKER", team.id, `Worker ${tag()}`);
    const name = `Rowed ${tag()}`;
    await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `${name} bare`, nativeName: "김영철" } });
    const busy = await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: caseworker.id, principal: { latinName: `${name} busy` } });
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    await testDb.task.createMany({
      data: [
        { caseId: busy.id, title: "Later", dueOn: day("2031-05-02"), origin: "PERSON" },
        { caseId: busy.id, title: "Sooner", dueOn: day("2031-05-01"), origin: "RULE", ruleKey: "criminal.appeal" },
        { caseId: busy.id, title: "Done", dueOn: day("2030-01-01"), origin: "PERSON", completedAt: new Date() },
      ],
    });
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: busy.id }, select: { id: true } });
    const facility = await testDb.facility.create({ data: { name: `Rows IDC ${tag()}`, kind: "BANGKOK_IDC" } });
    await testDb.detentionEpisode.createMany({
      data: [
        { caseId: busy.id, personId: person.id, facilityId: facility.id, startedOn: day("2024-01-01"), releasedOn: day("2024-03-01") },
        { caseId: busy.id, personId: person.id, facilityId: facility.id, startedOn: day("2026-02-01") },
        { caseId: busy.id, personId: person.id, facilityId: facility.id, startedOn: day("2026-03-01") },
      ],
    });
    // The search reads its page by ids; the unsearched list, in its own statement: one plain join of the case's row, the same rows.
    const searched = (await listCases(supervisor, parseCaseListParams({ q: name, sort: "code", dir: "asc" }))).rows;
    const listed = (await listCases(supervisor, parseCaseListParams({ team: team.id, sort: "code", dir: "asc" }))).rows;
    expect(searched).toHaveLength(2);
    expect(searched).toEqual(listed);
    const [, busyRow] = searched;
    expect(busyRow).toMatchObject({
      code: busy.code,
      team: { name: expect.any(String) },
      caseworker: { name: caseworker.name },
      tasks: [{ dueOn: day("2031-05-01"), title: "Sooner", ruleKey: "criminal.appeal" }],
      detentions: [{ startedOn: day("2026-02-01") }],
    });
    expect(searched[0]).toMatchObject({ caseworker: null, tasks: [], detentions: [], principalNativeName: "김영철" });
  });
});

describe("a list view's audit row", () => {
  it("records each view once, with the total found and never the search text, for a search, a spelling retry and a plain list", async () => {
    const team = await makeTeam("Audited list");
    const supervisor = await makeUser("SUPERVISOR", team.id);
    const name = `Listed ${tag()}`;
    await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `${name} one` } });
    await makeCase({ teamId: team.id, actorId: supervisor.id, caseworkerId: null, principal: { latinName: `${name} two` } });
    const lists = () =>
      testDb.auditLog.findMany({ where: { actorId: supervisor.id, action: "case.list" }, orderBy: { id: "asc" }, select: { detail: true, entity: true, ip: true, chainSeq: true, hash: true } });

    // A supervisor's search records its view in its own statement: the same row as recordAudit's.
    expect((await listCases(supervisor, parseCaseListParams({ q: name }), "192.0.2.7")).rows).toHaveLength(2);
    const [searched] = await lists();
    expect(searched).toMatchObject({ entity: "Case", ip: "192.0.2.7" });
    expect(searched.detail).toEqual({ searched: true, status: null, team: null, caseworker: null, nationality: null, drillThrough: 0, page: 1, results: 2 });
    expect(searched.chainSeq).not.toBeNull();
    expect(searched.hash).toMatch(/^[0-9a-f]{64}$/);
    // No case has these words: the search is retried by spelling, and still audited once.
    expect((await listCases(supervisor, parseCaseListParams({ q: `Nobody ${tag()} Here` }))).rows).toEqual([]);
    expect((await listCases(supervisor, parseCaseListParams({ status: "OPEN" }))).total).toBe(2);

    // Past the last page: the statement finds the cases but lists none of them, and the view is still recorded once.
    expect((await listCases(supervisor, parseCaseListParams({ q: name, page: "3" }))).rows).toEqual([]);

    const rows = await lists();
    expect(rows.map((r) => r.detail)).toMatchObject([
      { searched: true, results: 2 },
      { searched: true, results: 0 },
      { searched: false, status: "OPEN", results: 2 },
      { searched: true, page: 3, results: 2 },
    ]);
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain(name);
  });
});

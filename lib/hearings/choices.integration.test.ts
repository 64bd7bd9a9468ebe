// A hearing's choices: its counsel (the active legal officers named as
// counsel on the case: the proceedings tab takes them from its case file's
// members, a new hearing's check reads them anew, both by the one rule),
// and the courts and legal officers its form and the hearings page offer.
import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import { openCaseForPage } from "@/lib/cases/access";
import { hearingCounsel, hearingCounselAmong, hearingOptions } from "./queries";

describe("a hearing's counsel", () => {
  it("is an active legal officer named as counsel on the case, read the same from the case file as on its own", async () => {
    const team = await makeTeam("Counsel");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const { code, id: caseId } = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Counselled ${tag()}` } });
    const zed = await makeUser("LEGAL_OFFICER", team.id, "Zed Counsel");
    const amy = await makeUser("LEGAL_OFFICER", team.id, "Amy Counsel");
    const away = await makeUser("LEGAL_OFFICER", team.id, "Away Counsel");
    const notLawyer = await makeUser("CASEWORKER", team.id, "Not a lawyer");
    const second = await makeUser("LEGAL_OFFICER", team.id, "Second caseworker");
    await testDb.user.update({ where: { id: away.id }, data: { active: false } });
    await testDb.caseMember.createMany({
      data: [
        { caseId, userId: zed.id, role: "COUNSEL" },
        { caseId, userId: amy.id, role: "COUNSEL" },
        { caseId, userId: away.id, role: "COUNSEL" },
        { caseId, userId: notLawyer.id, role: "COUNSEL" },
        { caseId, userId: second.id, role: "CASEWORKER" },
      ],
    });
    const expected = [
      { id: amy.id, name: "Amy Counsel" },
      { id: zed.id, name: "Zed Counsel" },
    ];
    expect(await hearingCounsel(await openFor(caseworker, code))).toEqual(expected);
    const { file } = await openCaseForPage(caseworker, code, "view", null, "proceedings");
    expect(hearingCounselAmong(file.members)).toEqual(expected);
  });
});

describe("a hearing form's choices", () => {
  it("are the active courts and the active legal officers of the actor's team, each by name", async () => {
    const run = tag();
    const team = await makeTeam("Choices");
    const elsewhere = await makeTeam("Other choices");
    const caseworker = await makeUser("CASEWORKER", team.id);
    await makeUser("LEGAL_OFFICER", team.id, `Zoe ${run}`);
    await makeUser("LEGAL_OFFICER", team.id, `Abe ${run}`);
    await makeUser("LEGAL_OFFICER", elsewhere.id, `Far ${run}`);
    const gone = await makeUser("LEGAL_OFFICER", team.id, `Gone ${run}`);
    await testDb.user.update({ where: { id: gone.id }, data: { active: false } });
    await testDb.court.createMany({
      data: [
        { name: `Court Z ${run}`, names: { th: `ศาล Z ${run}` } },
        { name: `Court A ${run}` },
        { name: `Court Closed ${run}`, active: false },
      ],
    });
    const options = await hearingOptions(caseworker, { teams: false });
    expect(options.counsel.filter((c) => c.name.endsWith(run)).map((c) => c.name)).toEqual([`Abe ${run}`, `Zoe ${run}`]);
    const courts = options.courts.filter((c) => c.name.endsWith(run));
    expect(courts.map((c) => c.name)).toEqual([`Court A ${run}`, `Court Z ${run}`]);
    expect(courts[1].names).toEqual({ th: `ศาล Z ${run}` });
    expect(options.teams).toEqual([]);
    expect((await hearingOptions(caseworker)).teams).toEqual([{ id: team.id, name: (await testDb.team.findUniqueOrThrow({ where: { id: team.id } })).name }]);
    // An organisation-wide supervisor filters by any team, listed by name.
    const director = { ...(await makeUser("SUPERVISOR", team.id)), organisationWide: true };
    expect((await hearingOptions(director)).teams).toEqual(await testDb.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }));
  });
});

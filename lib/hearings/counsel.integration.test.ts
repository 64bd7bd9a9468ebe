// Who may be a hearing's counsel: the active legal officers named as counsel
// on the case. The proceedings tab takes them from its case file's members,
// a new hearing's check reads them anew: both apply the one rule.
import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import { openCaseForPage } from "@/lib/cases/access";
import { hearingCounsel, hearingCounselAmong } from "./queries";

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

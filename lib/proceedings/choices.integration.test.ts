// The proceedings tab's choices (one statement) against each list read on
// its own, and the documents its proceedings' stages still expect.
import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, openFor, tag, testDb } from "@/tests/fixtures";
import { hearingOptions } from "@/lib/hearings/queries";
import { missingDocuments, proceedingStages, proceedingsTabChoices } from "./queries";

describe("the proceedings tab's choices", () => {
  it("are the programmes by name, a hearing form's courts and counsel, and the document types the case holds", async () => {
    const run = tag();
    const team = await makeTeam("Tab choices");
    const caseworker = await makeUser("CASEWORKER", team.id);
    await makeUser("LEGAL_OFFICER", team.id, `Lawyer ${run}`);
    await testDb.programme.createMany({
      data: [
        { name: `Zeta programme ${run}`, country: "US", names: { th: `โครงการ ${run}` } },
        { name: `Alpha programme ${run}`, country: "CA", status: "SUSPENDED" },
      ],
    });
    await testDb.court.create({ data: { name: `Tab court ${run}` } });
    const { id: caseId, code } = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Tabbed ${run}` } });
    const document = (type: "COURT_ORDER" | "FINE_RECEIPT") =>
      testDb.document.create({ data: { caseId, type, fileName: "f.pdf", contentType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), storageKey: `tab-${tag()}`, uploadedById: caseworker.id } });
    await document("COURT_ORDER");
    await document("COURT_ORDER");
    await document("FINE_RECEIPT");
    const access = await openFor(caseworker, code);

    const choices = await proceedingsTabChoices(caseworker, access);
    const options = await hearingOptions(caseworker, { teams: false });
    expect(choices.courts).toEqual(options.courts);
    expect(choices.counsel).toEqual(options.counsel);
    expect(choices.counsel.map((c) => c.name)).toContain(`Lawyer ${run}`);
    expect(choices.programmes).toEqual(await testDb.programme.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, names: true, status: true } }));
    expect(choices.programmes.filter((p) => p.name.endsWith(run)).map((p) => [p.name, p.status])).toEqual([
      [`Alpha programme ${run}`, "SUSPENDED"],
      [`Zeta programme ${run}`, "ACTIVE"],
    ]);
    expect([...choices.held].sort()).toEqual(["COURT_ORDER", "FINE_RECEIPT"]);

    // Another case holds none.
    const other = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Untabbed ${run}` } });
    expect((await proceedingsTabChoices(caseworker, await openFor(caseworker, other.code))).held).toEqual([]);

    // The documents tab's stages: each proceeding's type, stage and whether it is closed.
    await testDb.proceeding.createMany({
      data: [
        { caseId, type: "RESETTLEMENT", stage: "EXIT_CLEARANCE" },
        { caseId, type: "CRIMINAL", stage: "VERDICT", closed: true },
      ],
    });
    const stages = await proceedingStages(access);
    expect(stages.map((s) => [s.type, s.stage, s.closed]).sort()).toEqual([
      ["CRIMINAL", "VERDICT", true],
      ["RESETTLEMENT", "EXIT_CLEARANCE", false],
    ]);
    expect(missingDocuments(stages, choices.held)).toEqual(["TRAVEL_DOCUMENT"]);
  });
});

describe("the documents a case's proceedings still expect", () => {
  it("are those of each open proceeding's current stage that the case holds none of, each once", () => {
    const open = (type: string, stage: string) => ({ type, stage, closed: false });
    expect(missingDocuments([open("RESETTLEMENT", "EXIT_CLEARANCE")], [])).toEqual(["FINE_RECEIPT", "TRAVEL_DOCUMENT"]);
    expect(missingDocuments([open("RESETTLEMENT", "EXIT_CLEARANCE")], ["FINE_RECEIPT"])).toEqual(["TRAVEL_DOCUMENT"]);
    // Two proceedings expecting a court order: listed once; a closed proceeding expects nothing.
    expect(missingDocuments([open("CRIMINAL", "VERDICT"), open("DEPORTATION_EXTRADITION", "ORDER_RECEIVED")], [])).toEqual(["COURT_ORDER"]);
    expect(missingDocuments([{ type: "CRIMINAL", stage: "VERDICT", closed: true }], [])).toEqual([]);
    expect(missingDocuments([open("CRIMINAL", "VERDICT")], ["COURT_ORDER", "COURT_ORDER"])).toEqual([]);
  });
});

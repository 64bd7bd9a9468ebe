// The custody tab's records of one case: its detention episodes, fines with
// their payments and receipts, expenses with their value in US dollars, and
// the fine receipts it may attach; never another case's.
import { describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import { openCase } from "@/lib/cases/access";
import { getCustody } from "./queries";

describe("a case's custody records", () => {
  it("are the case's own, each kind in its order, with payments, receipts and dollar values", async () => {
    const team = await makeTeam("Custody");
    const caseworker = await makeUser("CASEWORKER", team.id);
    const made = async () => makeCase({ teamId: team.id, actorId: caseworker.id, caseworkerId: caseworker.id, principal: { latinName: `Held ${tag()}` } });
    const held = await made();
    const other = await made();
    const person = await testDb.person.findFirstOrThrow({ where: { caseId: held.id } });
    const otherPerson = await testDb.person.findFirstOrThrow({ where: { caseId: other.id } });
    const facility = await testDb.facility.create({ data: { name: `Custody IDC ${tag()}`, kind: "BANGKOK_IDC" } });
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    for (const [caseId, personId, startedOn, releasedOn] of [
      [held.id, person.id, "2026-01-05", "2026-02-01"],
      [held.id, person.id, "2026-03-10", null],
      [other.id, otherPerson.id, "2026-03-11", null],
    ] as const) {
      await testDb.detentionEpisode.create({ data: { caseId, personId, facilityId: facility.id, startedOn: day(startedOn), releasedOn: releasedOn ? day(releasedOn) : null } });
    }
    const document = (caseId: string, fileName: string, type: "FINE_RECEIPT" | "OTHER") =>
      testDb.document.create({ data: { caseId, type, fileName, contentType: "application/pdf", sizeBytes: 1, sha256: "0".repeat(64), storageKey: `custody-${tag()}`, uploadedById: caseworker.id } });
    const receipt = await document(held.id, "receipt.pdf", "FINE_RECEIPT");
    await document(held.id, "letter.pdf", "OTHER");
    await document(other.id, "theirs.pdf", "FINE_RECEIPT");
    const older = await testDb.fine.create({ data: { caseId: held.id, personId: person.id, amountMinor: 400_000, imposedOn: day("2026-01-06") } });
    const newer = await testDb.fine.create({ data: { caseId: held.id, amountMinor: 100_00, currency: "USD", imposedOn: day("2026-03-12") } });
    await testDb.fine.create({ data: { caseId: other.id, amountMinor: 5, imposedOn: day("2026-03-12") } });
    await testDb.finePayment.createMany({
      data: [
        { fineId: older.id, amountMinor: 150_000, payer: "NGO", paidOn: day("2026-01-20"), receiptDocumentId: receipt.id },
        { fineId: older.id, amountMinor: 50_000, payer: "FAMILY", paidOn: day("2026-01-10") },
      ],
    });
    await testDb.exchangeRate.upsert({ where: { currency: "THB" }, create: { currency: "THB", perUsd: "40" }, update: { perUsd: "40" } });
    await testDb.expense.createMany({
      data: [
        { caseId: held.id, category: "LEGAL", description: "Bail lawyer", amountMinor: 80_000, payer: "NGO", incurredOn: day("2026-02-02") },
        { caseId: held.id, category: "TRAVEL", description: "Visit", amountMinor: 2_000, currency: "USD", payer: "NGO", incurredOn: day("2026-03-15") },
        { caseId: other.id, category: "TRAVEL", description: "Not this case", amountMinor: 1, payer: "NGO", incurredOn: day("2026-03-15") },
      ],
    });

    const access = await openCase(caseworker, held.code, "view", null);
    const custody = await getCustody(access!);
    expect(custody.episodes.map((e) => [e.startedOn, e.releasedOn, e.person.latinName, e.facility.name])).toEqual([
      ["2026-03-10", null, person.latinName, facility.name],
      ["2026-01-05", "2026-02-01", person.latinName, facility.name],
    ]);
    expect(custody.episodes[1].days).toBe(28);
    expect(custody.fines.map((f) => [f.id, f.person?.latinName ?? null, f.paid, f.outstanding, f.usdCents])).toEqual([
      [newer.id, null, 0, 100_00, null],
      [older.id, person.latinName, 200_000, 200_000, 100_00],
    ]);
    expect(custody.fines[1].payments.map((p) => [p.amountMinor, p.payer, p.receiptDocument?.fileName ?? null])).toEqual([
      [50_000, "FAMILY", null],
      [150_000, "NGO", "receipt.pdf"],
    ]);
    expect(custody.expenses.map((e) => [e.description, e.usdCents])).toEqual([
      ["Visit", null],
      ["Bail lawyer", 20_00],
    ]);
    expect(custody.receipts.map((r) => r.fileName)).toEqual(["receipt.pdf"]);
    expect(custody.facilities.map((f) => f.id)).toContain(facility.id);
  });
});

// The case timeline, read a page at a time: every entry the reader may see
// exactly once across the pages, in the timeline's order (the day it
// happened, then when it was recorded), and "older entries follow" only
// while some the reader may see do.
import { beforeAll, describe, expect, it } from "vitest";
import { makeCase, makeTeam, makeUser, tag, testDb } from "@/tests/fixtures";
import type { Actor } from "@/lib/policy";
import { ROWS_PER_PAGE } from "@/lib/paging";
import { openCase } from "./access";
import { getTimeline, TIMELINE_ACTIONS, type TimelineEntry } from "./queries";
import { caseOverview } from "./overview";

// More than a page, less than two (with the arrival, the opening entries and the backdated one).
const NOTES = ROWS_PER_PAGE + 15;
// The arrival, as the case file's journey holds it: the oldest entry.
const ARRIVAL = { entryDate: new Date("2026-05-20T00:00:00Z"), entryPoint: "Mae Sai" };
let caseworker: Actor & { name: string };
let colleague: Actor & { name: string };
let code: string;
let backdatedId: string;

beforeAll(async () => {
  const team = await makeTeam("Timeline");
  caseworker = await makeUser("CASEWORKER", team.id);
  colleague = await makeUser("CASEWORKER", team.id);
  const made = await makeCase({ teamId: team.id, caseworkerId: caseworker.id, actorId: caseworker.id, principal: { latinName: `Timeline ${tag()}` } });
  code = made.code;
  // Notes over several days, every fifth confidential (its author and supervisors read it; a colleague does not).
  const start = Date.UTC(2026, 5, 1, 3);
  await testDb.note.createMany({
    data: Array.from({ length: NOTES }, (_, i) => ({
      caseId: made.id,
      authorId: caseworker.id,
      kind: "CONTACT" as const,
      body: `Note ${i}`,
      confidential: i % 5 === 0,
      createdAt: new Date(start + i * 7 * 3_600_000),
    })),
  });
  // A detention recorded today about a day long ago: it belongs on that day, far down the timeline.
  const backdated = await testDb.auditLog.create({
    data: { actorId: caseworker.id, action: "detention.create", entity: "DetentionEpisode", caseId: made.id, fields: ["startedOn"], occurredOn: new Date("2026-06-02T00:00:00Z") },
  });
  backdatedId = String(backdated.id);
});

async function allPages(actor: Actor) {
  const access = (await openCase(actor, code, "view", null))!;
  const first = await getTimeline(access, ARRIVAL, 1);
  const entries: TimelineEntry[] = [...first.entries];
  let pages = 1;
  for (let last = first; last.older; pages++) {
    last = await getTimeline(access, ARRIVAL, pages + 1);
    expect(last.page).toBe(pages + 1);
    expect(last.entries.length).toBeGreaterThan(0);
    entries.push(...last.entries);
  }
  return { first, entries, access, pages };
}

const key = (e: TimelineEntry) => `${e.kind}-${e.id}`;

describe("the case timeline, a page at a time", () => {
  it("shows every entry once, newest day first, then by when it was recorded", async () => {
    const { first, entries, pages } = await allPages(caseworker);
    expect(first.entries).toHaveLength(ROWS_PER_PAGE);
    expect(pages).toBe(2);
    expect(new Set(entries.map(key)).size).toBe(entries.length);
    expect(entries.filter((e) => e.kind === "note")).toHaveLength(NOTES);
    for (let i = 1; i < entries.length; i++) {
      const [a, b] = [entries[i - 1], entries[i]];
      expect(a.on >= b.on).toBe(true);
      if (a.on === b.on && a.at && b.at) expect(a.at.getTime()).toBeGreaterThanOrEqual(b.at.getTime());
    }
    // The backdated change sits on its own day, after the notes of later days.
    const backdated = entries.findIndex((e) => e.kind === "change" && e.id === backdatedId);
    expect(entries[backdated].on).toBe("2026-06-02");
    expect(entries.slice(backdated + 1).every((e) => e.on <= "2026-06-02")).toBe(true);
    expect(entries.at(-1)).toEqual({ kind: "arrival", id: "arrival", on: "2026-05-20", at: null, entryPoint: "Mae Sai" });
  });

  it("pages only what the reader may see: a colleague meets no trace of the confidential notes", async () => {
    const mine = await allPages(caseworker);
    const theirs = await allPages(colleague);
    const confidential = Math.ceil(NOTES / 5);
    expect(theirs.entries).toHaveLength(mine.entries.length - confidential);
    expect(theirs.entries.map(key)).toEqual(mine.entries.filter((e) => !(e.kind === "note" && e.confidential)).map(key));
  });

  it("names who made each change, and holds the changes of a case merged into it", async () => {
    const { entries } = await allPages(caseworker);
    const backdated = entries.find((e) => e.kind === "change" && e.id === backdatedId);
    expect(backdated).toMatchObject({ kind: "change", actor: caseworker.name, action: "detention.create", fields: ["startedOn"] });
    // A case merged into this one: its recorded changes are this case's history now.
    const other = await makeCase({ teamId: caseworker.teamId!, caseworkerId: colleague.id, actorId: colleague.id, principal: { latinName: `Merged ${tag()}` } });
    const theirs = await testDb.auditLog.create({ data: { actorId: colleague.id, action: "fine.create", entity: "Fine", caseId: other.id, fields: ["amountMinor"], occurredOn: new Date("2026-06-03T00:00:00Z") } });
    const before = await allPages(caseworker);
    expect(before.entries.some((e) => e.kind === "change" && e.id === String(theirs.id))).toBe(false);
    const survivor = await testDb.case.findUniqueOrThrow({ where: { code }, select: { id: true } });
    await testDb.caseMerge.create({ data: { mergedCode: other.code, mergedCaseId: other.id, survivingCaseId: survivor.id, mergedById: caseworker.id, record: {} } });
    const after = await allPages(caseworker);
    expect(after.entries.find((e) => e.kind === "change" && e.id === String(theirs.id))).toMatchObject({ actor: colleague.name, on: "2026-06-03" });
    await testDb.caseMerge.deleteMany({ where: { mergedCaseId: other.id } });
  });

  it("answers a page past the end with the last page", async () => {
    const { access, pages, entries } = await allPages(caseworker);
    const beyond = await getTimeline(access, ARRIVAL, pages + 5);
    expect(beyond.page).toBe(pages);
    expect(beyond.older).toBe(false);
    expect(beyond.entries).toEqual(entries.slice((pages - 1) * ROWS_PER_PAGE));
  });

  it("reads the same with its notes read by the case file's overview, page by page and past the end", async () => {
    for (const actor of [caseworker, colleague]) {
      const { access, pages } = await allPages(actor);
      for (let page = 1; page <= pages + 2; page++) {
        const notes = caseOverview(access, actor, ARRIVAL, null, page).then((overview) => overview.timelineNotes);
        expect(await getTimeline(access, ARRIVAL, page, notes), `page ${page}`).toEqual(await getTimeline(access, ARRIVAL, page));
      }
    }
  });
});

describe("the timeline's copies of the audit log", () => {
  // The audit log's trigger copies a case's changes to CaseChange, which the
  // timeline reads (migration 20261204094354_case_changes). An action added
  // to the timeline but not to the trigger would never be shown; one added
  // to the trigger only would be copied for nothing: the two lists must agree.
  it("are made for exactly the actions the timeline shows", async () => {
    const [{ definition }] = await testDb.$queryRaw<{ definition: string }[]>`
      select pg_get_triggerdef(t.oid) as definition from pg_trigger t where t.tgrelid = '"AuditLog"'::regclass and t.tgname = 'AuditLog_case_change'`;
    const copied = [...definition.matchAll(/'([a-z.-]+)'::text/g)].map((match) => match[1]);
    expect([...copied].sort()).toEqual([...TIMELINE_ACTIONS].sort());
  });
});

// The authorization matrix for server actions: each action that changes
// records, called over HTTP exactly as the browser calls it (Next-Action
// header, React's form encoding), by every role, on a case of the caller's
// own team and one of another team. Arguments are deliberately incomplete,
// so an allowed call ends in a validation answer and writes nothing; a
// denied call ends in a refusal ("not allowed" for the role, "not found"
// for a case out of reach) before any validation, and never in a 500.
// Expectations are the hand-written tables below, as in
// authorization-matrix.spec.ts. A second set of rows sends what an attacker
// would: ids that are not ids, arguments that are not forms.
import fs from "node:fs";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, sessionCookieFor, sql } from "./helpers";

type Role = "caseworker" | "supervisor" | "legal" | "admin" | "caseworkerNorth" | "director";
type Target = "own" | "otherTeam";
const ROLES: Role[] = ["caseworker", "supervisor", "legal", "admin", "caseworkerNorth", "director"];
const SEES: Record<Role, Record<Target, boolean>> = {
  caseworker: { own: true, otherTeam: false },
  supervisor: { own: true, otherTeam: false },
  legal: { own: true, otherTeam: false },
  admin: { own: false, otherTeam: false },
  caseworkerNorth: { own: false, otherTeam: true },
  director: { own: true, otherTeam: true },
};
const READERS: Role[] = ["caseworker", "supervisor", "legal", "caseworkerNorth", "director"];
const EDITORS: Role[] = ["caseworker", "supervisor", "caseworkerNorth", "director"];
const SUPERVISORS: Role[] = ["supervisor", "director"];
const ADMIN: Role[] = ["admin"];

// [exported name, who may call it]; case actions take (code, state, form), person actions (code, personId, state, form).
const CASE_ACTIONS: [string, Role[]][] = [
  ["addNoteAction", READERS],
  ["updateCaseAction", EDITORS],
  ["addPersonAction", EDITORS],
  ["addFineAction", EDITORS],
  ["addExpenseAction", EDITORS],
  ["addDetentionAction", EDITORS],
  ["createTaskAction", READERS],
  ["recordIncidentAction", READERS],
  ["nameCounselAction", EDITORS],
  ["openProceedingAction", READERS],
  ["requestClosureAction", EDITORS],
  ["uploadDocumentAction", READERS],
  ["createReferralAction", EDITORS],
  // A legal hold without the reason it needs: allowed roles get a field error, nothing changes.
  ["placeHoldAction", SUPERVISORS],
  ["recordConsentAction", EDITORS],
];
const PERSON_ACTIONS: [string, Role[]][] = [
  ["updatePersonAction", EDITORS],
  ["updateProtectedDetailsAction", EDITORS],
  ["erasePersonAction", SUPERVISORS],
];
// Actions on one record of a case: (code, record id, state, form), or (record id, state, form) for tasks.
type Records = { proceedingId: string; hearingId: string; fineId: string; episodeId: string; taskId: string; closureId: string; referralId: string };
const RECORD_ACTIONS: [string, Role[], (t: Target & string, r: Records, code: string) => unknown[]][] = [
  ["addPaymentAction", EDITORS, (_t, r, code) => [code, r.fineId, {}, empty()]],
  ["updateDetentionAction", EDITORS, (_t, r, code) => [code, r.episodeId, {}, empty()]],
  ["completeTaskAction", READERS, (_t, r) => [r.taskId, {}, empty()]],
  ["reassignTaskAction", READERS, (_t, r) => [r.taskId, {}, empty()]],
  ["addPartyAction", READERS, (_t, r, code) => [code, r.proceedingId, {}, empty()]],
  ["createHearingAction", READERS, (_t, r, code) => [code, r.proceedingId, {}, empty()]],
  ["recordOutcomeAction", READERS, (_t, r, code) => [code, r.hearingId, {}, empty()]],
  ["moveProceedingAction", READERS, (_t, r, code) => [code, r.proceedingId, {}, empty()]],
  ["decideClosureAction", SUPERVISORS, (_t, r, code) => [code, r.closureId, {}, empty()]],
  ["liftHoldAction", SUPERVISORS, (_t, r, code) => [code, r.closureId, {}, empty()]],
  ["withdrawConsentAction", EDITORS, (_t, r, code) => [code, r.closureId, {}, empty()]],
  // A referral to an outside partner: the sending team records the answer.
  ["updateReferralStatusAction", EDITORS, (_t, r) => [r.referralId, {}, empty()]],
  // A case merged into itself: allowed roles get a clear refusal, nothing changes.
  ["mergeCasesAction", SUPERVISORS, (_t, _r, code) => [code, code, {}, empty()]],
];
const empty = () => new Map([["unused", ""]]);

const GLOBAL_ACTIONS: [string, Role[]][] = [
  // Resuming a programme without the reason it needs: allowed roles get a field error, nothing changes.
  // Suspending and resuming hold cases, so they are supervisors' acts for their own teams, not administrators'.
  ["resumeProgrammeAction", SUPERVISORS],
  ["createCaseAction", EDITORS],
  ["bulkReassignAction", SUPERVISORS],
  ["uploadImportAction", SUPERVISORS],
  ["createUserAction", ADMIN],
  ["updateUserAction", ADMIN],
  ["setUserActiveAction", ADMIN],
  ["setUserPasswordAction", ADMIN],
  ["resetTotpAction", ADMIN],
  ["addCourtAction", ADMIN],
  ["addPartnerAction", ADMIN],
  ["addFacilityAction", ADMIN],
  ["addProgrammeAction", ADMIN],
  ["setReferenceNamesAction", ADMIN],
  ["setDeadlinePeriodAction", ADMIN],
  ["setExchangeRateAction", ADMIN],
  ["addClosureAction", ADMIN],
  ["removeClosureAction", ADMIN],
  ["setRetentionRuleAction", ADMIN],
  ["runRetentionNowAction", ADMIN],
];

type ActionEntry = { id: string; page: string };
const actions = new Map<string, ActionEntry>();
const cookies = new Map<Role, string>();
const targets = {} as Record<Target, { code: string; personId: string; records: Records }>;
let programmeId = "";
let adminId = "";

test.beforeAll(async () => {
  // The build's own table of server actions: id and the pages that carry each.
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName) actions.set(entry.exportedName, { id, page: Object.keys(entry.workers).sort()[0] });
  }
  for (const role of ROLES) {
    const { userId, cookie } = await sessionCookieFor(role);
    if (role === "admin") adminId = userId;
    cookies.set(role, cookie);
  }
  // Cases that already have a proceeding: other specs pick cases without one, so none of them shares these.
  // On the own-team case the demo legal officer is made counsel, so the matrix covers counsel's rights too.
  const pick = async (team: string, counselEmail: string | null) => {
    const [row] = await sql<{ id: string; code: string; personId: string; proceedingId: string }>(
      `select c.id, c.code, p.id as "personId", (select pr.id from "Proceeding" pr where pr."caseId" = c.id order by pr."openedAt" limit 1) as "proceedingId"
       from "Case" c join "Team" t on t.id = c."teamId" join "Person" p on p."caseId" = c.id and p.position = 0
       where t.name = $1 and c.sensitivity = 'STANDARD' and exists (select 1 from "Proceeding" pr where pr."caseId" = c.id)
       order by c.code desc limit 1`,
      [team],
    );
    if (counselEmail) {
      await sql(`insert into "CaseMember" ("caseId", "userId", role) select $1, id, 'COUNSEL' from "User" where email = $2 on conflict do nothing`, [row.id, counselEmail]);
    }
    const [{ id: actor }] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.caseworker.email]);
    const one = async (text: string, values: unknown[]) => (await sql<{ id: string }>(text, values))[0].id;
    const records: Records = {
      proceedingId: row.proceedingId,
      hearingId: await one(`insert into "Hearing" (id, "proceedingId", "courtId", "startsAt", purpose, "updatedAt") values (gen_random_uuid(), $1, (select id from "Court" order by name limit 1), '2020-03-01T03:00:00Z', 'FIRST_HEARING', now()) returning id`, [row.proceedingId]),
      fineId: await one(`insert into "Fine" (id, "caseId", "amountMinor", "imposedOn", "updatedAt") values (gen_random_uuid(), $1, 400000, '2020-01-05', now()) returning id`, [row.id]),
      episodeId: await one(`insert into "DetentionEpisode" (id, "caseId", "personId", "facilityId", "startedOn", "releasedOn", "updatedAt") values (gen_random_uuid(), $1, $2, (select id from "Facility" order by name limit 1), '2019-01-01', '2019-02-01', now()) returning id`, [row.id, row.personId]),
      taskId: await one(`insert into "Task" (id, "caseId", title, "dueOn", origin, "updatedAt") values (gen_random_uuid(), $1, 'Matrix task', '2099-01-01', 'PERSON', now()) returning id`, [row.id]),
      referralId: await one(
        `insert into "Referral" (id, "caseId", "partnerId", service, reason, sections, "overrideReason", shared, "createdById", "updatedAt")
         select gen_random_uuid(), $1, p.id, 'MEDICAL', 'Matrix', '{household}', 'matrix override', '{}'::jsonb, $2, now()
         from "Partner" p where p.name = 'Bangkok Refugee Health Clinic (demo)' returning id`,
        [row.id, actor],
      ),
      closureId: await one(`insert into "ClosureRequest" (id, "caseId", "requestedById", reason, status, "decidedAt") values (gen_random_uuid(), $1, $2, 'Matrix', 'RETURNED', now()) returning id`, [row.id, actor]),
    };
    return { code: row.code, personId: row.personId, records };
  };
  targets.own = await pick("Bangkok", ACCOUNTS.legal.email);
  targets.otherTeam = await pick("Chiang Rai", null);
  [{ id: programmeId }] = await sql<{ id: string }>(`select id from "Programme" where status = 'ACTIVE' order by name limit 1`);
});

/** Calls a server action the way React does: form entries of argument n as "_n_<name>", then "0" with the arguments. */
async function callAction(api: APIRequestContext, name: string, args: unknown[], target: { code: string; personId: string }) {
  const action = actions.get(name);
  expect(action, `server action ${name} is in the build`).toBeTruthy();
  const multipart: Record<string, string> = {};
  const encoded = args.map((arg, index) => {
    if (arg instanceof Map) {
      for (const [key, value] of arg) multipart[`_${index + 1}_${key}`] = String(value);
      return `$K${index + 1}`;
    }
    return arg;
  });
  multipart["0"] = JSON.stringify(encoded);
  const page = action!.page
    .replace(/^app\//, "")
    .replace(/\([^)]+\)\//g, "")
    .replace(/\/page$/, "")
    .replace("[code]", target.code)
    .replace("[personId]", target.personId)
    .replace("[id]", adminId);
  const response = await api.post(`/${page}`, { headers: { "Next-Action": action!.id, Accept: "text/x-component" }, multipart, maxRedirects: 0 });
  const body = await response.text();
  const result = body.split("\n").find((line) => line.startsWith("1:")) ?? "";
  // Allowed: the action answered (a validation result). Denied: the pipeline refused before reading the form.
  const refused = /"formError":"(notAllowed|notFound)"/.test(result) || response.status() === 404;
  return { allowed: response.status() === 200 && result !== "" && !result.startsWith("1:E") && !refused, status: response.status(), result: result.slice(0, 80) };
}

for (const role of ROLES) {
  test(`server-action matrix: ${role}`, async () => {
    test.setTimeout(180_000);
    const api = await request.newContext({ baseURL: process.env.BASE_URL, extraHTTPHeaders: { cookie: cookies.get(role)!, origin: new URL(process.env.BASE_URL!).origin } });
    const wrong: string[] = [];
    const check = (label: string, expected: boolean, outcome: { allowed: boolean; status: number; result: string }) => {
      if (outcome.status >= 500) wrong.push(`${label}: answered ${outcome.status} ${outcome.result}`);
      else if (outcome.allowed !== expected) wrong.push(`${label}: expected ${expected ? "allowed" : "denied"}, got ${outcome.status} ${outcome.result}`);
    };
    for (const target of ["own", "otherTeam"] as Target[]) {
      const t = targets[target];
      for (const [name, roles, args] of RECORD_ACTIONS) check(`${name} (${target})`, roles.includes(role) && SEES[role][target], await callAction(api, name, args(target, t.records, t.code), t));
      for (const [name, roles] of CASE_ACTIONS) check(`${name} (${target})`, roles.includes(role) && SEES[role][target], await callAction(api, name, [t.code, {}, empty()], t));
      for (const [name, roles] of PERSON_ACTIONS) check(`${name} (${target})`, roles.includes(role) && SEES[role][target], await callAction(api, name, [t.code, t.personId, {}, empty()], t));
    }
    for (const [name, roles] of GLOBAL_ACTIONS) {
      const args = name === "resumeProgrammeAction" ? [programmeId, {}, empty()] : [{}, empty()];
      check(name, roles.includes(role), await callAction(api, name, args, targets.own));
    }
    expect(wrong).toEqual([]);
  });
}

// What an attacker sends: record ids that are not ids (a number, a path, SQL,
// a UUID of nothing), case codes that are not codes, and arguments that are
// not forms at all. Every one is answered with a form error (a refusal, or
// the form's own field errors), never a 500, and nothing is written.
const NOT_IDS = ["1", "../../etc/passwd", "' or 1=1 --", "00000000-0000-0000-0000-000000000000"];
const NOT_CODES = ["WP-2026-0001", "wp-2026-000001x", "%00", "WP-9999-999999"];

test("malformed server-action arguments are refused with a form error, never a 500", async () => {
  test.setTimeout(240_000);
  const role: Role = "director";
  const api = await request.newContext({ baseURL: process.env.BASE_URL, extraHTTPHeaders: { cookie: cookies.get(role)!, origin: new URL(process.env.BASE_URL!).origin } });
  const t = targets.own;
  const wrong: string[] = [];
  const expectRefusal = (label: string, outcome: { allowed: boolean; status: number; result: string }) => {
    if (outcome.status >= 500) wrong.push(`${label}: answered ${outcome.status} ${outcome.result}`);
    else if (!/"(formError|fieldErrors)":/.test(outcome.result) && outcome.status !== 404) wrong.push(`${label}: not refused: ${outcome.status} ${outcome.result}`);
  };
  // Writes by this account, counted from the audit log (every change writes a row in its own transaction);
  // views and exports by other tests signed in as the same account are not writes.
  const writes = async () =>
    Number(
      (
        await sql<{ n: string }>(
          `select count(*) as n from "AuditLog" where "actorId" = (select id from "User" where email = $1) and action not like '%.view' and action not in ('case.refused', 'action.refused', 'case.list', 'duplicate.check', 'figures.export', 'case.export', 'calendar.fetch')`,
          [ACCOUNTS[role].email],
        )
      )[0].n,
    );
  const writesBefore = await writes();
  const records = (id: string): Records => ({ proceedingId: id, hearingId: id, fineId: id, episodeId: id, taskId: id, closureId: id, referralId: id });
  for (const bad of NOT_IDS) {
    for (const [name, , args] of RECORD_ACTIONS) {
      if (name === "mergeCasesAction") continue;
      expectRefusal(`${name}(${bad})`, await callAction(api, name, args("own", records(bad), t.code), t));
    }
    for (const [name] of PERSON_ACTIONS) expectRefusal(`${name}(person ${bad})`, await callAction(api, name, [t.code, bad, {}, empty()], t));
    expectRefusal(`resumeProgrammeAction(${bad})`, await callAction(api, "resumeProgrammeAction", [bad, {}, empty()], t));
  }
  for (const code of NOT_CODES) {
    for (const [name] of CASE_ACTIONS) expectRefusal(`${name}(${code})`, await callAction(api, name, [code, {}, empty()], t));
    expectRefusal(`mergeCasesAction(${code})`, await callAction(api, "mergeCasesAction", [t.code, code, {}, empty()], t));
  }
  // Not a form: a string, a number, null or a plain object where FormData belongs.
  for (const notAForm of ["a string", 42, null, { field: "value" }]) {
    for (const [name] of CASE_ACTIONS) expectRefusal(`${name}(form ${JSON.stringify(notAForm)})`, await callAction(api, name, [t.code, {}, notAForm], t));
    for (const [name] of GLOBAL_ACTIONS) {
      const args = name === "resumeProgrammeAction" ? [programmeId, {}, notAForm] : [{}, notAForm];
      expectRefusal(`${name}(form ${JSON.stringify(notAForm)})`, await callAction(api, name, args, t));
    }
  }
  // A case code where a string belongs but something else arrives.
  for (const notACode of [42, null, ["WP"], { code: t.code }]) {
    expectRefusal(`addNoteAction(code ${JSON.stringify(notACode)})`, await callAction(api, "addNoteAction", [notACode, {}, empty()], t));
  }
  expect(wrong).toEqual([]);
  expect(await writes()).toBe(writesBefore);
});

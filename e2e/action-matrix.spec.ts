// The authorization matrix for server actions: each action that changes
// records, called over HTTP exactly as the browser calls it (Next-Action
// header, React's form encoding), by every role, on a case of the caller's
// own team and one of another team. Arguments are deliberately incomplete,
// so an allowed call ends in a validation answer and writes nothing; a
// denied call ends in 404 or 500 before any validation. Expectations are
// the hand-written tables below, as in authorization-matrix.spec.ts.
import fs from "node:fs";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { ACCOUNTS, sql } from "./helpers";

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
];
const PERSON_ACTIONS: [string, Role[]][] = [
  ["updatePersonAction", EDITORS],
  ["updateProtectedDetailsAction", EDITORS],
  ["erasePersonAction", SUPERVISORS],
];
const GLOBAL_ACTIONS: [string, Role[]][] = [
  ["createCaseAction", EDITORS],
  ["bulkReassignAction", SUPERVISORS],
  ["createUserAction", ADMIN],
  ["updateUserAction", ADMIN],
  ["setUserActiveAction", ADMIN],
  ["setUserPasswordAction", ADMIN],
  ["resetTotpAction", ADMIN],
  ["addCourtAction", ADMIN],
  ["addFacilityAction", ADMIN],
  ["addProgrammeAction", ADMIN],
  ["setDeadlinePeriodAction", ADMIN],
  ["setExchangeRateAction", ADMIN],
];

type ActionEntry = { id: string; page: string };
const actions = new Map<string, ActionEntry>();
const cookies = new Map<Role, string>();
const targets = {} as Record<Target, { code: string; personId: string }>;
let adminId = "";

test.beforeAll(async () => {
  // The build's own table of server actions: id and the pages that carry each.
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName) actions.set(entry.exportedName, { id, page: Object.keys(entry.workers).sort()[0] });
  }
  const secret = process.env.AUTH_SECRET!;
  for (const role of ROLES) {
    const [user] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS[role].email]);
    if (role === "admin") adminId = user.id;
    const [session] = await sql<{ id: string }>(`insert into "Session" (id, "userId") values (gen_random_uuid(), $1) returning id`, [user.id]);
    cookies.set(role, `authjs.session-token=${await encode({ token: { sub: user.id, sid: session.id }, secret, salt: "authjs.session-token", maxAge: 3600 })}`);
  }
  const pick = (sqlText: string, values: unknown[] = []) => sql<{ code: string; personId: string }>(sqlText, values).then((rows) => rows[0]);
  targets.own = await pick(
    `select c.code, p.id as "personId" from "Case" c join "Team" t on t.id = c."teamId" join "Person" p on p."caseId" = c.id and p.position = 0
     join "CaseMember" m on m."caseId" = c.id join "User" u on u.id = m."userId"
     where t.name = 'Bangkok' and c.sensitivity = 'STANDARD' and m.role = 'COUNSEL' and u.email = $1 order by c.code desc limit 1`,
    [ACCOUNTS.legal.email],
  );
  targets.otherTeam = await pick(
    `select c.code, p.id as "personId" from "Case" c join "Team" t on t.id = c."teamId" join "Person" p on p."caseId" = c.id and p.position = 0
     where t.name = 'Chiang Rai' and c.sensitivity = 'STANDARD' order by c.code desc limit 1`,
  );
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
  // Allowed: the action answered (a validation result). Denied: 404 or 500, the action refused before reading anything.
  return { allowed: response.status() === 200 && result !== "" && !result.startsWith("1:E"), status: response.status(), result: result.slice(0, 80) };
}

for (const role of ROLES) {
  test(`server-action matrix: ${role}`, async () => {
    test.setTimeout(180_000);
    const api = await request.newContext({ baseURL: process.env.BASE_URL, extraHTTPHeaders: { cookie: cookies.get(role)!, origin: new URL(process.env.BASE_URL!).origin } });
    const wrong: string[] = [];
    const check = (label: string, expected: boolean, outcome: { allowed: boolean; status: number; result: string }) => {
      if (outcome.allowed !== expected) wrong.push(`${label}: expected ${expected ? "allowed" : "denied"}, got ${outcome.status} ${outcome.result}`);
    };
    const empty = () => new Map([["unused", ""]]);
    for (const target of ["own", "otherTeam"] as Target[]) {
      const t = targets[target];
      for (const [name, roles] of CASE_ACTIONS) check(`${name} (${target})`, roles.includes(role) && SEES[role][target], await callAction(api, name, [t.code, {}, empty()], t));
      for (const [name, roles] of PERSON_ACTIONS) check(`${name} (${target})`, roles.includes(role) && SEES[role][target], await callAction(api, name, [t.code, t.personId, {}, empty()], t));
    }
    for (const [name, roles] of GLOBAL_ACTIONS) check(name, roles.includes(role), await callAction(api, name, [{}, empty()], targets.own));
    expect(wrong).toEqual([]);
  });
}

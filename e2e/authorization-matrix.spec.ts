// The authorization matrix: every page and API route × every role × a case of
// the user's own team, a restricted case they are not named on, a case of
// another team, and guessed ids. Expectations come from the tables below,
// written by hand from docs/domain.md (not computed from lib/policy.ts, which is
// what is under test): allowed is 200/201, denied is 404 (never a hint that
// the record exists).
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, sessionCookieFor, sql } from "./helpers";

type Role = "caseworker" | "supervisor" | "legal" | "admin" | "caseworkerNorth" | "director";
type Target = "own" | "restricted" | "otherTeam";
const ROLES: Role[] = ["caseworker", "supervisor", "legal", "admin", "caseworkerNorth", "director"];

// Who can see which case at all.
const SEES: Record<Role, Record<Target, boolean>> = {
  caseworker: { own: true, restricted: false, otherTeam: false },
  supervisor: { own: true, restricted: true, otherTeam: false },
  legal: { own: true, restricted: false, otherTeam: false }, // counsel on the own-team case only
  admin: { own: false, restricted: false, otherTeam: false },
  caseworkerNorth: { own: false, restricted: false, otherTeam: true },
  director: { own: true, restricted: true, otherTeam: true }, // organisation-wide supervisor
};
const CASE_READERS: Role[] = ["caseworker", "supervisor", "legal", "caseworkerNorth", "director"];
const CASE_EDITORS: Role[] = ["caseworker", "supervisor", "caseworkerNorth", "director"];
const SUPERVISORS: Role[] = ["supervisor", "director"];

// Case pages and APIs: who may use them, on the cases they can see.
const CASE_ROUTES: { name: string; roles: Role[]; call: (api: APIRequestContext, code: string) => Promise<number> }[] = [
  ...["", "/proceedings", "/custody", "/tasks", "/documents", "/referrals"].map((suffix) => ({ name: `GET /cases/CODE${suffix}`, roles: CASE_READERS, call: get(suffix) })),
  { name: "GET /cases/CODE/edit", roles: CASE_EDITORS, call: get("/edit") },
  { name: "GET /cases/CODE/people/new", roles: CASE_EDITORS, call: get("/people/new") },
  { name: "GET /cases/CODE/summary", roles: SUPERVISORS, call: get("/summary") },
  { name: "GET /cases/CODE/merge", roles: SUPERVISORS, call: get("/merge") },
  {
    name: "POST /api/cases/CODE/notes",
    roles: CASE_READERS,
    call: async (api, code) => (await api.post(`/api/cases/${code}/notes`, { data: { kind: "OTHER", body: "authorization matrix", confidential: false } })).status(),
  },
  { name: "POST /api/cases/CODE/summary", roles: SUPERVISORS, call: async (api, code) => (await api.post(`/api/cases/${code}/summary`, { form: { sections: "household" } })).status() },
];
function get(suffix: string) {
  return async (api: APIRequestContext, code: string) => (await api.get(`/cases/${code}${suffix}`, { maxRedirects: 0 })).status();
}

// Pages and APIs outside any one case: who may open them.
const GLOBAL_ROUTES: { path: string; roles: Role[]; method?: "POST" }[] = [
  { path: "/cases/new", roles: CASE_EDITORS },
  { path: "/hearings", roles: CASE_READERS },
  { path: "/board", roles: CASE_READERS },
  { path: "/deadlines", roles: CASE_READERS },
  { path: "/dashboard", roles: SUPERVISORS },
  { path: "/reports/monthly", roles: SUPERVISORS },
  { path: "/exports", roles: SUPERVISORS },
  { path: "/audit", roles: [...SUPERVISORS, "admin"] },
  { path: "/referrals", roles: CASE_EDITORS },
  { path: "/imports", roles: SUPERVISORS },
  { path: "/admin/users", roles: ["admin"] },
  { path: "/admin/settings", roles: ["admin"] },
  { path: "/admin/outbox", roles: ["admin"] },
  { path: "/api/exports/cases", roles: SUPERVISORS, method: "POST" },
  { path: "/api/exports/figures", roles: SUPERVISORS, method: "POST" },
];

const cookies = new Map<Role, string>();
const codes = {} as Record<Target, string>;
// A referral of each case to an outside partner, and one of the own-team
// case to the Chiang Rai team's programme (a partner using Waypoint).
const referrals = {} as Record<Target | "toNorth", string>;
let importId = "";
// Who may open a referral: whoever sees its case, and for "toNorth" also
// the receiving Chiang Rai team.
const SEES_REFERRAL = (role: Role, target: Target | "toNorth") =>
  target === "toNorth" ? SEES[role].own || role === "caseworkerNorth" || role === "director" : SEES[role][target];

test.beforeAll(async () => {
  for (const role of ROLES) cookies.set(role, (await sessionCookieFor(role)).cookie);
  const [own] = await sql<{ code: string }>(
    `select c.code from "Case" c join "Team" t on t.id = c."teamId" join "CaseMember" m on m."caseId" = c.id join "User" u on u.id = m."userId"
     where t.name = 'Bangkok' and c.sensitivity = 'STANDARD' and m.role = 'COUNSEL' and u.email = $1 order by c.code limit 1`,
    [ACCOUNTS.legal.email],
  );
  // A restricted Bangkok case that the caseworker and counsel are not named on.
  const [restricted] = await sql<{ id: string; code: string }>(
    `select c.id, c.code from "Case" c join "Team" t on t.id = c."teamId" where t.name = 'Bangkok' and c.sensitivity = 'RESTRICTED' order by c.code limit 1`,
  );
  await sql(`update "Case" set "caseworkerId" = (select id from "User" where email = $2) where id = $1`, [restricted.id, ACCOUNTS.supervisor.email]);
  await sql(`delete from "CaseMember" where "caseId" = $1`, [restricted.id]);
  const [north] = await sql<{ code: string }>(`select c.code from "Case" c join "Team" t on t.id = c."teamId" where t.name = 'Chiang Rai' and c.sensitivity = 'STANDARD' order by c.code limit 1`);
  Object.assign(codes, { own: own.code, restricted: restricted.code, otherTeam: north.code });
  const shared = { code: "WP-0000-000000", status: "OPEN", team: "Bangkok", nationality: "VN", householdSize: 1, openedOn: "2026-01-01", preparedOn: "2026-01-01", identifying: false, household: null, journey: null, detention: null, proceedings: null, hearings: null, documents: null };
  const refer = async (code: string, partner: string) => {
    const [row] = await sql<{ id: string }>(
      `insert into "Referral" (id, "caseId", "partnerId", service, reason, sections, "overrideReason", shared, "createdById", "updatedAt")
       select gen_random_uuid(), c.id, p.id, p.services[1], 'authorization matrix', '{household}', 'matrix override', $3::jsonb, c."caseworkerId", now()
       from "Case" c, "Partner" p where c.code = $1 and p.name = $2 returning id`,
      [code, partner, JSON.stringify(shared)],
    );
    return row.id;
  };
  const outside = "Bangkok Refugee Health Clinic (demo)";
  Object.assign(referrals, {
    own: await refer(own.code, outside),
    restricted: await refer(restricted.code, outside),
    otherTeam: await refer(north.code, outside),
    toNorth: await refer(own.code, "Chiang Rai shelter programme (demo)"),
  });
  // An import the demo supervisor uploaded: only its uploader works on it.
  [{ id: importId }] = await sql<{ id: string }>(
    `insert into "ImportBatch" (id, "teamId", source, "fileName", "table", "rowsTotal", "errorReport", "createdById")
     select gen_random_uuid(), u."teamId", 'authorization matrix', 'matrix.csv', '{"headers":["Name"],"rows":[["x"]]}'::jsonb, 1, 'Row,Problems', u.id
     from "User" u where u.email = $1 returning id`,
    [ACCOUNTS.supervisor.email],
  );
});

async function client(role: Role) {
  return request.newContext({ baseURL: process.env.BASE_URL, extraHTTPHeaders: { cookie: cookies.get(role)! } });
}

for (const role of ROLES) {
  test(`authorization matrix: ${role}`, async () => {
    test.setTimeout(180_000);
    const api = await client(role);
    const wrong: string[] = [];
    const expectStatus = (label: string, allowed: boolean, status: number) => {
      const ok = allowed ? status === 200 || status === 201 : status === 404;
      if (!ok) wrong.push(`${label}: expected ${allowed ? "allowed" : "404"}, got ${status}`);
    };
    for (const route of CASE_ROUTES) {
      for (const target of ["own", "restricted", "otherTeam"] as Target[]) {
        const allowed = route.roles.includes(role) && SEES[role][target];
        expectStatus(`${route.name} (${target})`, allowed, await route.call(api, codes[target]));
      }
      // A guessed code that does not exist, and garbage where a code goes.
      expectStatus(`${route.name} (guessed code)`, false, await route.call(api, "WP-2026-999999"));
      expectStatus(`${route.name} (not a code)`, false, await route.call(api, "%00%27"));
    }
    for (const route of GLOBAL_ROUTES) {
      const status = route.method === "POST" ? (await api.post(route.path, { form: { format: "csv" } })).status() : (await api.get(route.path, { maxRedirects: 0 })).status();
      expectStatus(`${route.method ?? "GET"} ${route.path}`, route.roles.includes(role), status);
    }
    for (const target of ["own", "restricted", "otherTeam", "toNorth"] as const) {
      const allowed = SEES_REFERRAL(role, target);
      expectStatus(`GET /referrals/ID (${target})`, allowed, (await api.get(`/referrals/${referrals[target]}`, { maxRedirects: 0 })).status());
      expectStatus(`GET /api/referrals/ID/pdf (${target})`, allowed, (await api.get(`/api/referrals/${referrals[target]}/pdf`)).status());
    }
    expectStatus("GET /referrals/<guessed id>", false, (await api.get(`/referrals/${crypto.randomUUID()}`, { maxRedirects: 0 })).status());
    expectStatus("GET /referrals/<not an id>", false, (await api.get(`/referrals/%00%27`, { maxRedirects: 0 })).status());
    // The supervisor's own import, and a guessed one.
    for (const [label, id, owner] of [["own import", importId, role === "supervisor"], ["guessed import", crypto.randomUUID(), false]] as const) {
      expectStatus(`GET /imports/ID (${label})`, owner, (await api.get(`/imports/${id}`, { maxRedirects: 0 })).status());
      expectStatus(`GET /api/imports/ID/report (${label})`, owner, (await api.get(`/api/imports/${id}/report`)).status());
      expectStatus(`POST /api/imports/ID/check (${label})`, owner, (await api.post(`/api/imports/${id}/check`, { data: { mapping: {} } })).status());
    }
    // A guessed account id.
    expectStatus("GET /admin/users/<guessed id>", false, (await api.get(`/admin/users/${crypto.randomUUID()}`, { maxRedirects: 0 })).status());
    expect(wrong).toEqual([]);
  });
}

test("without a session, every route sends you to sign in or answers 401", async () => {
  const api = await request.newContext({ baseURL: process.env.BASE_URL });
  for (const path of ["/cases", `/cases/${codes.own}`, "/dashboard", "/admin/users", "/audit"]) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect([302, 303, 307], path).toContain(response.status());
    expect(response.headers().location, path).toMatch(/\/login/);
  }
  for (const path of [`/api/cases/${codes.own}/notes`, "/api/exports/cases"]) {
    expect((await api.post(path, { data: {} })).status(), path).toBe(401);
  }
});

// What a new user mistypes and an attacker crafts, sent to every page and
// route that reads parameters or a body: each answer is a 2xx/3xx (the page
// falls back to its defaults) or a 4xx, never a 500. The test runner then
// checks the server's request log for any 5xx in the whole run.
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { sessionCookieFor } from "./helpers";
import { newCase } from "./data";

let supervisor: APIRequestContext;
let caseCode = "";
let personId = "";
const origin = () => new URL(process.env.BASE_URL!).origin;

test.beforeAll(async () => {
  const { cookie } = await sessionCookieFor("director");
  supervisor = await request.newContext({ baseURL: process.env.BASE_URL, extraHTTPHeaders: { cookie }, maxRedirects: 0 });
  const created = await newCase();
  caseCode = created.code;
  personId = created.personIds[0];
});

const PAGES = [
  "/cases?proceeding=FOO:BAR",
  "/cases?proceeding=CRIMINAL:NOT_A_STAGE",
  "/cases?arrived=0000",
  "/cases?opened=9999-12",
  "/cases?departed=2026-13",
  "/cases?page=-1&sort=x&dir=sideways",
  "/cases?q=%00%01",
  "/cases?team=not-a-uuid&caseworker=1",
  "/audit?before=99999999999999999999999",
  "/audit?before=-5&code=%00",
  "/reports/monthly?month=0000-01",
  "/reports/monthly?month=9999-99",
  "/dashboard?from=0000-01-01&to=9999-12-31",
  "/dashboard?from=0001-02-03&to=2026-13-01",
  "/audit?from=0000-01-01&to=9999-12-31",
  "/hearings?view=month&date=0001-01-01",
  "/hearings?view=week&date=9999-12-31",
  "/hearings?view=nonsense&date=0000-00-00",
  "/cases/WP-2026-0001",
  "/cases/%E0%A4%A",
  "/cases/WP-2026-000001/nonsense",
  "/referrals/1",
  "/imports/not-an-id",
];

test("pages answer mistyped and crafted parameters without a server error", async () => {
  const answers: string[] = [];
  for (const path of PAGES) {
    const response = await supervisor.get(path);
    answers.push(`${path} → ${response.status()}`);
  }
  expect(answers.filter((a) => / → 5\d\d$/.test(a))).toEqual([]);
  // The fallbacks show a page rather than an error: the case list is still the case list.
  const list = await supervisor.get("/cases?proceeding=FOO:BAR&arrived=0000");
  expect(list.status()).toBe(200);
  // The list says which filters it could not read instead of ignoring them in silence.
  expect(await list.text()).toContain("These filters in the address were not understood and were left out: proceeding, arrived.");
  expect((await supervisor.get("/reports/monthly?month=0000-01")).status()).toBe(200);
  expect((await supervisor.get("/audit?before=99999999999999999999999")).status()).toBe(200);
});

test("routes refuse malformed bodies, origins and ids with a 4xx", async () => {
  const post = (path: string, options: Parameters<APIRequestContext["post"]>[1]) => supervisor.post(path, options);
  const cases: [string, Promise<{ status(): number }>, number[]][] = [
    ["notes API, Origin: null", post(`/api/cases/${caseCode}/notes`, { headers: { origin: "null", "content-type": "application/json" }, data: { kind: "CALL", body: "x" } }), [403]],
    ["notes API, other origin", post(`/api/cases/${caseCode}/notes`, { headers: { origin: "https://elsewhere.example", "content-type": "application/json" }, data: { kind: "CALL", body: "x" } }), [403]],
    ["notes API, not JSON", post(`/api/cases/${caseCode}/notes`, { headers: { origin: origin(), "content-type": "text/plain" }, data: "hello" }), [415]],
    ["notes API, broken JSON", post(`/api/cases/${caseCode}/notes`, { headers: { origin: origin(), "content-type": "application/json" }, data: "{not json" }), [400]],
    ["notes API, wrong shape", post(`/api/cases/${caseCode}/notes`, { headers: { origin: origin(), "content-type": "application/json" }, data: [1, 2, 3] }), [400]],
    ["notes API, not a code", post(`/api/cases/WP-1/notes`, { headers: { origin: origin(), "content-type": "application/json" }, data: { kind: "CALL", body: "x" } }), [404]],
    ["case export, no form", post("/api/exports/cases", { headers: { "content-type": "application/json" }, data: "{}" }), [400]],
    ["case export, names without purpose", post("/api/exports/cases", { multipart: { identifying: "on", format: "csv" } }), [400]],
    ["case export, names without an archive password", post("/api/exports/cases", { multipart: { identifying: "on", format: "csv", purpose: "Needed for a referral" } }), [400]],
    ["figures export, no form", post("/api/exports/figures", { headers: { "content-type": "text/plain" }, data: "x" }), [400]],
    ["summary, no form", post(`/api/cases/${caseCode}/summary`, { headers: { "content-type": "application/json" }, data: "[]" }), [400]],
    ["summary, no section", post(`/api/cases/${caseCode}/summary`, { multipart: { sections: "nonsense" } }), [400]],
    ["summary, not a code", post(`/api/cases/nonsense/summary`, { multipart: { sections: "household" } }), [404]],
    ["person export, not an id", post("/api/people/1/export", {}), [404]],
    ["person export, nobody", post("/api/people/00000000-0000-0000-0000-000000000000/export", {}), [404]],
    ["document, not an id", supervisor.get("/api/documents/1"), [404]],
    ["referral PDF, not an id", supervisor.get("/api/referrals/1/pdf"), [404]],
    ["import check, not an id", post("/api/imports/1/check", { headers: { origin: origin(), "content-type": "application/json" }, data: {} }), [404]],
    ["import report, not an id", supervisor.get("/api/imports/1/report"), [404]],
    ["calendar feed, not a token", supervisor.get("/api/calendar/%00.ics"), [404]],
    // Security finding 11: forms posted to route handlers from another site's page are refused, like server actions.
    ["case export, other origin", post("/api/exports/cases", { headers: { origin: "https://evil.example" }, multipart: { format: "csv" } }), [403]],
    ["figures export, other origin", post("/api/exports/figures", { headers: { origin: "https://evil.example" }, multipart: { format: "csv", from: "2026-01-01", to: "2026-12-31" } }), [403]],
    ["summary, other origin", post(`/api/cases/${caseCode}/summary`, { headers: { origin: "https://evil.example" }, multipart: { sections: "household" } }), [403]],
    ["person export, other origin", post(`/api/people/${personId}/export`, { headers: { origin: "https://evil.example" } }), [403]],
    ["session, other origin", post("/api/session", { headers: { origin: "https://evil.example", "content-type": "application/json" }, data: { end: "idle" } }), [403]],
    ["summary, cross-site fetch", post(`/api/cases/${caseCode}/summary`, { headers: { "sec-fetch-site": "cross-site" }, multipart: { sections: "household" } }), [403]],
    // A server action (any POST to a page) from another site, or from an opaque origin: a 403, where Next itself answered 500.
    ["server action, Origin: null", post("/login", { headers: { origin: "null", "next-action": "0".repeat(42) }, multipart: { email: "x" } }), [403]],
    ["server action, other origin", post("/cases/new", { headers: { origin: "https://evil.example" }, multipart: { latinName: "x" } }), [403]],
    ["server action, cross-site form", post("/account", { headers: { "sec-fetch-site": "cross-site" }, form: { locale: "th" } }), [403]],
  ];
  const wrong: string[] = [];
  for (const [label, answer, expected] of cases) {
    const status = (await answer).status();
    if (!expected.includes(status)) wrong.push(`${label}: expected ${expected.join(" or ")}, got ${status}`);
  }
  expect(wrong).toEqual([]);
});

import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "waypoint-demo-2026";
export const ACCOUNTS = {
  caseworker: { email: "caseworker@demo.waypoint.test", name: "Somchai Demo", role: "Caseworker" },
  supervisor: { email: "supervisor@demo.waypoint.test", name: "Malee Demo", role: "Supervisor" },
  legal: { email: "legal@demo.waypoint.test", name: "Arun Demo", role: "Legal officer" },
  admin: { email: "admin@demo.waypoint.test", name: "Admin Demo", role: "Administrator" },
  caseworkerNorth: { email: "caseworker.north@demo.waypoint.test", name: "Nok Demo", role: "Caseworker" },
  supervisorNorth: { email: "supervisor.north@demo.waypoint.test", name: "Kanya Demo", role: "Supervisor" },
  director: { email: "director@demo.waypoint.test", name: "Pim Demo", role: "Supervisor" },
} as const;
export type AccountKey = keyof typeof ACCOUNTS;

export async function signIn(page: Page, who: AccountKey) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ACCOUNTS[who].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS[who].name);
}

/**
 * Signs in by minting a session, as a sign-in would make one (see
 * sessionCookieFor): most journeys are not about signing in, and this keeps
 * them fast and independent of the lockout. sign-in.spec.ts and
 * account-security.spec.ts sign in through the form.
 */
export async function signInAs(page: Page, who: AccountKey | { email: string }) {
  const { cookie } = await sessionCookieFor(who);
  const split = cookie.indexOf("=");
  await page.context().addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: process.env.BASE_URL!, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/cases");
  const [{ name }] = await sql<{ name: string }>(`select name from "User" where email = $1`, [emailOf(who)]);
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
}

/** A demo account's e-mail, or the one given (an account made for one test, see ownAccount). */
function emailOf(who: AccountKey | { email: string }) {
  return typeof who === "string" ? ACCOUNTS[who].email : who.email;
}

/** Fails on any WCAG 2 A/AA violation axe-core finds on the current page. */
export async function expectAccessible(page: Page) {
  const analyze = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = async () => {
    await page.waitForLoadState("load");
    // A navigation that starts while axe reads the page leaves it a frame
    // with no document yet; read the page again once it has loaded. A page
    // that stays unreadable fails the second attempt.
    const results = await analyze().catch(async (error: Error) => {
      if (!/documentElement|Execution context was destroyed|navigat/i.test(error.message)) throw error;
      await page.waitForLoadState("load");
      return analyze();
    });
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };
  let found = await violations();
  // After a client-side navigation React swaps the <title> in while it
  // streams, so axe can catch a moment with none; a page that really lacks a
  // title fails every attempt.
  for (let attempt = 0; attempt < 4 && found.length === 1 && found[0].startsWith("document-title"); attempt++) {
    await page.waitForTimeout(500);
    found = await violations();
  }
  expect(found).toEqual([]);
}

/** Direct SQL for assertions about what was (or was not) saved. */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  return sqlOn(process.env.DATABASE_URL!, text, values);
}

/** The same on another database (the multi-server test's replica). */
export async function sqlOn<T = Record<string, unknown>>(connectionString: string, text: string, values: unknown[] = []): Promise<T[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A short random tag that keeps names unique across test runs and workers. */
export function uniqueTag(): string {
  return Math.random().toString(36).slice(2, 7);
}

/**
 * A new account of its own for a test that changes account settings (such as
 * the language), so tests running in parallel with a demo account never see
 * the change. Same password as the demo accounts.
 */
export async function ownAccount(role: "CASEWORKER" | "SUPERVISOR" | "LEGAL_OFFICER" | "GUEST", team = "Bangkok") {
  const email = `own-${uniqueTag()}@demo.waypoint.test`.toLowerCase();
  await sql(
    `insert into "User" (id, email, name, "passwordHash", role, "teamId", "updatedAt")
     select gen_random_uuid(), $1, $2, "passwordHash", $3::"Role", (select id from "Team" where name = $4), now() from "User" where email = $5`,
    [email, `Own ${role.toLowerCase()} ${uniqueTag()}`, role, team, ACCOUNTS.caseworker.email],
  );
  return email;
}

/**
 * A session cookie for a demo account, minted the way a sign-in makes one (a
 * Session row and the encrypted JWT naming it), for tests that send many
 * requests without a browser. Needs AUTH_SECRET, which `npm test` passes.
 */
export async function sessionCookieFor(who: AccountKey | { email: string }): Promise<{ userId: string; cookie: string }> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: run with `npm test`");
  const { encode } = await import("next-auth/jwt");
  const [user] = await sql<{ id: string }>(`select id from "User" where email = $1`, [emailOf(who)]);
  const [session] = await sql<{ id: string }>(`insert into "Session" (id, "userId") values (gen_random_uuid(), $1) returning id`, [user.id]);
  const token = await encode({ token: { sub: user.id, sid: session.id }, secret, salt: "authjs.session-token", maxAge: 3600 });
  return { userId: user.id, cookie: `authjs.session-token=${token}` };
}

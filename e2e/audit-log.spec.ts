import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectAccessible, signIn, signInAs, sql } from "./helpers";
import { newCase } from "./data";

test("a supervisor reads who viewed a case of the team; an administrator sees sign-ins only; a caseworker cannot open the log", async ({ page, browser }) => {
  const target = await newCase();
  await signInAs(page, "supervisor");
  await page.goto(`/cases/${target.code}`);
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Case code").fill(target.code);
  await page.getByRole("button", { name: "Apply" }).last().click();
  await expect(page).toHaveURL(/code=/);
  const rows = page.getByTestId("audit-rows");
  await expect(rows.getByRole("row").filter({ hasText: "case.view" }).filter({ hasText: ACCOUNTS.supervisor.name }).first()).toBeVisible();
  await expect(rows).not.toContainText("login");
  await expectAccessible(page);

  const admin = await (await browser.newContext()).newPage();
  // Through the form: the sign-in itself is what the administrator's log must show.
  await signIn(admin, "admin");
  await admin.goto("/audit");
  await expect(admin.getByTestId("audit-rows")).toContainText("login");
  await expect(admin.getByTestId("audit-rows")).not.toContainText("case.view");
  await expect(admin.getByTestId("audit-rows")).not.toContainText(/WP-\d{4}-\d{6}/);
  await expect(admin.getByLabel("Case code")).toHaveCount(0);

  const caseworker = await (await browser.newContext()).newPage();
  await signInAs(caseworker, "caseworker");
  await expect(caseworker.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  expect((await caseworker.goto("/audit"))?.status()).toBe(404);
});

// Security finding 12: pages that show case data without opening one case wrote no view row.
test("lists, boards, calendars and the dashboard write a view row naming the cases they showed", async ({ page }) => {
  const { id, code } = await newCase({ team: "Bangkok" });
  const [supervisor] = await sql<{ id: string }>(`select id from "User" where email = $1`, [ACCOUNTS.supervisor.email]);
  await sql(
    `insert into "Task" (id, "caseId", title, "dueOn", origin, "ruleKey", "assigneeId", "updatedAt") values (gen_random_uuid(), $1, 'criminalAppeal', current_date + 5, 'RULE', 'criminal.appeal', $2, now())`,
    [id, supervisor.id],
  );
  await signInAs(page, "supervisor");
  const pages = ["/deadlines", "/tasks", "/board", "/hearings", "/dashboard", "/notifications", "/reports/monthly"];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  const views = await sql<{ page: string; cases: string[] }>(
    `select detail->>'page' as page, detail->'cases' as cases from "AuditLog"
     where action = 'page.view' and "actorId" = $1 and at > now() - interval '2 minutes' order by id`,
    [supervisor.id],
  );
  const seen = new Map(views.map((v) => [v.page, v.cases]));
  for (const name of ["deadlines", "tasks", "board", "hearings", "dashboard", "notifications", "monthly-report"]) expect(seen.has(name), name).toBe(true);
  expect(seen.get("deadlines")).toContain(code);
  expect(seen.get("tasks")).toContain(code);
});

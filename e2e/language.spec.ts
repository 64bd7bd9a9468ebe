import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, ownAccount, signInAs, sql } from "./helpers";

test("the interface switches to Thai, and the choice is saved on the account", async ({ page }) => {
  // Its own account: the language is saved on the account, and other tests sign in as the demo ones meanwhile.
  const email = await ownAccount("LEGAL_OFFICER");
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Choose once the page's scripts have taken over: a choice made while React is still
  // hydrating the server-rendered form is reset to the value it was drawn with. On busy CI
  // runs that happened even after the network was idle, so the choice is made again until
  // the page answers in Thai (by the form's id and kind: once applied, its words are Thai).
  await page.waitForLoadState("networkidle");
  await expect(async () => {
    await page.locator("#locale-switch").selectOption("th");
    await page.locator("form:has(#locale-switch) button[type=submit]").click();
    await expect(page.getByRole("button", { name: "ออกจากระบบ" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("signed-in-as")).toContainText("เจ้าหน้าที่กฎหมาย");
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expectAccessible(page);
  // The browser tab says where one is, in Thai too.
  await page.goto("/cases");
  await expect(page).toHaveTitle("คดี · Waypoint");

  // A new browser session for the same account gets Thai at once.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "ออกจากระบบ" })).toBeVisible();

  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("ภาษา")).toBeVisible();
  await expect(async () => {
    await page.locator("#locale-switch").selectOption("en");
    await page.locator("form:has(#locale-switch) button[type=submit]").click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
});

test("Korean and Vietnamese are offered, each named in itself, and a choice holds on every page", async ({ page }) => {
  const email = await ownAccount("CASEWORKER");
  await signInAs(page, { email });
  await page.waitForLoadState("networkidle");
  const languages = page.getByLabel("Language");
  await expect(languages.locator("option")).toHaveText(["English", "ไทย", "한국어", "Tiếng Việt"]);
  await languages.selectOption("ko");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page).toHaveTitle("사례 · Waypoint");
  // A Korean reader types dates year first, and is told how the date was read.
  await page.goto("/cases/new");
  await expect(page.getByText("년. 월. 일., 예: 2026. 10. 01.").first()).toBeVisible();
  await expectAccessible(page);

  await page.waitForLoadState("networkidle");
  await page.getByLabel("언어", { exact: true }).selectOption("vi");
  await page.getByRole("button", { name: "적용" }).click();
  await expect(page.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
  await page.goto("/tasks");
  await expect(page).toHaveTitle("Việc của tôi · Waypoint");
  expect(await sql(`select locale from "User" where email = $1`, [email])).toEqual([{ locale: "vi" }]);
});

// The client components' translations are a script of the user's language, fetched once and
// cached by the browser, not written into every page: a page's HTML carries only what it shows.
test("a page's HTML carries only its own words; the client's translations come as one script, of the user's language", async ({ page }) => {
  const en = JSON.parse(await readFile("messages/en.json", "utf8"));
  const th = JSON.parse(await readFile("messages/th.json", "utf8"));
  await page.context().addCookies([{ name: "waypoint-locale", value: "th", url: process.env.BASE_URL! }]);
  const loading: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") loading.push(response.text().catch(() => ""));
  });
  const response = await page.goto("/login");
  const html = await response!.text();
  await page.waitForLoadState("networkidle");
  const scripts = await Promise.all(loading);
  // Text the sign-in page never shows, in either language: not in its HTML.
  expect(html).not.toContain(th.retention.intro);
  expect(html).not.toContain(en.retention.intro);
  // The Thai catalogue was loaded as a script; the English one was not.
  expect(scripts.some((body) => body.includes(th.retention.intro))).toBe(true);
  expect(scripts.some((body) => body.includes(en.retention.intro))).toBe(false);
  // The sign-in form is a client component: its words are Thai.
  await expect(page.getByRole("button", { name: th.signIn.submit })).toBeVisible();
  await expectAccessible(page);
});

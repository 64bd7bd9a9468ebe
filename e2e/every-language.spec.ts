import { expect, test, type Page } from "@playwright/test";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { readFileSync } from "node:fs";
import { caseWithEverything } from "./data";
import { expectAccessible, signInAs, sql, uniqueTag } from "./helpers";

// Every page, visited as each role, in Thai, Korean and Vietnamese: no
// message key shows (a text missing from the language's file), and no
// English text from messages/en.json shows (a text translated in the file but
// still written in English somewhere, or a label never put in the files),
// tab titles, labels, options and closed sections (opened) included. axe-core
// checks each page once per language.

type Messages = Record<string, unknown>;
const messagesOf = (locale: string): Messages => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8"));
const en = messagesOf("en");
const LANGUAGES: Record<string, Messages> = { th: messagesOf("th"), ko: messagesOf("ko"), vi: messagesOf("vi") };
const ROLES = ["CASEWORKER", "SUPERVISOR", "LEGAL_OFFICER", "GUEST", "ADMIN"] as const;
type Role = (typeof ROLES)[number];

function entries(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? entries(value as Messages, `${prefix}${key}.`) : [[`${prefix}${key}`, String(value)]],
  );
}

/** The fixed words of a message (its literal parts, inside plurals and selects too), each trimmed. */
function literalRuns(elements: MessageFormatElement[], runs: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) runs.push(...element.value.split("\n").map((run) => run.trim()));
    if ("options" in element) for (const option of Object.values(element.options)) literalRuns(option.value, runs);
  }
  return runs;
}

const englishEntries = entries(en);

/**
 * English that must not show to a reader of `locale`: the fixed words of
 * every English message that language translates differently, holding a
 * lower-case English word of three letters or more ("UNHCR", "PDF" or
 * "e.g." alone are the same in every language). Matched as whole words.
 */
function englishFor(locale: string): { run: string; pattern: RegExp }[] {
  const own = new Map(entries(LANGUAGES[locale]));
  const runs = new Set<string>();
  for (const [key, english] of englishEntries) {
    const translation = own.get(key) ?? "";
    if (translation === english) continue;
    for (const run of literalRuns(parse(english))) {
      // A proper noun the translation keeps ("Lễ Makha Bucha") is not English left behind.
      if (/[a-z]{3,}/.test(run) && !translation.includes(run)) runs.add(run);
    }
  }
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Not inside a code: "case" in case_code (a column key) or case.view (an audit action) is not English prose.
  return [...runs].map((run) => ({ run, pattern: new RegExp(`(?<![\\w.])${escape(run)}(?![\\w]|\\.\\w)`) }));
}

const MESSAGE_KEYS = englishEntries.map(([key]) => key);

/** What a reader can see or hear on the page: its title, every text (also in closed sections and options), and labels in attributes. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      // Text marked as being in another language (lang="en" on an English name shown beside its translation) is not interface text.
      acceptNode: (node) =>
        // Codes (audit actions, field and column keys) are the same in every language.
        node.parentElement?.closest("script, style, template, noscript, code") || node.parentElement?.closest("[lang]")?.getAttribute("lang") !== document.documentElement.lang
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? "");
    for (const element of document.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
      for (const attribute of ["aria-label", "placeholder", "title", "alt"]) {
        const value = element.getAttribute(attribute);
        if (value) parts.push(value);
      }
    }
    return parts.join("\n");
  });
}

/**
 * Opens every closed section of the page: a section's content (a form, how a
 * deadline was counted) is drawn when it is first opened
 * (components/ui/disclosure.tsx), and its labels must be read and checked too.
 */
async function openEverySection(page: Page) {
  await page.evaluate(() => {
    for (const section of document.querySelectorAll("details:not([open])")) (section as HTMLDetailsElement).open = true;
  });
  await page.waitForFunction(() => [...document.querySelectorAll("details")].every((section) => section.children.length > 1));
}

async function account(role: Role, locale: string, name: string, teamId: string): Promise<{ id: string; email: string }> {
  const email = `lang-${locale}-${role.toLowerCase()}-${uniqueTag()}@demo.waypoint.test`.replace(/_/g, "-");
  const [row] = await sql<{ id: string }>(
    `insert into "User" (id, email, name, "passwordHash", role, "teamId", locale, "updatedAt")
     select gen_random_uuid(), $1, $2, "passwordHash", $3::"Role", case when $3 = 'ADMIN' then null else $5::uuid end, $4, now()
     from "User" where email = 'caseworker@demo.waypoint.test' returning id`,
    [email, name, role, locale, teamId],
  );
  return { id: row.id, email };
}

for (const locale of Object.keys(LANGUAGES)) {
  test(`every page in ${locale}, as every role: no message key, no English, accessible`, async ({ page }) => {
    // 185 page views and 37 accessibility checks: on a slow two-core CI machine beside the other tests, Thai took just over ten minutes.
    test.setTimeout(1_200_000);
    const english = englishFor(locale);
    // A team of its own, so the lists show this test's data and not what other tests write meanwhile;
    // names as the people served write them, so no English comes from the data.
    const [team] = await sql<{ id: string }>(`insert into "Team" (id, name) values (gen_random_uuid(), $1) returning id`, [`ทีม ${locale} ${uniqueTag()}`]);
    const people = {
      CASEWORKER: await account("CASEWORKER", locale, "Somsri Jaidee", team.id),
      SUPERVISOR: await account("SUPERVISOR", locale, "Pranee Wong", team.id),
      LEGAL_OFFICER: await account("LEGAL_OFFICER", locale, "Lê Văn Tâm", team.id),
      GUEST: await account("GUEST", locale, "Park Ji-won", team.id),
      ADMIN: await account("ADMIN", locale, "Niran Sukjai", team.id),
    };
    const household = `Ri Chol ${uniqueTag()}`;
    const file = await caseWithEverything(
      { teamId: team.id, caseworkerId: people.CASEWORKER.id, supervisorId: people.SUPERVISOR.id, counselId: people.LEGAL_OFFICER.id, guestId: people.GUEST.id },
      household,
    );
    const caseBase = `/cases/${file.code}`;
    const pages = [
      "/cases",
      `/cases?q=${encodeURIComponent(household)}`,
      "/cases/new",
      caseBase,
      `${caseBase}/proceedings`,
      `${caseBase}/custody`,
      `${caseBase}/tasks`,
      `${caseBase}/documents`,
      `${caseBase}/referrals`,
      `${caseBase}/consent`,
      `${caseBase}/summary`,
      `${caseBase}/edit`,
      `${caseBase}/people/new`,
      `${caseBase}/people/${file.personIds[0]}/edit`,
      `${caseBase}/merge`,
      "/tasks",
      "/deadlines",
      "/hearings",
      "/hearings?view=week",
      "/hearings?view=month",
      "/board",
      "/notifications",
      "/dashboard",
      "/reports/monthly",
      "/exports",
      "/audit",
      "/referrals",
      `/referrals/${file.referralId}`,
      "/imports",
      "/account",
      "/account/security",
      "/admin/users",
      `/admin/users/${people.CASEWORKER.id}`,
      "/admin/settings",
      "/admin/calendar",
      "/admin/retention",
      "/admin/outbox",
      "/no-such-page",
    ];
    const problems: string[] = [];
    const checked = new Set<string>();

    // Courts, facilities, programmes and partners other tests add have only their English name, which is then shown as it is: proper nouns.
    // Read before each page and again after it: a test running meanwhile names a court in Korean just after adding it,
    // so a page can show the English name of a court that has its Korean name by the time the page is checked.
    const untranslated = new Set<string>();
    const readUntranslated = async () => {
      const rows = await sql<{ name: string }>(
        `select name from "Court" where names->>$1 is null union select name from "Facility" where names->>$1 is null
         union select name from "Programme" where names->>$1 is null union select name from "Partner" where names->>$1 is null`,
        [locale],
      );
      for (const { name } of rows) untranslated.add(name);
    };

    const inspect = async (who: string, path: string) => {
      await openEverySection(page);
      await readUntranslated();
      let text = await readableText(page);
      for (const name of untranslated) text = text.replaceAll(name, " ");
      for (const key of MESSAGE_KEYS) if (text.includes(key)) problems.push(`${who} ${path}: message key ${key}`);
      for (const { run, pattern } of english) if (pattern.test(text)) problems.push(`${who} ${path}: English "${run}"`);
      expect(await page.locator("html").getAttribute("lang"), path).toBe(locale);
      // Each page's accessibility once per language: as the first role that may open it.
      const shape = path.replace(file.code, ":code").replace(/[0-9a-f-]{36}/g, ":id");
      if (!checked.has(shape) && !(await page.getByTestId("not-found").count())) {
        checked.add(shape);
        await expectAccessible(page);
      }
    };

    // Before signing in, the language comes from the browser's cookie.
    await page.context().addCookies([{ name: "waypoint-locale", value: locale, url: process.env.BASE_URL! }]);
    await readUntranslated();
    await page.goto("/login");
    await inspect("signed out", "/login");

    for (const role of ROLES) {
      await signInAs(page, { email: people[role].email });
      for (const path of pages) {
        await readUntranslated();
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await inspect(role, path);
      }
    }
    // The problems in the message too: a run's summary keeps only an error's first line.
    expect(problems, problems.join("; ")).toEqual([]);
  });
}

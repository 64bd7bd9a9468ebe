import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { formats } from "@/i18n/formats";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import ko from "@/messages/ko.json";
import th from "@/messages/th.json";
import { cutAtPlaces, processTranslator } from "./server";

// The process-wide translator gives exactly what next-intl's own gives,
// whether a message is formatted anew or taken from what was kept.
describe("the process-wide translator", () => {
  const cases: [string, Record<string, unknown> | undefined][] = [
    ["title", undefined],
    ["peopleCount", { count: 1 }],
    ["peopleCount", { count: 1846 }],
    ["householdsCount", { count: 0 }],
    ["peopleCount", { count: 1846 }],
  ];

  for (const [locale, messages] of [["en", en], ["vi", vi]] as const) {
    it(`formats counts as next-intl does, every time (${locale})`, () => {
      const ours = processTranslator(locale, messages, "dashboard");
      const theirs = createTranslator({ locale, messages: messages as never, namespace: "dashboard" as never, timeZone: "Asia/Bangkok", formats });
      for (let round = 0; round < 2; round++) {
        for (const [key, values] of cases) {
          expect((ours as (k: string, v?: unknown) => string)(key, values)).toBe((theirs as (k: string, v?: unknown) => string)(key, values));
        }
      }
    });
  }

  it("gives a message with text for values (which may be a name) its own text each time", () => {
    const t = processTranslator("en", { greeting: "Hello {name}" }, undefined) as (k: string, v?: unknown) => string;
    expect(t("greeting", { name: "Kim" })).toBe("Hello Kim");
    expect(t("greeting", { name: "Lee" })).toBe("Hello Lee");
  });

  it("keeps counts apart by every value, not only the first", () => {
    const t = processTranslator("en", { range: "{first}–{last} of {total}" }, undefined) as (k: string, v?: unknown) => string;
    expect(t("range", { first: 1, last: 25, total: 30 })).toBe("1–25 of 30");
    expect(t("range", { first: 1, last: 25, total: 31 })).toBe("1–25 of 31");
    expect(t("range", { first: 26, last: 30, total: 30 })).toBe("26–30 of 30");
  });
});

// A message that is text with places for values is filled in by the
// process-wide translator itself: for every such message of every language,
// with text that looks like markup, quoting or ICU, with numbers, and with
// values that are neither (left to next-intl), it gives what next-intl gives.
describe("messages filled in at their places", () => {
  type Tree = { [key: string]: string | Tree };
  /** Every message as [namespace, key, text]. */
  const leaves = (tree: Tree, path: string[] = []): [string | undefined, string, string][] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[path.length ? path.join(".") : undefined, key, value] as [string | undefined, string, string]] : leaves(value, [...path, key]),
    );
  const samples: ((name: string, i: number) => unknown)[] = [
    (name) => `Nguyễn <b>{${name}}</b> 'x' # & "q"`,
    (_, i) => 1234.5 + i,
    (_, i) => (i % 2 ? "" : 0),
    () => null,
  ];

  for (const [locale, messages] of [["en", en], ["vi", vi], ["ko", ko], ["th", th]] as const) {
    it(`fills each in as next-intl does (${locale})`, () => {
      let filled = 0;
      for (const [namespace, key, text] of leaves(messages as unknown as Tree)) {
        const cut = cutAtPlaces(text);
        if (!cut || cut.length < 3) continue;
        filled++;
        const ours = processTranslator(locale, messages, namespace) as (k: string, v?: unknown) => string;
        const theirs = createTranslator({ locale, messages: messages as never, namespace: namespace as never, timeZone: "Asia/Bangkok", formats, onError: () => {} }) as (k: string, v?: unknown) => string;
        for (const sample of samples) {
          const values = Object.fromEntries(cut.filter((_, i) => i % 2).map((name, i) => [name, sample(name, i)]));
          expect(ours(key, values), `${locale} ${namespace}.${key}`).toBe(theirs(key, values));
        }
      }
      // The app's messages have such places, many of them.
      expect(filled).toBeGreaterThan(100);
    });
  }

  it("leaves plurals, selects, formatted values, tags and quoting to next-intl", () => {
    for (const message of ["{count, plural, one {# day} other {# days}}", "{kind, select, a {A} other {B}}", "{n, number}", "<b>{name}</b>", "It''s {name}", "'{name}'"]) {
      expect(cutAtPlaces(message), message).toBeNull();
    }
    expect(cutAtPlaces("Removal: {stage} ({ days })")).toEqual(["Removal: ", "stage", " (", "days", ")"]);
  });
});

// The kept formatter gives what a fresh Intl formatter gives, whether the
// text is made anew or taken from what was kept, for every named format.
describe("the kept date formatter", () => {
  it("formats each moment as Intl does, every time, and shows an invalid date as it is", async () => {
    const { keptFormatter } = await import("./kept-formats");
    const moments = [new Date("2026-12-01T02:30:00Z"), new Date("2026-12-31T17:00:00Z"), Date.UTC(2027, 0, 1, 9, 15)];
    for (const locale of ["en", "th", "vi"]) {
      const kept = keptFormatter(locale);
      for (let round = 0; round < 2; round++) {
        for (const [format, options] of Object.entries(formats.dateTime)) {
          for (const moment of moments) {
            const fresh = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Bangkok", ...options }).format(moment);
            expect(kept.dateTime(moment, format as never), `${locale} ${format}`).toBe(fresh);
          }
        }
      }
      // The same moment as a number and as a date, and a date that is no moment.
      expect(kept.dateTime(moments[2], "day" as never)).toBe(kept.dateTime(new Date(moments[2] as number), "day" as never));
      expect(kept.dateTime(new Date("not a date"), "day" as never)).toBe("Invalid Date");
    }
  });
});

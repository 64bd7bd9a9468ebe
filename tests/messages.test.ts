import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "../messages/en.json";
import th from "../messages/th.json";
import ko from "../messages/ko.json";
import vi from "../messages/vi.json";
import { LOCALES } from "@/i18n/locales";

// Every interface language has every text, none empty, each a message
// next-intl can read, and each naming the same values as the English one
// (a translation that drops {date} or renames {count} shows a hole or a raw
// brace to the reader).
const FILES: Record<string, object> = { en, th, ko, vi };

function entries(messages: object, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? entries(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value as string]],
  );
}

/** The names of the values a message uses, wherever they sit (inside plurals and selects too). */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if ("options" in element) for (const option of Object.values(element.options)) argumentNames(option.value, names);
    if (element.type === TYPE.tag) argumentNames(element.children, names);
  }
  return names;
}

const english = new Map(entries(en));

describe("interface text", () => {
  it("has a message file for every language the user can choose, and no other", () => {
    expect(Object.keys(FILES).sort()).toEqual([...LOCALES].sort());
  });

  for (const [locale, messages] of Object.entries(FILES).filter(([code]) => code !== "en")) {
    describe(locale, () => {
      const own = entries(messages);

      it("has a text for every English one, and no extra", () => {
        expect(own.map(([key]) => key).sort()).toEqual([...english.keys()].sort());
      });

      it("leaves no text empty", () => {
        for (const [key, value] of own) expect(value.trim(), key).not.toBe("");
      });

      it("uses the same values as the English text, in messages that parse", () => {
        for (const [key, value] of own) {
          const theirs = [...argumentNames(parse(value))].sort();
          const ours = [...argumentNames(parse(english.get(key) ?? ""))].sort();
          expect(theirs, key).toEqual(ours);
        }
      });
    });
  }
});

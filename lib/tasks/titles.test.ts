import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import th from "@/messages/th.json";
import { deadlineRules } from "@/lib/workflows";
import { ruleTitleKey, taskTitle, type RuleTitles } from "./titles";

const lookup = (messages: Record<string, string>): RuleTitles => Object.assign((key: string) => messages[key], { has: (key: string) => key in messages });
const english = lookup(en.tasks.rules);
const thai = lookup(th.tasks.rules);

describe("task titles", () => {
  it("every deadline rule's title has words in English and Thai", () => {
    for (const rule of deadlineRules()) {
      expect(english.has(rule.title), `${rule.key} in English`).toBe(true);
      expect(thai.has(rule.title), `${rule.key} in Thai`).toBe(true);
    }
  });

  it("a rule's task reads in the reader's language, whatever was stored; a person's task keeps its words", () => {
    const stored = { title: ruleTitleKey("criminal.appeal"), ruleKey: "criminal.appeal" };
    expect(stored.title).toBe("criminalAppeal");
    expect(taskTitle(stored, english)).toBe("File the criminal appeal");
    expect(taskTitle(stored, thai)).toBe(th.tasks.rules.criminalAppeal);
    // Tasks made before titles were keys stored English: the rule decides, not the stored words.
    expect(taskTitle({ title: "File the criminal appeal", ruleKey: "criminal.appeal" }, thai)).toBe(th.tasks.rules.criminalAppeal);
    expect(taskTitle({ title: "Call the embassy about travel documents", ruleKey: null }, thai)).toBe("Call the embassy about travel documents");
    expect(taskTitle({ title: "Old rule", ruleKey: "retired.rule" }, english)).toBe("Old rule");
  });
});

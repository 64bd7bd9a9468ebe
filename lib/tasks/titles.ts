// A task's title in the reader's language. A task a deadline rule created
// stores its rule's key; its title is the rule's message (under
// "tasks.rules") translated when it is shown, so a Thai reader sees Thai on
// My work, Deadlines, the board, the calendar feed and summary PDFs. A task a
// person wrote keeps the words they wrote.
import { deadlineRules } from "@/lib/workflows";

const TITLE_KEY_BY_RULE = new Map(deadlineRules().map((rule) => [rule.key, rule.title]));

/** The translations under "tasks.rules" (next-intl's translator, or any lookup with `has`). */
export type RuleTitles = { (key: string): string; has(key: string): boolean };

/** The message key of the title of the tasks a rule creates (what a rule task stores as its title). */
export function ruleTitleKey(ruleKey: string): string {
  return TITLE_KEY_BY_RULE.get(ruleKey) ?? ruleKey;
}

export function taskTitle(task: { title: string; ruleKey?: string | null }, rules: RuleTitles): string {
  const key = task.ruleKey ? TITLE_KEY_BY_RULE.get(task.ruleKey) : undefined;
  return key && rules.has(key) ? rules(key) : task.title;
}

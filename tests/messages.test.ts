import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import th from "../messages/th.json";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("interface text", () => {
  it("has a Thai text for every English one, and no extra", () => {
    expect(keys(th).sort()).toEqual(keys(en).sort());
  });

  it("leaves no Thai text empty", () => {
    for (const key of keys(th)) {
      const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], th);
      expect(value, key).not.toBe("");
    }
  });
});

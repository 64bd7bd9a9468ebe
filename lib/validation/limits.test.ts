import { describe, expect, it } from "vitest";
import { formErrorsFrom } from "@/lib/forms";
import { noteSchema } from "@/lib/notes/schema";
import { TEXT_LIMITS } from "./limits";

describe("text over its limit", () => {
  it("is refused with the limit named, so the reader knows how much to cut", () => {
    const result = noteSchema.safeParse({ kind: "VISIT", body: "ก".repeat(TEXT_LIMITS.note + 1) });
    expect(result.success).toBe(false);
    expect(formErrorsFrom(result.error!)).toEqual({ fieldErrors: { body: "tooLongMax" }, fieldErrorValues: { body: { max: String(TEXT_LIMITS.note) } } });
  });

  it("is accepted up to the limit exactly, and other problems keep their own message", () => {
    expect(noteSchema.safeParse({ kind: "VISIT", body: "a".repeat(TEXT_LIMITS.note) }).success).toBe(true);
    const empty = noteSchema.safeParse({ kind: "VISIT", body: "  " });
    expect(formErrorsFrom(empty.error!)).toEqual({ fieldErrors: { body: "required" }, fieldErrorValues: {} });
  });
});

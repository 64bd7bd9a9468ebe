// Property-based tests (fast-check): every validation schema and the search
// box take arbitrary strings, huge inputs, wrong types and Unicode edge
// cases and answer with a clear error or a correct result, never a crash.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsFrom, formDataToObject } from "@/lib/forms";
import { foldForSearch } from "@/lib/people/search-text";
import { parseCaseListParams } from "@/lib/cases/list-params";
import { caseUpdateSchema, intakeSchema, journeySchema, personSchema, personUpdateSchema } from "@/lib/cases/schema";
import { expenseSchema, fineSchema, paymentSchema } from "@/lib/fines/schema";
import { detentionSchema, detentionUpdateSchema } from "@/lib/detention/schema";
import { changeOwnPasswordSchema, createUserSchema, securitySettingSchema, setPasswordSchema, updateUserSchema } from "@/lib/users/schema";
import { createTaskSchema, reassignTaskSchema, taskVersionSchema } from "@/lib/tasks/schema";
import { incidentSchema } from "@/lib/incidents/schema";
import { noteSchema } from "@/lib/notes/schema";
import { nameCounselSchema, partySchema } from "@/lib/counsel/schema";
import { courtSchema, deadlinePeriodSchema, exchangeRateSchema, facilitySchema, programmeSchema } from "@/lib/settings/schema";
import { hearingSchema, outcomeSchema } from "@/lib/hearings/schema";
import { closureDecisionSchema, closureRequestSchema } from "@/lib/closures/schema";
import { openProceedingSchema, transitionSchema } from "@/lib/proceedings/schema";
import { signInSchema } from "@/lib/auth/credentials";
import en from "@/messages/en.json";

const SCHEMAS: Record<string, z.ZodType> = {
  intakeSchema, personSchema, personUpdateSchema, journeySchema, caseUpdateSchema, fineSchema, paymentSchema, expenseSchema,
  detentionSchema, detentionUpdateSchema, createUserSchema, updateUserSchema, setPasswordSchema, changeOwnPasswordSchema,
  securitySettingSchema, createTaskSchema, taskVersionSchema, reassignTaskSchema, incidentSchema, noteSchema, nameCounselSchema,
  partySchema, courtSchema, deadlinePeriodSchema, exchangeRateSchema, facilitySchema, programmeSchema, hearingSchema, outcomeSchema,
  closureRequestSchema, closureDecisionSchema, openProceedingSchema, transitionSchema, signInSchema,
};

// Strings people and attackers type: any Unicode (lone surrogates, NUL,
// right-to-left marks, combining marks, Hangul, Thai), and very long ones.
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\uD800", "\u202E", "e\u0301", "김미옥", "ข้ามแม่น้ำ", "Nguyễn", "'; drop table \"Case\"; --", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "1e309", "NaN", "-0", "2026-02-30", "9999-12-31"),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const anyValue = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(nasty, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 5 }), nasty, { maxKeys: 3 }));

/** Arbitrary input shaped like the schema's object: its own keys with anything in them, sometimes extra keys. */
function inputFor(schema: z.ZodType) {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keys = Object.keys(shape);
  return fc.oneof(anyValue, fc.record(Object.fromEntries(keys.map((k) => [k, anyValue])), { requiredKeys: [] }), fc.array(fc.dictionary(fc.string({ maxLength: 3 }), anyValue), { maxLength: 3 }));
}

const knownKeys = new Set(Object.keys(en.errors));
const STRUCTURAL_ISSUES = ["invalid_type", "invalid_union", "unrecognized_keys", "invalid_key", "invalid_element"];

describe("validation schemas under arbitrary input", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name} answers every input with a result or field errors, never an exception`, () => {
      fc.assert(
        fc.property(inputFor(schema), (input) => {
          const result = schema.safeParse(input);
          if (result.success) return;
          const errors = fieldErrorsFrom(result.error);
          expect(Object.keys(errors).length).toBeGreaterThan(0);
          // Each message is one of ours (translated beside the field). Only where the input has the
          // wrong shape altogether (not an object, an unknown kind of value) may zod's own message
          // stand, and the form shows that as "invalid".
          for (const issue of result.error.issues) {
            if (!knownKeys.has(issue.message)) expect(STRUCTURAL_ISSUES, `${issue.code} at ${issue.path.join(".")}: ${issue.message}`).toContain(issue.code);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("form and list parsing", () => {
  it("reads any form fields into an object", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 30 }), nasty), { maxLength: 20 }), (entries) => {
        const form = new FormData();
        for (const [key, value] of entries) form.append(key, value);
        expect(typeof formDataToObject(form)).toBe("object");
      }),
    );
  });

  it("turns any URL query into a valid case-list request", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("q", "status", "team", "caseworker", "nationality", "sort", "dir", "page", "opened", "proceeding", "x"), fc.oneof(nasty, fc.array(nasty, { maxLength: 3 }))), (query) => {
        const params = parseCaseListParams(query);
        expect(params.page).toBeGreaterThanOrEqual(1);
        if (params.q) expect(params.q.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});

describe("search folding", () => {
  it("never fails, is idempotent, and never keeps NUL", () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const folded = foldForSearch(text);
        expect(foldForSearch(folded)).toBe(folded);
        expect(folded.includes("\u0000")).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("crafted form field names", () => {
  it("never reach Object.prototype", () => {
    const form = new FormData();
    form.append("__proto__.polluted", "yes");
    form.append("constructor.prototype.polluted", "yes");
    form.append("a", "x");
    form.append("a.b", "clash");
    const parsed = formDataToObject(form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed).toEqual({ a: "x" });
  });
});

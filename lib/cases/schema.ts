// Input rules for opening and editing a case: the single source for the
// server actions and the forms. Messages are keys under "errors" in
// messages/*.json.
import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";
import { blankToNull, splitList } from "@/lib/forms";
import { COUNTRY_CODES, CURRENCIES, NATIONALITY_CODES, TRANSIT_COUNTRY_CODES } from "@/lib/reference/countries";
import { parseMoneyToMinor } from "@/lib/money";
import { dbDate, parseIsoDate, todayInBangkok } from "@/lib/dates";
import { optionalPastDate } from "@/lib/validation/dates";
import { versionField } from "@/lib/validation/version";

export const RELATIONSHIPS = ["PRINCIPAL", "SPOUSE", "CHILD", "PARENT", "SIBLING", "GRANDPARENT", "GRANDCHILD", "OTHER_RELATIVE", "UNRELATED"] as const;
export const SEXES = ["FEMALE", "MALE", "OTHER", "UNKNOWN"] as const;
export const VULNERABILITIES = ["CHILD", "UNACCOMPANIED_MINOR", "MEDICAL", "DISABILITY", "SURVIVOR_OF_VIOLENCE"] as const;
export const SENSITIVITIES = ["STANDARD", "HIGH", "RESTRICTED"] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Whether `a` protects less than `b` (the list above runs from least to most protected). */
export function isLowerSensitivity(a: string, b: string): boolean {
  return SENSITIVITIES.indexOf(a as Sensitivity) < SENSITIVITIES.indexOf(b as Sensitivity);
}
export const CASE_STATUSES = ["OPEN", "ON_HOLD", "CLOSED"] as const;
export const MAX_HOUSEHOLD = 30;

const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(max, { error: "tooLong" }));

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? blankToNull(v.trim()) : (v ?? null)),
    z.string({ error: "invalid" }).max(max, { error: "tooLong" }).nullable(),
  );

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "invalidChoice" });

const list = (max: number, item: z.ZodType<string>) =>
  z.preprocess((v) => splitList(v), z.array(item).max(max, { error: "tooMany" }));

const uuid = z.string({ error: "required" }).uuid({ error: "invalidChoice" });

/** "1990" or "1990-05-12", no later than today. */
const dateOfBirth = z.preprocess(
  (v) => (typeof v === "string" ? blankToNull(v.trim()) : (v ?? null)),
  z
    .string({ error: "invalid" })
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return { birthYear: null, birthDate: null };
      const today = todayInBangkok();
      const yearOnly = /^(\d{4})$/.exec(value);
      if (yearOnly) {
        const year = Number(yearOnly[1]);
        if (year < 1900 || year > Number(today.slice(0, 4))) {
          ctx.addIssue({ code: "custom", message: "invalidYear" });
          return z.NEVER;
        }
        return { birthYear: year, birthDate: null };
      }
      const date = parseIsoDate(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "invalidDateOfBirth" });
        return z.NEVER;
      }
      if (value > today || Number(value.slice(0, 4)) < 1900) {
        ctx.addIssue({ code: "custom", message: "dateOutOfRange" });
        return z.NEVER;
      }
      return { birthYear: date.getUTCFullYear(), birthDate: date };
    }),
);

const pastDate = optionalPastDate.transform((value) => dbDate(value));

// UNHCR individual numbers look like 123-12C12345; older or partner formats
// vary, so accept letters, digits and dashes of a plausible length.
const unhcrNumber = z.preprocess(
  (v) => (typeof v === "string" ? blankToNull(v.trim().toUpperCase()) : (v ?? null)),
  z
    .string({ error: "invalid" })
    .regex(/^[A-Z0-9][A-Z0-9-]{4,28}[A-Z0-9]$/, { error: "invalidUnhcrNumber" })
    .nullable(),
);

// Passport or other identity document numbers: compared exactly by the
// duplicate check, so spaces and dashes are dropped and letters upper-cased.
const documentNumber = z.preprocess(
  (v) => (typeof v === "string" ? blankToNull(v.replace(/[\s-]/g, "").toUpperCase()) : (v ?? null)),
  z
    .string({ error: "invalid" })
    .regex(/^[A-Z0-9]{4,20}$/, { error: "invalidDocumentNumber" })
    .nullable(),
);

export const personSchema = z.object({
  relationship: choice(RELATIONSHIPS),
  latinName: requiredText(TEXT_LIMITS.name),
  nativeName: optionalText(TEXT_LIMITS.name),
  aliases: list(10, z.string().max(200, { error: "tooLong" })),
  dateOfBirth,
  sex: choice(SEXES),
  nationality: choice(NATIONALITY_CODES),
  ethnicity: optionalText(100),
  languages: list(10, z.string().max(60, { error: "tooLong" })),
  unhcrNumber,
  documentNumber,
  vulnerabilities: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(choice(VULNERABILITIES)).max(VULNERABILITIES.length)),
});
export type PersonInput = z.output<typeof personSchema>;

export const journeySchema = z
  .object({
    originCountry: z.preprocess(blankToNull, choice(COUNTRY_CODES).nullable()),
    transitCountries: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(choice(TRANSIT_COUNTRY_CODES)).max(TRANSIT_COUNTRY_CODES.length)),
    entryPoint: optionalText(200),
    entryDate: pastDate,
    entryMethod: optionalText(200),
    brokerFee: z.preprocess(
      (v) => (typeof v === "string" ? blankToNull(v.trim()) : (v ?? null)),
      z
        .string({ error: "invalid" })
        .nullable()
        .transform((value, ctx) => {
          if (value === null) return null;
          const minor = parseMoneyToMinor(value);
          if (minor === null) {
            ctx.addIssue({ code: "custom", message: "invalidAmount" });
            return z.NEVER;
          }
          return minor;
        }),
    ),
    brokerFeeCurrency: z.preprocess(blankToNull, choice(CURRENCIES).nullable()),
  })
  .superRefine((journey, ctx) => {
    if (journey.brokerFee !== null && journey.brokerFeeCurrency === null) {
      ctx.addIssue({ code: "custom", path: ["brokerFeeCurrency"], message: "currencyRequired" });
    }
  });
export type JourneyInput = z.output<typeof journeySchema>;

export const intakeSchema = z
  .object({
    teamId: uuid,
    caseworkerId: z.preprocess(blankToNull, uuid.nullable()),
    sensitivity: choice(SENSITIVITIES),
    members: z.array(personSchema, { error: "principalRequired" }).min(1, { error: "principalRequired" }).max(MAX_HOUSEHOLD, { error: "tooMany" }),
    journey: journeySchema,
  })
  .superRefine((intake, ctx) => {
    intake.members.forEach((member, index) => {
      const isPrincipal = member.relationship === "PRINCIPAL";
      if (index === 0 && !isPrincipal) ctx.addIssue({ code: "custom", path: ["members", 0, "relationship"], message: "firstMustBePrincipal" });
      if (index > 0 && isPrincipal) ctx.addIssue({ code: "custom", path: ["members", index, "relationship"], message: "onePrincipal" });
    });
  });
export type IntakeInput = z.output<typeof intakeSchema>;

/** Editing the case record itself (not its people): optimistic lock on `version`. */
export const caseUpdateSchema = z.object({
  version: versionField,
  status: choice(CASE_STATUSES),
  sensitivity: choice(SENSITIVITIES),
  caseworkerId: z.preprocess(blankToNull, uuid.nullable()),
  journey: journeySchema,
});
export type CaseUpdateInput = z.output<typeof caseUpdateSchema>;

export const personUpdateSchema = personSchema.extend({
  version: versionField,
});
export type PersonUpdateInput = z.output<typeof personUpdateSchema>;

export const MULTI_VALUED_FIELDS = /(^|\.)(vulnerabilities|transitCountries)$/;

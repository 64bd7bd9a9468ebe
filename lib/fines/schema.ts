import { z } from "@/lib/zod";
import { blankToNull } from "@/lib/forms";
import { parseMoneyToMinor } from "@/lib/money";
import { CURRENCIES } from "@/lib/reference/countries";
import { requiredPastDate } from "@/lib/validation/dates";

export const PAYERS = ["SELF", "FAMILY", "NGO", "EMBASSY", "OTHER"] as const;
export const EXPENSE_CATEGORIES = ["MEDICAL", "LEGAL", "TRAVEL", "SUBSISTENCE", "OTHER"] as const;

/** A positive amount of money, in minor units. */
export const moneyField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "required" })
    .min(1, { error: "required" })
    .transform((value, ctx) => {
      const minor = parseMoneyToMinor(value);
      if (minor === null || minor === 0) {
        ctx.addIssue({ code: "custom", message: "invalidAmount" });
        return z.NEVER;
      }
      return minor;
    }),
);

const currency = z.preprocess((v) => blankToNull(v) ?? "THB", z.enum(CURRENCIES, { error: "invalidChoice" }));
const optionalPerson = z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable());
const text = (max: number) => z.preprocess((v) => blankToNull(typeof v === "string" ? v.trim() : v), z.string().max(max, { error: "tooLong" }).nullable());

export const fineSchema = z.object({
  personId: optionalPerson,
  amount: moneyField,
  currency,
  legalBasis: text(300),
  imposedOn: requiredPastDate,
});

export const paymentSchema = z.object({
  amount: moneyField,
  payer: z.enum(PAYERS, { error: "invalidChoice" }),
  paidOn: requiredPastDate,
  receiptDocumentId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
});

export const expenseSchema = z.object({
  personId: optionalPerson,
  category: z.enum(EXPENSE_CATEGORIES, { error: "invalidChoice" }),
  description: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(500, { error: "tooLong" })),
  amount: moneyField,
  currency,
  payer: z.enum(PAYERS, { error: "invalidChoice" }),
  incurredOn: requiredPastDate,
});

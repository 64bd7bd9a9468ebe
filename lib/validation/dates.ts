// Calendar-date fields ("YYYY-MM-DD") for every form: one rule for parsing
// and ranges, with message keys under "errors". The dates themselves are
// lib/dates.ts's.
import { z } from "@/lib/zod";
import { parseIsoDate, todayInBangkok } from "@/lib/dates";

type DateFieldOptions = {
  /** Refuse dates after today in Bangkok (events that already happened). */
  notFuture?: boolean;
  earliest?: string;
  /** When left empty: "required" refuses, "today" fills in today, "null" keeps it empty. */
  whenEmpty: "required" | "today" | "null";
};

function dateField(options: DateFieldOptions) {
  const earliest = options.earliest ?? "1950-01-01";
  return z.preprocess(
    (v) => {
      const text = typeof v === "string" ? v.trim() : v;
      if (text === "" || text === undefined || text === null) return options.whenEmpty === "today" ? todayInBangkok() : null;
      return text;
    },
    z
      .string({ error: "invalidDate" })
      .nullable()
      .transform((value, ctx) => {
        if (value === null) {
          if (options.whenEmpty === "required") {
            ctx.addIssue({ code: "custom", message: "required" });
            return z.NEVER;
          }
          return null;
        }
        if (!parseIsoDate(value)) {
          ctx.addIssue({ code: "custom", message: "invalidDate" });
          return z.NEVER;
        }
        if (value < earliest || value > "2100-12-31" || (options.notFuture && value > todayInBangkok())) {
          ctx.addIssue({ code: "custom", message: "dateOutOfRange" });
          return z.NEVER;
        }
        return value;
      }),
  );
}

/** A past event's date, required. */
export const requiredPastDate = dateField({ notFuture: true, whenEmpty: "required" }).pipe(z.string());
/** A past event's date; today when left empty. */
export const eventDate = dateField({ notFuture: true, whenEmpty: "today" }).pipe(z.string());
/** A past date that may be unknown. */
export const optionalPastDate = dateField({ notFuture: true, whenEmpty: "null" });
/** Any date (expiries, due dates, sentence ends lie ahead), required. */
export const requiredDate = dateField({ whenEmpty: "required" }).pipe(z.string());
/** Any date, may be empty. */
export const optionalDate = dateField({ whenEmpty: "null" });

export const timeOfDay = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string({ error: "required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "invalidTime" }),
);

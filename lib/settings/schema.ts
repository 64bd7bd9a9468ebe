import { z } from "@/lib/zod";
import { REFERRAL_SERVICES } from "@/lib/referrals/schema";
import { CURRENCIES } from "@/lib/reference/countries";
import { PERIOD_UNITS } from "@/lib/workflows/types";
import { localNamesSchema } from "@/lib/reference/names";

const trimmed = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, { error: "required" }).max(max, { error: "tooLong" }));

export const deadlinePeriodSchema = z.object({
  ruleKey: z.string({ error: "invalidChoice" }).min(1, { error: "invalidChoice" }),
  amount: z.coerce.number({ error: "invalidPeriod" }).int({ error: "invalidPeriod" }).min(-365, { error: "invalidPeriod" }).max(365, { error: "invalidPeriod" }),
  unit: z.enum(PERIOD_UNITS, { error: "invalidChoice" }),
});

export const FACILITY_KINDS = ["BANGKOK_IDC", "PROVINCIAL_IDC", "POLICE_STATION", "REMAND_PRISON", "OTHER"] as const;

export const facilitySchema = z.object({
  name: trimmed(200),
  kind: z.enum(FACILITY_KINDS, { error: "invalidChoice" }),
});

export const exchangeRateSchema = z.object({
  currency: z.enum(CURRENCIES, { error: "invalidChoice" }).refine((c) => c !== "USD", { message: "invalidChoice" }),
  perUsd: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(/,/g, "") : v),
    z.string({ error: "required" }).regex(/^\d{1,12}(\.\d{1,6})?$/, { error: "invalidRate" }).refine((v) => Number(v) > 0, { message: "invalidRate" }),
  ),
});

export const programmeSchema = z.object({
  name: trimmed(200),
  country: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z]{2}$/, { error: "invalidCountryCode" })),
});

export const courtSchema = z.object({ name: trimmed(200) });

// Partner organisations referrals go to. `teamId`: the partner uses this
// deployment as that team, so its referrals arrive in Waypoint.
export const partnerSchema = z.object({
  name: trimmed(200),
  services: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(REFERRAL_SERVICES, { error: "invalidChoice" })).min(1, { error: "chooseService" })),
  teamId: z.preprocess((v) => (v === "" ? null : v), z.string().uuid({ error: "invalidChoice" }).nullable()),
});

/** The kinds of reference rows named per language (lib/reference/names). */
export const NAMED_REFERENCES = ["facility", "court", "programme", "partner"] as const;

// The names of one reference row in the other interface languages.
// `previous`: the names the form was drawn with, so a second administrator's
// change made meanwhile is refused, not overwritten.
export const referenceNamesSchema = localNamesSchema.extend({
  kind: z.enum(NAMED_REFERENCES, { error: "invalid" }),
  id: z.string().uuid({ error: "invalid" }),
  previous: z.preprocess((v) => {
    try {
      return typeof v === "string" ? JSON.parse(v) : v;
    } catch {
      return undefined;
    }
  }, z.record(z.string(), z.string(), { error: "invalid" })),
});

import { z } from "@/lib/zod";
import { TEXT_LIMITS } from "@/lib/validation/limits";

const reason = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string({ error: "required" }).min(5, { error: "holdReasonRequired" }).max(TEXT_LIMITS.reason, { error: "tooLong" }),
);

export const placeHoldSchema = z.object({ reason });
export const liftHoldSchema = z.object({ reason });

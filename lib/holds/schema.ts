import { z } from "zod";

const reason = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string({ error: "required" }).min(5, { error: "holdReasonRequired" }).max(2000, { error: "tooLong" }),
);

export const placeHoldSchema = z.object({ reason });
export const liftHoldSchema = z.object({ reason });

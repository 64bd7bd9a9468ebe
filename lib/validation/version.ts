import { z } from "@/lib/zod";

/**
 * The version a form was loaded with (optimistic locking, lib/locking.ts).
 * It is a hidden field, so anything but a positive whole number up to
 * PostgreSQL's integer range was made by hand: it is "invalid", not a
 * message from zod's own vocabulary.
 */
export const versionField = z.coerce
  .number({ error: "invalid" })
  .int({ error: "invalid" })
  .positive({ error: "invalid" })
  .max(2_147_483_647, { error: "invalid" });

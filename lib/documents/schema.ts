import { z } from "@/lib/zod";
import { blankToNull } from "@/lib/forms";
import { optionalDate, optionalPastDate } from "@/lib/validation/dates";

export const DOCUMENT_TYPES = ["UNHCR_CERTIFICATE", "PASSPORT", "COURT_ORDER", "FINE_RECEIPT", "MEDICAL_RECORD", "EMBASSY_LETTER", "TRAVEL_DOCUMENT", "PHOTO", "OTHER"] as const;
export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;

export const documentSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES, { error: "invalidChoice" }),
    personId: z.preprocess(blankToNull, z.string().uuid({ error: "invalidChoice" }).nullable()),
    number: z.preprocess((v) => blankToNull(typeof v === "string" ? v.trim() : v), z.string().max(100, { error: "tooLong" }).nullable()),
    issuedOn: optionalPastDate,
    expiresOn: optionalDate,
  })
  .superRefine((value, ctx) => {
    if (value.issuedOn && value.expiresOn && value.expiresOn < value.issuedOn) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiresBeforeIssued" });
  });

/** A name safe to show and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").replace(/\s+/g, " ").trim().slice(0, 120);
  const stem = cleaned.replace(/\.[^.]*$/, "") || "document";
  return `${stem}.${extension}`;
}

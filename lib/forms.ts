// Shared shape of server-action results for forms: the field errors are
// message keys (translated in the form), keyed by the field's name, so the
// message appears beside the field that caused it.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormState = {
  ok?: boolean;
  /** A message key for a problem that is not about one field (conflict, access). */
  formError?: string;
  /** Values for the form error message, e.g. who changed the record and when. */
  formErrorValues?: Record<string, string>;
  fieldErrors?: FieldErrors;
  /** Values for a field's message, e.g. which row and column of a spreadsheet. */
  fieldErrorValues?: Record<string, Record<string, string>>;
  /** Values to show once after a save, e.g. a newly made secret link. */
  data?: Record<string, string>;
};

/**
 * First message for each field path, e.g. { "members.0.latinName": "required" }.
 * Text over its limit says the limit ("tooLongMax" with values { max }), so
 * the reader knows how much to cut.
 */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  return formErrorsFrom(error).fieldErrors;
}

export function formErrorsFrom(error: z.ZodError): Required<Pick<FormState, "fieldErrors" | "fieldErrorValues">> {
  const fieldErrors: FieldErrors = {};
  const fieldErrorValues: Record<string, Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (fieldErrors[key]) continue;
    if (issue.message === "tooLong" && issue.code === "too_big" && issue.origin === "string") {
      fieldErrors[key] = "tooLongMax";
      fieldErrorValues[key] = { max: String(issue.maximum) };
    } else {
      fieldErrors[key] = issue.message;
    }
  }
  return { fieldErrors, fieldErrorValues };
}

/** Splits a comma-separated text input into trimmed, non-empty, unique entries. */
export function splitList(value: unknown): string[] {
  if (Array.isArray(value)) return [...new Set(value.map((v) => String(v).trim()).filter(Boolean))];
  if (typeof value !== "string") return [];
  return [...new Set(value.split(/[,،、，]/).map((part) => part.trim()).filter(Boolean))];
}

/** Empty inputs arrive as "" (or not at all): treat them as absent. */
export function blankToNull(value: unknown): unknown {
  if (value === undefined) return null;
  return typeof value === "string" && value.trim() === "" ? null : value;
}

/**
 * Reads FormData into a plain object. Names with dots become nested paths
 * ("members.0.latinName"); numeric segments make arrays. Repeated names
 * (checkbox groups) become arrays.
 */
/**
 * Whether a server action's argument is a form. Checked by shape, not with
 * `instanceof FormData`: a form posted before the page's scripts have
 * loaded reaches the action as Next's own FormData class, which is not the
 * global one, yet is just as much a form.
 */
export function isForm(value: unknown): value is FormData {
  if (typeof value !== "object" || value === null) return false;
  const form = value as Partial<FormData>;
  return typeof form.get === "function" && typeof form.getAll === "function" && typeof form.keys === "function" && typeof form.entries === "function";
}

export function formDataToObject(formData: unknown, multiValued: (name: string) => boolean = () => false): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  // A server action can be called with anything in place of its form: that reads as an empty form.
  if (!isForm(formData)) return root;
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const path = name.split(".");
    // A crafted field name must never reach Object.prototype ("__proto__.x").
    if (path.some((segment) => UNSAFE_SEGMENTS.has(segment))) continue;
    const values = formData.getAll(name).map((v) => (typeof v === "string" ? cleanField(name, v) : ""));
    const value = multiValued(name) ? values : values[0];
    let node: Record<string, unknown> = root;
    for (const [index, segment] of path.entries()) {
      if (index === path.length - 1) {
        node[segment] = value;
        break;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]);
      node[segment] ??= nextIsIndex ? [] : {};
      // A name that clashes with another ("a" and "a.b"): the later one is ignored.
      if (typeof node[segment] !== "object" || node[segment] === null) break;
      node = node[segment] as Record<string, unknown>;
    }
  }
  return root;
}

const UNSAFE_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

/** PostgreSQL text cannot hold NUL characters: they are dropped from everything typed. */
export function withoutNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

// Characters that change how text looks or reads without being seen:
// bidirectional overrides, isolates and marks ("…\u202Etset" shows as
// "test…"), zero-width space and joiners that split words invisibly (so
// "Zero\u200BWidth" would not be found by "ZeroWidth", nor matched by the
// duplicate check), the byte-order mark, the soft hyphen, and control
// characters other than tab and line breaks. Zero-width (non-)joiners
// U+200C/U+200D stay: emoji and some scripts need them.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Text as Waypoint keeps it, from every way it arrives (forms, JSON,
 * spreadsheets): invisible and direction-control characters removed, and
 * composed (NFC), so a Vietnamese name typed on one device matches the same
 * name typed on another. Secrets (passwords, codes) are left exactly as
 * typed: see `cleanField`.
 */
export function cleanText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "");
}

/** Fields whose value must arrive byte for byte (a password is compared as typed). */
const SECRET_FIELDS = /password|^current$|^confirm$|^code$/i;

/** One typed value, cleaned unless the field holds a secret (NUL goes from those too: PostgreSQL cannot hold it). */
export function cleanField(name: string, text: string): string {
  return SECRET_FIELDS.test(name) ? withoutNul(text) : cleanText(text);
}

/** One text field of a form ("" when absent, not text, or when what arrived is not a form at all). */
export function formText(formData: unknown, name: string): string {
  if (!isForm(formData)) return "";
  const value = formData.get(name);
  return typeof value === "string" ? cleanField(name, value) : "";
}

/** Whether a form value is an uploaded file (by shape, for the same reason as `isForm`). */
export function isUploadedFile(value: unknown): value is File {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Partial<File>;
  return typeof file.arrayBuffer === "function" && typeof file.size === "number" && typeof file.name === "string";
}

// Checks every row of a mapped spreadsheet with the same rules as the intake
// form (lib/cases/schema), so an imported case is as valid as a typed one.
import { z } from "@/lib/zod";
import { journeySchema, personSchema, type JourneyInput, type PersonInput } from "@/lib/cases/schema";
import { optionalPastDate } from "@/lib/validation/dates";
import type { Table } from "./read-table";
import { IMPORT_FIELDS, readCountry, readDate, readSex, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from "./fields";

export type RowProblem = { row: number; field: ImportField | null; column: string | null; message: string };
export type ValidRow = { row: number; person: PersonInput; journey: JourneyInput; openedOn: string | null };

export const mappingSchema = z
  .record(z.string(), z.string().max(200))
  .transform((raw) => Object.fromEntries(Object.entries(raw).filter(([field, column]) => (IMPORT_FIELDS as readonly string[]).includes(field) && column !== "")) as ColumnMapping);

/** Mapping problems that make every row fail: a required field without a column, or a column that is not in the file. */
export function mappingProblems(table: Table, mapping: ColumnMapping): { field: ImportField; message: string }[] {
  return [
    ...REQUIRED_FIELDS.filter((field) => !mapping[field]).map((field) => ({ field, message: "columnRequired" })),
    ...IMPORT_FIELDS.filter((field) => mapping[field] && !table.headers.includes(mapping[field]!)).map((field) => ({ field, message: "columnMissing" })),
  ];
}

const openedOnSchema = optionalPastDate;

/** Row numbers are as the spreadsheet shows them: the header is row 1. */
export function checkRows(table: Table, mapping: ColumnMapping): { valid: ValidRow[]; problems: RowProblem[] } {
  const index = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, mapping[field] ? table.headers.indexOf(mapping[field]!) : -1])) as Record<ImportField, number>;
  const valid: ValidRow[] = [];
  const problems: RowProblem[] = [];
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    const get = (field: ImportField) => (index[field] >= 0 ? cells[index[field]] ?? "" : "");
    const rowProblems: RowProblem[] = [];
    const report = (field: ImportField, message: string) => rowProblems.push({ row, field, column: mapping[field] ?? null, message });
    const person = personSchema.safeParse({
      relationship: "PRINCIPAL",
      latinName: get("latinName"),
      nativeName: get("nativeName"),
      aliases: get("aliases"),
      dateOfBirth: readDate(get("dateOfBirth")),
      sex: readSex(get("sex")),
      nationality: readCountry(get("nationality")),
      ethnicity: get("ethnicity"),
      languages: get("languages"),
      unhcrNumber: get("unhcrNumber"),
      documentNumber: get("documentNumber"),
      vulnerabilities: [],
    });
    if (!person.success) for (const issue of person.error.issues) report(issue.path[0] as ImportField, issue.message);
    const origin = get("originCountry");
    const journey = journeySchema.safeParse({
      originCountry: origin ? readCountry(origin) : "",
      transitCountries: [],
      entryPoint: get("entryPoint"),
      entryDate: readDate(get("entryDate")),
      entryMethod: "",
      brokerFee: "",
      brokerFeeCurrency: "",
    });
    if (!journey.success) for (const issue of journey.error.issues) report(issue.path[0] as ImportField, issue.message);
    const openedOn = openedOnSchema.safeParse(readDate(get("openedOn")));
    if (!openedOn.success) report("openedOn", openedOn.error.issues[0].message);
    if (rowProblems.length || !person.success || !journey.success || !openedOn.success) problems.push(...rowProblems);
    else valid.push({ row, person: person.data, journey: journey.data, openedOn: openedOn.data });
  });
  return { valid, problems };
}

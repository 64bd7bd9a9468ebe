// The fields of a household member's record as entered at intake, imported
// from a spreadsheet, shown on the case file and chosen between in a merge.
// One list, so a field added to the person is added everywhere or the
// compiler says where it is missing. Protected details (religion, phone,
// address, safe house) are apart: lib/policy.ts decides who sees them.
export const PERSON_FIELDS = [
  "relationship",
  "latinName",
  "nativeName",
  "aliases",
  "birthYear",
  "birthDate",
  "sex",
  "nationality",
  "ethnicity",
  "languages",
  "unhcrNumber",
  "documentNumber",
  "vulnerabilities",
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** A Prisma `select` of every person field. */
export const PERSON_FIELD_SELECT = Object.fromEntries(PERSON_FIELDS.map((field) => [field, true])) as { [Field in PersonField]: true };

/**
 * What removing a person's identity blanks, whether they asked for erasure
 * (lib/people/subject-requests) or their closed case is anonymised under the
 * retention schedule (lib/retention): names besides the placeholder, full
 * birth date, identity numbers, protected details and the search text.
 */
export function identityRemoved() {
  return {
    nativeName: null,
    aliases: [],
    birthDate: null,
    unhcrNumber: null,
    documentNumber: null,
    religion: null,
    phone: null,
    address: null,
    safeHouse: null,
    searchText: "",
  };
}

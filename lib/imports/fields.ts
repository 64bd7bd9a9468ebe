// The Waypoint fields a spreadsheet column can fill, one row per case (its
// principal applicant), and how common spellings of values are read.

export const IMPORT_FIELDS = [
  "latinName",
  "nativeName",
  "aliases",
  "dateOfBirth",
  "sex",
  "nationality",
  "ethnicity",
  "languages",
  "unhcrNumber",
  "documentNumber",
  "originCountry",
  "entryPoint",
  "entryDate",
  "openedOn",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: ImportField[] = ["latinName", "nationality"];

/** Field → column header. Unmapped fields are left out. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

// Header words that usually mean a field, for a first guess at the mapping.
const HEADER_GUESSES: Record<ImportField, RegExp> = {
  latinName: /^(name|full ?name|latin ?name|name \(latin|english name)/i,
  nativeName: /(native|hangul|original script|ชื่อ)/i,
  aliases: /(alias|other names|aka)/i,
  dateOfBirth: /(birth|dob|born)/i,
  sex: /^(sex|gender)/i,
  nationality: /^(nationality|citizenship)/i,
  ethnicity: /(ethnic)/i,
  languages: /(language)/i,
  unhcrNumber: /(unhcr)/i,
  documentNumber: /(passport|document (no|number)|id (no|number))/i,
  originCountry: /(origin)/i,
  entryPoint: /(entry point|border|crossing)/i,
  entryDate: /(entry date|date of entry|arrival|arrived)/i,
  openedOn: /(opened|registered|registration date|intake date)/i,
};

/** A first mapping from the headers: each field takes the first header that looks like it, once. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const header = headers.find((h) => !used.has(h) && HEADER_GUESSES[field].test(h));
    if (header) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

const SEX_WORDS: Record<string, string> = {
  f: "FEMALE", female: "FEMALE", woman: "FEMALE", girl: "FEMALE", "หญิง": "FEMALE", "여": "FEMALE", "nữ": "FEMALE",
  m: "MALE", male: "MALE", man: "MALE", boy: "MALE", "ชาย": "MALE", "남": "MALE", nam: "MALE",
  other: "OTHER", x: "OTHER", unknown: "UNKNOWN", "": "UNKNOWN",
};

/** "F", "female", "หญิง" → FEMALE; anything else is passed on for the schema to refuse. */
export function readSex(value: string): string {
  return SEX_WORDS[value.trim().toLowerCase()] ?? value.trim();
}

const COUNTRY_WORDS: Record<string, string> = {
  "north korea": "KP", "dprk": "KP", "north korean": "KP", "korea, north": "KP", "democratic people's republic of korea": "KP",
  "south korea": "KR", "korea": "KR",
  "viet nam": "VN", vietnam: "VN", vietnamese: "VN",
  laos: "LA", lao: "LA", laotian: "LA", "lao pdr": "LA", hmong: "LA",
  cambodia: "KH", cambodian: "KH", khmer: "KH",
  myanmar: "MM", burma: "MM", burmese: "MM",
  china: "CN", chinese: "CN", thailand: "TH", thai: "TH", mongolia: "MN", russia: "RU",
  stateless: "XX", unknown: "XX",
};

/** "KP", "North Korea", "vietnamese" → a country code; anything else is passed on for the schema to refuse. */
export function readCountry(value: string): string {
  const text = value.trim();
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  return COUNTRY_WORDS[text.toLowerCase()] ?? text;
}

/** Dates as spreadsheets hold them: 1988-04-23, 23/04/1988 (day first, as in Thailand), or a year alone. */
export function readDate(value: string): string {
  const text = value.trim();
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2].padStart(2, "0")}-${dayFirst[1].padStart(2, "0")}`;
  return text;
}

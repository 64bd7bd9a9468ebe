// Countries that appear in this caseload, by ISO 3166-1 alpha-2 code. Names
// are translated in messages/*.json under "countries".
export const COUNTRY_CODES = [
  "KP", "KR", "CN", "LA", "TH", "VN", "KH", "MM", "MN", "RU", "US", "CA", "AU", "NZ", "DE", "FR", "GB", "XX",
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/** Nationalities offered at intake; XX is "stateless or unknown". */
export const NATIONALITY_CODES = ["KP", "VN", "LA", "KH", "MM", "CN", "TH", "XX"] as const;

/** Countries people usually cross on the way to Thailand. */
export const TRANSIT_COUNTRY_CODES = ["CN", "LA", "MM", "KH", "VN", "MN", "RU"] as const;

export const CURRENCIES = ["THB", "USD", "CNY", "KRW", "VND", "LAK"] as const;
export type Currency = (typeof CURRENCIES)[number];

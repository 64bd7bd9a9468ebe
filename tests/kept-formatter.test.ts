// Client components, and the server's named dates, format on kept Intl
// formatters (lib/i18n/kept-formats); what they show must be what
// next-intl's formatter, with the app's formats and time zone, shows.
import { describe, expect, it } from "vitest";
import { createFormatter } from "next-intl";
import { formats } from "@/i18n/formats";
import { LOCALES, TIME_ZONE } from "@/i18n/locales";
import { keptFormatter, type DateFormatName } from "@/lib/i18n/kept-formats";

const DATES = [new Date("2026-12-01T00:00:00Z"), new Date("2027-01-09T16:59:59Z"), new Date("2031-03-03T17:00:00Z"), new Date("1999-02-28T23:30:00Z")];
const NUMBERS = [0, 7, 1234, 1234567, -52.5];

describe("the kept formatter of client components", () => {
  it("formats every named date format and numbers as next-intl does, in every language", () => {
    for (const locale of LOCALES) {
      const intl = createFormatter({ locale, formats, timeZone: TIME_ZONE });
      const kept = keptFormatter(locale);
      for (const name of Object.keys(formats.dateTime) as DateFormatName[]) {
        for (const date of DATES) expect(kept.dateTime(date, name), `${locale} ${name} ${date.toISOString()}`).toBe(intl.dateTime(date, name));
      }
      for (const n of NUMBERS) expect(kept.number(n), `${locale} ${n}`).toBe(intl.number(n));
    }
  });

  it("shows Bangkok time where a format names no zone, and a calendar date in UTC", () => {
    const kept = keptFormatter("en");
    // 17:00 UTC is midnight of the next day in Bangkok; a stored calendar date (UTC midnight) keeps its day.
    expect(kept.dateTime(new Date("2031-03-03T17:00:00Z"), "momentDate")).toBe("Mar 4, 2031");
    expect(kept.dateTime(new Date("2031-03-03T00:00:00Z"), "day")).toBe("Mar 3, 2031");
    expect(keptFormatter("en")).toBe(kept);
  });

  it("shows a value Intl cannot format as it is, as next-intl does, rather than failing the page", () => {
    expect(keptFormatter("en").dateTime(new Date("not a date"), "day")).toBe("Invalid Date");
  });
});

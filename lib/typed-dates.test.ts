import { describe, expect, it } from "vitest";
import { dateConvention, readTypedDate, writeTypedDate } from "./typed-dates";

const th = dateConvention("th");
const en = dateConvention("en");
const ko = dateConvention("ko");
const vi = dateConvention("vi");

describe("dates as people type them (issue 18, item 3)", () => {
  it("reads a Thai user's Buddhist-era day/month/year: 01/10/2569 is 1 October 2026", () => {
    expect(readTypedDate("01/10/2569", th)).toEqual({ iso: "2026-10-01", buddhistEra: true });
    expect(readTypedDate("1/10/2569", th)).toEqual({ iso: "2026-10-01", buddhistEra: true });
    expect(readTypedDate("1-10-2026", th)).toEqual({ iso: "2026-10-01", buddhistEra: false });
    expect(readTypedDate("๑/๑๐/๒๕๖๙", th)).toEqual({ iso: "2026-10-01", buddhistEra: true });
  });

  it("reads day/month/year, never month/day/year, for everyone else; Korean writes the year first", () => {
    expect(readTypedDate("01/10/2026", en)).toEqual({ iso: "2026-10-01", buddhistEra: false });
    expect(readTypedDate("01.10.2026", vi)).toEqual({ iso: "2026-10-01", buddhistEra: false });
    expect(readTypedDate("2026. 10. 1.", ko)).toEqual({ iso: "2026-10-01", buddhistEra: false });
    expect(readTypedDate("2026-10-01", en)).toEqual({ iso: "2026-10-01", buddhistEra: false });
    expect(readTypedDate("2026-10-01", ko)).toEqual({ iso: "2026-10-01", buddhistEra: false });
  });

  it("refuses what is not a date, and reads nothing as nothing", () => {
    expect(readTypedDate("", en)).toBeNull();
    expect(readTypedDate("  ", th)).toBeNull();
    for (const text of ["31/02/2026", "13/13/2026", "1/10/26", "tomorrow", "1/2", "2026-10-01-02", "١/١٠/٢٠٢٦"]) expect(readTypedDate(text, en), text).toEqual({ invalid: true });
  });

  it("writes a date in the reader's convention, and reads back what it wrote", () => {
    expect(writeTypedDate("2026-10-01", th)).toBe("01/10/2569");
    expect(writeTypedDate("2026-10-01", en)).toBe("01/10/2026");
    expect(writeTypedDate("2026-10-01", ko)).toBe("2026. 10. 01.");
    for (const convention of [th, en, ko, vi]) expect(readTypedDate(writeTypedDate("1999-12-31", convention), convention)).toMatchObject({ iso: "1999-12-31" });
  });
});

import { describe, expect, it } from "vitest";
import { csvLine, neutraliseCell } from "./cells";

describe("export cells", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"])("neutralise a formula-like cell %j", (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary values alone", () => {
    expect(neutraliseCell("WP-2026-000001")).toBe("WP-2026-000001");
    expect(neutraliseCell("Nguyễn Văn Đức")).toBe("Nguyễn Văn Đức");
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", null, 3])).toBe('"a,b","say ""hi""","two\nlines",,3\r\n');
    expect(csvLine(["=1+1", "x"])).toBe("'=1+1,x\r\n");
  });
});

import { describe, expect, it } from "vitest";
import { localName, localNamesSchema, namesFromForm } from "./names";

describe("reference names in the reader's language", () => {
  const court = { name: "Court of Appeal", names: { th: "ศาลอุทธรณ์", ko: "항소법원", vi: " " } };

  it("shows the reader's own name, and the English one where none was given", () => {
    expect(localName(court, "th")).toBe("ศาลอุทธรณ์");
    expect(localName(court, "ko")).toBe("항소법원");
    expect(localName(court, "vi")).toBe("Court of Appeal");
    expect(localName(court, "en")).toBe("Court of Appeal");
    expect(localName({ name: "Immigration Bureau", names: null }, "th")).toBe("Immigration Bureau");
  });

  it("keeps only the languages the form filled in, trimmed, and refuses a name over 200 characters", () => {
    const input = localNamesSchema.parse({ name_th: "  ศาลฎีกา ", name_ko: "", name_vi: undefined });
    expect(namesFromForm(input)).toEqual({ th: "ศาลฎีกา" });
    expect(localNamesSchema.safeParse({ name_th: "ก".repeat(201) }).success).toBe(false);
  });
});

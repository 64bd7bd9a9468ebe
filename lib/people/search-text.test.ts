import { describe, expect, it } from "vitest";
import { foldForSearch, personSearchText } from "./search-text";

describe("foldForSearch", () => {
  it("removes Vietnamese diacritics and the stroke on đ", () => {
    expect(foldForSearch("Y Bđăp Niê")).toBe("y bdap nie");
    expect(foldForSearch("Nguyễn Văn Đức")).toBe("nguyen van duc");
  });

  it("keeps Hangul syllables whole", () => {
    expect(foldForSearch("김 영철")).toBe("김 영철");
    expect(foldForSearch("김영철".normalize("NFD"))).toBe("김영철");
  });

  it("keeps Thai vowel and tone marks", () => {
    expect(foldForSearch("สมชาย ใจดี")).toBe("สมชาย ใจดี");
  });

  it("maps letters with a stroke or ligature, capitals too, so folding twice changes nothing", () => {
    // "Ð" once came out as "ð", which a second folding made "d" (found by the property test).
    expect(foldForSearch("ÐÆØŒŁ Ðð")).toBe("daeooel dd");
    expect(foldForSearch(foldForSearch("Ð"))).toBe(foldForSearch("Ð"));
    expect(foldForSearch("ℌ")).toBe("h"); // a compatibility capital, lower-cased after it is decomposed
  });

  it("folds case and collapses spaces", () => {
    expect(foldForSearch("  LEE   Min-Jun ")).toBe("lee min-jun");
  });
});

describe("personSearchText", () => {
  it("joins Latin name, native name and aliases", () => {
    expect(personSearchText({ latinName: "Kim Young-chul", nativeName: "김영철", aliases: ["Jin Yongzhe"] })).toBe(
      "kim young-chul | 김영철 | jin yongzhe",
    );
  });
});

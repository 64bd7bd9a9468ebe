// A name's words as the database folds them (waypoint_name_tokens): what
// the name search and the duplicate check compare. Lower case, accents
// removed, punctuation and hyphens as spaces; for North Koreans' names,
// the Romanised Korean spellings folded together.
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/fixtures";

const words = async (name: string, korean: boolean) =>
  (await testDb.$queryRaw<{ words: string[] }[]>`select waypoint_name_tokens(${name}, ${korean}) as words`)[0].words;

describe("a name's words", () => {
  it("fold case, accents and punctuation, in the name's order", async () => {
    expect(await words("Nguyễn Văn Đức", false)).toEqual(["nguyen", "van", "duc"]);
    expect(await words("H' Blŭ Niê", false)).toEqual(["h", "blu", "nie"]);
    expect(await words("Choi--Sun.hee (Anna)", false)).toEqual(["choi", "sun", "hee", "anna"]);
    expect(await words("Rhee  Young-chul", false)).toEqual(["rhee", "young", "chul"]);
  });

  it("fold Romanised Korean spellings together for a North Korean's name", async () => {
    expect(await words("Rhee  Young-chul", true)).toEqual(["i", "yong", "jul"]);
    expect(await words("Lee Yong-chul", true)).toEqual(["i", "yong", "jul"]);
    expect(await words("Choi--Sun.hee (Anna)", true)).toEqual(["choe", "sun", "hi", "ana"]);
  });

  it("are none for an empty name or one of punctuation only", async () => {
    expect(await words("", true)).toEqual([]);
    expect(await words(" - ", false)).toEqual([]);
  });
});

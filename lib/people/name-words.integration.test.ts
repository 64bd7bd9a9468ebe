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

// A person's stored words hold every two of them as a pair, and a search of
// several words looks up its pairs (migration 20261206030000_name_word_pairs).
describe("a search's word keys", () => {
  const keys = async (searchWords: string[] | null) =>
    (await testDb.$queryRaw<{ keys: string[] | null }[]>`select waypoint_name_word_keys(${searchWords}::text[]) as keys`)[0].keys;
  const stored = async (names: string[]) =>
    (await testDb.$queryRaw<{ words: string[] }[]>`select waypoint_name_words(${names}::text[], false) as words`)[0].words;

  it("are the one word, or every pair of the words in alphabetical order, or none at all", async () => {
    expect(await keys(["nguyen"])).toEqual(["nguyen"]);
    expect(await keys(["nguyen", "nguyen"])).toEqual(["nguyen"]);
    expect((await keys(["nguyen", "van", "duc"]))?.sort()).toEqual(["duc nguyen", "duc van", "nguyen van"]);
    // No words match no one: an empty array would be contained in everyone's words.
    expect(await keys([])).toBeNull();
    expect(await keys(null)).toBeNull();
  });

  it("are among a person's stored words exactly when every word is", async () => {
    const person = await stored(["Nguyễn Văn Đức", "Duc Anh"]);
    expect(person).toEqual(expect.arrayContaining(["nguyen", "van", "duc", "anh", "nguyenvanduc", "ducanh", "duc nguyen", "anh nguyen", "duc van"]));
    const found = async (search: string[]) =>
      (await testDb.$queryRaw<{ found: boolean }[]>`select ${person}::text[] @> waypoint_name_word_keys(${search}::text[]) as found`)[0].found;
    const byWords = (search: string[]) => search.every((word) => person.includes(word));
    // Words of one name, of two names, in any order, and words the person does not have.
    for (const search of [["duc"], ["van", "nguyen"], ["anh", "van"], ["duc", "anh", "nguyen"], ["nguyen", "tuan"], ["tuan"], ["ducanh", "van"]]) {
      expect(await found(search), search.join(" ")).toBe(byWords(search));
    }
  });
});

// Names are searched without regard to case or accents, in any script:
// "bdap" finds "Bđăp", "nguyen" finds "Nguyễn". Both the stored search text
// and the query go through `foldForSearch`, so they always agree.

// Letters with a stroke or ligature are not decomposed by Unicode
// normalisation, so they are mapped by hand.
const LETTER_MAP: Record<string, string> = { đ: "d", ð: "d", ł: "l", ø: "o", ß: "ss", æ: "ae", œ: "oe", ı: "i" };

export function foldForSearch(text: string): string {
  return (
    text
      // Control characters (NUL above all, which PostgreSQL refuses) carry no letters.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .normalize("NFKD")
      // Latin combining diacritics only: Thai vowel and tone marks are kept.
      .replace(/[\u0300-\u036f]/g, "")
      // Lower case before the hand mapping too: a capital the map lacks (Ð)
      // would otherwise come out as a small letter it has (ð), and folding
      // the result again would change it.
      .toLowerCase()
      .replace(/[đðłøßæœı]/g, (letter) => LETTER_MAP[letter] ?? letter)
      // Recompose so Hangul jamo become syllables again.
      .normalize("NFC")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim()
  );
}

export function personSearchText(person: { latinName: string; nativeName?: string | null; aliases?: string[] }): string {
  return [person.latinName, person.nativeName ?? "", ...(person.aliases ?? [])]
    .map(foldForSearch)
    .filter(Boolean)
    .join(" | ");
}

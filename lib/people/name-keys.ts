// Conditions on a person's stored name spellings ("nameKeys", written by the
// waypoint_name_keys trigger). The spellings of a North Korean (nationality
// KP) have the Romanised Korean variants folded together ("Cheol", "Chul"
// and "Chol" are one); everyone else's are kept as typed, accents folded.
// So each side keeps its own trigram index, partial on nationality
// (migration 20261202095654_name_keys_by_nationality), and a condition names
// the side it looks at: a key folded the Korean way is compared with Korean
// spellings only, where it means what it says, and PostgreSQL reads only
// that side's index. The words of those spellings ("nameWords", kept by the
// same trigger) are compared the same way, side by side. A search of several
// words is looked up by their pairs (waypoint_name_word_keys), which the
// stored words hold too: a pair's list in the index is far shorter than its
// words' (migration 20261206030000_name_word_pairs).
import { Prisma } from "@/lib/generated/prisma/client";

/** Whose stored spellings a key is compared with. */
export type NameKeySide = "korean" | "other";
export const NAME_KEY_SIDES: NameKeySide[] = ["korean", "other"];

const SIDE: Record<NameKeySide, Prisma.Sql> = {
  korean: Prisma.sql`p.nationality = 'KP'`,
  other: Prisma.sql`p.nationality <> 'KP'`,
};

/**
 * A spelling alike enough (pg_trgm word similarity, at the transaction's
 * pg_trgm.word_similarity_threshold) to one of a person's spellings, among
 * the people of one side, or of both ("everyone": one condition per side, so
 * each still uses its index). The person's table is aliased `p`.
 */
export function nameKeyAlike(key: string, side: NameKeySide | "everyone"): Prisma.Sql {
  if (side === "everyone") return Prisma.sql`(${nameKeyAlike(key, "korean")} or ${nameKeyAlike(key, "other")})`;
  return Prisma.sql`(${SIDE[side]} and ${key} <% p."nameKeys")`;
}

const SIDE_WHERE: Record<NameKeySide, Prisma.PersonWhereInput> = {
  korean: { nationality: "KP" },
  other: { nationality: { not: "KP" } },
};

/**
 * Every one of a search's words (folded as its side folds them) among a
 * person's name words, in any order, among the people of one side: as SQL
 * (the person's table aliased `p`) and as a Prisma condition on a person.
 * Null for a search without words, which would otherwise match everyone.
 */
export function nameWordsInclude(words: string[], side: NameKeySide): { sql: Prisma.Sql; where: Prisma.PersonWhereInput } | null {
  if (words.length === 0) return null;
  return {
    sql: Prisma.sql`(${SIDE[side]} and p."nameWords" @> waypoint_name_word_keys(${words}::text[]))`,
    // The same people (the words are stored beside their pairs), by the words' longer lists: Prisma cannot call the function.
    where: { ...SIDE_WHERE[side], nameWords: { hasEvery: words } },
  };
}

/**
 * A search's words on both sides, as SQL conditions: one per side, or, when
 * the two foldings give the same words (most names not Korean), one for
 * everyone, which reads the words' index once instead of twice.
 */
export function nameWordsOnEitherSide(words: Record<NameKeySide, string[]>): Prisma.Sql[] {
  const [korean, other] = NAME_KEY_SIDES.map((side) => words[side]);
  if (korean.length > 0 && korean.length === other.length && korean.every((word, i) => word === other[i])) return [Prisma.sql`p."nameWords" @> waypoint_name_word_keys(${korean}::text[])`];
  return NAME_KEY_SIDES.flatMap((side) => nameWordsInclude(words[side], side)?.sql ?? []);
}

/**
 * The same conditions as nameWordsOnEitherSide, for words the statement
 * works out itself: `words` names a one-row relation of the statement with
 * each side's words (columns `korean` and `other`, from
 * waypoint_name_tokens). The choice nameWordsOnEitherSide makes here is
 * made by PostgreSQL as the statement runs: all three conditions are
 * written, and the ones that do not apply compare with no words (null),
 * which matches no one and reads nothing from the index. Saves working the
 * words out in a statement of their own.
 */
export function nameWordsOnEitherSideFrom(words: Prisma.Sql): Prisma.Sql[] {
  return [
    Prisma.sql`p."nameWords" @> (select case when korean = other then waypoint_name_word_keys(korean) end from ${words})`,
    Prisma.sql`(${SIDE.korean} and p."nameWords" @> (select case when korean <> other then waypoint_name_word_keys(korean) end from ${words}))`,
    Prisma.sql`(${SIDE.other} and p."nameWords" @> (select case when korean <> other then waypoint_name_word_keys(other) end from ${words}))`,
  ];
}

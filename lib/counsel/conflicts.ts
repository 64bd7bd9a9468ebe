// Conflict check for naming counsel: a lawyer must not act for someone who is
// a complainant or adverse party in another case the same lawyer handles,
// nor against one of their own clients. Names are compared folded (case,
// accents, spacing), against every name a person is known by.
import { foldForSearch } from "@/lib/people/search-text";

/** `caseRef`: the case the party is recorded in (its id, or its code), passed through to the conflict found. */
export type Party = { name: string; role: "COMPLAINANT" | "ADVERSE_PARTY" | "WITNESS"; caseRef: string };
export type Conflict = { caseRef: string; role: Party["role"] };

/** The names a person is recorded under, from their stored search text ("latin | native | alias"). */
export function knownNames(searchText: string): string[] {
  return searchText.split(" | ").map((name) => name.trim()).filter(Boolean);
}

/** Parties (other than witnesses) whose folded name is one of the people's names. */
export function findConflicts(peopleSearchTexts: string[], parties: Party[]): Conflict[] {
  const names = new Set(peopleSearchTexts.flatMap(knownNames));
  const seen = new Set<string>();
  const conflicts: Conflict[] = [];
  for (const party of parties) {
    if (party.role === "WITNESS" || !names.has(foldForSearch(party.name))) continue;
    const key = `${party.caseRef}:${party.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    conflicts.push({ caseRef: party.caseRef, role: party.role });
  }
  return conflicts;
}

import { isoDate } from "@/lib/dates";
/** The form value for a date of birth: "1985" when only the year is known. */
export function dateOfBirthValue(person: { birthYear: number | null; birthDate: Date | null }): string {
  if (person.birthDate) return isoDate(person.birthDate);
  return person.birthYear ? String(person.birthYear) : "";
}

/** The form value for a date of birth: "1985" when only the year is known. */
export function dateOfBirthValue(person: { birthYear: number | null; birthDate: Date | null }): string {
  if (person.birthDate) return person.birthDate.toISOString().slice(0, 10);
  return person.birthYear ? String(person.birthYear) : "";
}

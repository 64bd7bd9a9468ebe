// The library names Thailand's public holidays in English and Thai only;
// the message files name them in every interface language. A deadline's
// stored working keeps the library's English name (it must read the same
// whenever it is shown), so names are translated when shown, not stored.
const HOLIDAY_KEYS: Record<string, string> = {
  "New Year's Day": "newYearsDay",
  "Makha Bucha": "makhaBucha",
  "Chakri Memorial Day": "chakriMemorialDay",
  "Songkran Festival": "songkran",
  "Coronation Day": "coronationDay",
  "Vesak Day": "vesakDay",
  "Queen Suthida's Birthday": "queenSuthidasBirthday",
  "Asalha Puja": "asalhaPuja",
  "Buddhist Lent": "buddhistLent",
  "King's Birthday": "kingsBirthday",
  "The Queen Mother's Birthday": "queenMothersBirthday",
  "King Bhumibol Adulyadej Memorial Day": "kingBhumibolMemorialDay",
  "King Chulalongkorn Day": "chulalongkornDay",
  "King Bhumibol Adulyadej's Birthday": "kingBhumibolsBirthday",
  "Constitution Day": "constitutionDay",
  "New Year's Eve": "newYearsEve",
};

/** Every holiday name the messages know, for tests that keep this list and the library in step. */
export const KNOWN_HOLIDAY_NAMES = Object.keys(HOLIDAY_KEYS);

/**
 * A public holiday's name in the reader's language (`t` is the "holidays"
 * namespace). Two holidays on one day are stored as "A / B"; a name the
 * messages do not know yet (a new library release) is shown as the library wrote it.
 */
export function holidayName(stored: string, t: (key: string) => string): string {
  return stored
    .split(" / ")
    .map((name) => (HOLIDAY_KEYS[name] ? t(HOLIDAY_KEYS[name]) : name))
    .join(" / ");
}

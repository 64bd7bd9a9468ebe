// A clearly fictional demo data set: every name here is invented by
// combining common syllables; no record describes a real person.
import { intakeSchema, type IntakeInput } from "../lib/cases/schema";

type TeamContext = { teamId: string; caseworkerId: string };
export type DemoHousehold = IntakeInput & {
  openedAt: Date;
  status: "OPEN" | "ON_HOLD" | "CLOSED";
  counselId: string | null;
  createdById: string;
};

/** Small deterministic generator so every fresh start gets the same data. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

const KOREAN_FAMILY = [["Kim", "김"], ["Lee", "이"], ["Park", "박"], ["Choi", "최"], ["Jung", "정"], ["Kang", "강"], ["Cho", "조"], ["Yoon", "윤"], ["Jang", "장"], ["Han", "한"]] as const;
const KOREAN_GIVEN = [["Young", "영"], ["Chul", "철"], ["Mi", "미"], ["Hyun", "현"], ["Sun", "선"], ["Ok", "옥"], ["Hee", "희"], ["Jin", "진"], ["Su", "수"], ["Min", "민"], ["Gwang", "광"], ["Nam", "남"]] as const;
const VIET_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ"] as const;
const VIET_MIDDLE_MALE = ["Văn", "Hữu", "Minh", "Đức"] as const;
const VIET_MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu"] as const;
const VIET_GIVEN = ["Đức", "Hùng", "Lan", "Hoa", "Tuấn", "Bình", "Thảo", "Quang", "Dũng", "Hạnh", "Khánh", "Phương"] as const;
const MONTAGNARD_GIVEN = ["Bđăp", "Kơ", "Blŭ", "Dhơn", "Ngŏ", "Jŭ", "Thuôn", "Hlơn"] as const;
const MONTAGNARD_CLAN = ["Niê", "Êban", "Ksơr", "Rcom", "Mlô", "Adrơng"] as const;
const HMONG_CLAN = ["Vang", "Xiong", "Yang", "Moua", "Thao", "Her", "Lor", "Vue"] as const;
const HMONG_GIVEN = ["Pao", "Chue", "Nou", "Mai", "Kia", "Tou", "Yer", "Neng", "Shoua"] as const;

const asciiFold = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");

type Population = "NORTH_KOREAN" | "VIETNAMESE" | "MONTAGNARD" | "HMONG";

function makeName(population: Population, sex: "MALE" | "FEMALE", rng: ReturnType<typeof random>, family?: string) {
  switch (population) {
    case "NORTH_KOREAN": {
      const [familyLatin, familyHangul] = family ? KOREAN_FAMILY.find(([latin]) => latin === family)! : rng.pick(KOREAN_FAMILY);
      const [g1l, g1h] = rng.pick(KOREAN_GIVEN);
      const [g2l, g2h] = rng.pick(KOREAN_GIVEN);
      return { latinName: `${familyLatin} ${g1l}-${g2l.toLowerCase()}`, nativeName: `${familyHangul}${g1h}${g2h}`, family: familyLatin };
    }
    case "VIETNAMESE": {
      const familyName = family ?? rng.pick(VIET_FAMILY);
      const middle = rng.pick(sex === "MALE" ? VIET_MIDDLE_MALE : VIET_MIDDLE_FEMALE);
      const native = `${familyName} ${middle} ${rng.pick(VIET_GIVEN)}`;
      return { latinName: asciiFold(native), nativeName: native, family: familyName };
    }
    case "MONTAGNARD": {
      const clan = family ?? rng.pick(MONTAGNARD_CLAN);
      const native = `${sex === "MALE" ? "Y" : "H'"} ${rng.pick(MONTAGNARD_GIVEN)} ${clan}`;
      return { latinName: native, nativeName: null, family: clan };
    }
    case "HMONG": {
      const clan = family ?? rng.pick(HMONG_CLAN);
      return { latinName: `${rng.pick(HMONG_GIVEN)} ${clan}`, nativeName: null, family: clan };
    }
  }
}

const PROFILE: Record<Population, { nationality: string; ethnicity: string | null; languages: string; unhcr: boolean }> = {
  NORTH_KOREAN: { nationality: "KP", ethnicity: "Korean", languages: "Korean", unhcr: false },
  VIETNAMESE: { nationality: "VN", ethnicity: "Kinh", languages: "Vietnamese", unhcr: true },
  MONTAGNARD: { nationality: "VN", ethnicity: "Jarai", languages: "Jarai, Vietnamese", unhcr: true },
  HMONG: { nationality: "LA", ethnicity: "Hmong", languages: "Hmong, Lao", unhcr: true },
};

function journeyFor(population: Population, entryDate: string, rng: ReturnType<typeof random>) {
  switch (population) {
    case "NORTH_KOREAN":
      return {
        originCountry: "KP",
        transitCountries: ["CN", "LA"],
        entryPoint: rng.pick(["Chiang Saen, Mekong crossing", "Golden Triangle, Chiang Rai", "Chiang Khong"]),
        entryDate,
        entryMethod: "Boat across the Mekong with a broker",
        brokerFee: String(rng.pick([2500, 3000, 3000, 3500, 4000])),
        brokerFeeCurrency: "USD",
      };
    case "HMONG":
      return { originCountry: "LA", transitCountries: [], entryPoint: "Nong Khai", entryDate, entryMethod: "Overland", brokerFee: "", brokerFeeCurrency: "" };
    default:
      return {
        originCountry: "VN",
        transitCountries: rng.next() < 0.6 ? ["KH"] : ["LA"],
        entryPoint: rng.pick(["Aranyaprathet", "Nong Khai", "Suvarnabhumi Airport"]),
        entryDate,
        entryMethod: rng.pick(["Overland", "By air on a tourist visa"]),
        brokerFee: rng.next() < 0.3 ? String(rng.int(500, 1500)) : "",
        brokerFeeCurrency: "USD",
      };
  }
}

export function buildDemoHouseholds(context: { bangkok: TeamContext; north: TeamContext; counselId: string }): DemoHousehold[] {
  const rng = random(20261122);
  const plan: Population[] = [
    ...Array<Population>(30).fill("NORTH_KOREAN"),
    ...Array<Population>(14).fill("VIETNAMESE"),
    ...Array<Population>(9).fill("MONTAGNARD"),
    ...Array<Population>(8).fill("HMONG"),
  ];
  return plan.map((population, index) => {
    const profile = PROFILE[population];
    // North Korean arrivals mostly cross in the north; UNHCR cases live in Bangkok.
    const team = population === "NORTH_KOREAN" && index % 3 !== 0 ? context.north : context.bangkok;
    const year = rng.pick([2023, 2024, 2025, 2026, 2026]);
    const month = year === 2026 ? rng.int(1, 10) : rng.int(1, 12);
    const entryDate = `${year}-${String(month).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    const size = population === "NORTH_KOREAN" ? rng.pick([1, 1, 1, 2, 2, 3]) : rng.pick([1, 2, 3, 4, 5]);
    const principalSex = rng.next() < 0.55 ? "FEMALE" : "MALE";
    const principalName = makeName(population, principalSex, rng);
    const principalBirthYear = rng.int(1965, 2002);
    const members = Array.from({ length: size }, (_, m) => {
      const isPrincipal = m === 0;
      const relationship = isPrincipal ? "PRINCIPAL" : m === 1 && size > 2 ? "SPOUSE" : "CHILD";
      const sex = isPrincipal ? principalSex : rng.next() < 0.5 ? "FEMALE" : "MALE";
      const name = isPrincipal ? principalName : makeName(population, sex, rng, relationship === "CHILD" ? principalName.family : undefined);
      const birthYear = relationship === "CHILD" ? rng.int(Math.max(principalBirthYear + 18, 2008), 2024) : relationship === "SPOUSE" ? principalBirthYear + rng.int(-5, 5) : principalBirthYear;
      // Dates of birth are often known only to the year.
      const dateOfBirth = rng.next() < 0.4 ? String(birthYear) : `${birthYear}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
      const vulnerabilities = [
        ...(relationship === "CHILD" && birthYear > 2008 ? ["CHILD"] : []),
        ...(rng.next() < 0.12 ? ["MEDICAL"] : []),
        ...(population === "NORTH_KOREAN" && sex === "FEMALE" && rng.next() < 0.2 ? ["SURVIVOR_OF_VIOLENCE"] : []),
      ];
      return {
        relationship,
        latinName: name.latinName,
        nativeName: name.nativeName ?? "",
        aliases: population === "NORTH_KOREAN" && isPrincipal && rng.next() < 0.3 ? `Jin ${rng.pick(["Meihua", "Xiulan", "Guangzhe", "Chunhua"])}` : "",
        dateOfBirth,
        sex,
        nationality: profile.nationality,
        ethnicity: profile.ethnicity ?? "",
        languages: profile.languages,
        unhcrNumber: profile.unhcr ? `${rng.int(100, 999)}-${String(year).slice(2)}C${String(rng.int(10000, 99999))}` : "",
        vulnerabilities,
      };
    });
    const sensitivity = index % 20 === 7 ? "RESTRICTED" : population === "MONTAGNARD" || population === "VIETNAMESE" ? (rng.next() < 0.3 ? "HIGH" : "STANDARD") : "STANDARD";
    const parsed = intakeSchema.parse({
      teamId: team.teamId,
      caseworkerId: team.caseworkerId,
      sensitivity,
      members,
      journey: journeyFor(population, entryDate, rng),
    });
    const openedAt = new Date(`${entryDate}T03:00:00Z`);
    openedAt.setUTCDate(openedAt.getUTCDate() + rng.int(1, 20));
    return {
      ...parsed,
      openedAt: openedAt > new Date() ? new Date() : openedAt,
      status: rng.next() < 0.12 ? "CLOSED" : rng.next() < 0.1 ? "ON_HOLD" : "OPEN",
      counselId: team === context.bangkok && population !== "NORTH_KOREAN" && index % 2 === 0 ? context.counselId : null,
      createdById: team.caseworkerId,
    };
  });
}

import { describe, expect, it } from "vitest";
import { caseUpdateSchema, intakeSchema, personSchema } from "./schema";
import { fieldErrorsFrom } from "@/lib/forms";

const TEAM = "11111111-1111-4111-8111-111111111111";
const person = (overrides: Record<string, unknown> = {}) => ({
  relationship: "PRINCIPAL",
  latinName: "Kim Young-chul",
  nativeName: "김영철",
  aliases: "",
  dateOfBirth: "1985",
  sex: "MALE",
  nationality: "KP",
  ethnicity: "",
  languages: "Korean, Chinese",
  unhcrNumber: "",
  vulnerabilities: [],
  ...overrides,
});
const journey = (overrides: Record<string, unknown> = {}) => ({
  originCountry: "KP",
  transitCountries: ["CN", "LA"],
  entryPoint: "Chiang Saen",
  entryDate: "2025-03-01",
  entryMethod: "",
  brokerFee: "3,000",
  brokerFeeCurrency: "USD",
  ...overrides,
});
const intake = (overrides: Record<string, unknown> = {}) => ({ teamId: TEAM, caseworkerId: "", sensitivity: "STANDARD", members: [person()], journey: journey(), ...overrides });

function errorsOf(result: { success: boolean; error?: unknown }) {
  return result.success ? {} : fieldErrorsFrom(result.error as never);
}

describe("personSchema", () => {
  it("accepts a year-only date of birth", () => {
    const parsed = personSchema.parse(person());
    expect(parsed.dateOfBirth).toEqual({ birthYear: 1985, birthDate: null });
    expect(parsed.languages).toEqual(["Korean", "Chinese"]);
    expect(parsed.nativeName).toBe("김영철");
  });

  it("accepts a full date of birth and keeps its year", () => {
    const parsed = personSchema.parse(person({ dateOfBirth: "2016-02-29" }));
    expect(parsed.dateOfBirth.birthYear).toBe(2016);
    expect(parsed.dateOfBirth.birthDate?.toISOString()).toBe("2016-02-29T00:00:00.000Z");
  });

  it.each([
    ["1985-02-30", "invalidDateOfBirth"],
    ["2015-02-29", "invalidDateOfBirth"],
    ["85", "invalidDateOfBirth"],
    ["1850", "invalidYear"],
    ["2999", "invalidYear"],
    ["2999-01-01", "dateOutOfRange"],
  ])("refuses the date of birth %s", (value, message) => {
    expect(errorsOf(personSchema.safeParse(person({ dateOfBirth: value })))).toEqual({ dateOfBirth: message });
  });

  it("requires a Latin name and trims it", () => {
    expect(errorsOf(personSchema.safeParse(person({ latinName: "   " })))).toEqual({ latinName: "required" });
    expect(personSchema.parse(person({ latinName: "  Lee Mi-ok " })).latinName).toBe("Lee Mi-ok");
  });

  it("normalises and checks UNHCR numbers", () => {
    expect(personSchema.parse(person({ unhcrNumber: " 123-24c12345 " })).unhcrNumber).toBe("123-24C12345");
    expect(errorsOf(personSchema.safeParse(person({ unhcrNumber: "<script>" })))).toEqual({ unhcrNumber: "invalidUnhcrNumber" });
  });

  it("refuses unknown choices", () => {
    expect(errorsOf(personSchema.safeParse(person({ sex: "X", nationality: "ZZ", vulnerabilities: ["CHILD", "VIP"] })))).toEqual({
      sex: "invalidChoice",
      nationality: "invalidChoice",
      "vulnerabilities.1": "invalidChoice",
    });
  });

  it("refuses over-long text", () => {
    expect(errorsOf(personSchema.safeParse(person({ latinName: "x".repeat(201) })))).toEqual({ latinName: "tooLongMax" });
  });
});

describe("intakeSchema", () => {
  it("parses a household with its journey, broker fee in minor units", () => {
    const parsed = intakeSchema.parse(intake({ members: [person(), person({ relationship: "CHILD", latinName: "Kim Su-min", dateOfBirth: "2015" })] }));
    expect(parsed.members).toHaveLength(2);
    expect(parsed.journey.brokerFee).toBe(300000);
    expect(parsed.journey.entryDate?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(parsed.caseworkerId).toBeNull();
  });

  it("needs the first person to be the only principal", () => {
    expect(errorsOf(intakeSchema.safeParse(intake({ members: [person({ relationship: "SPOUSE" })] })))).toEqual({ "members.0.relationship": "firstMustBePrincipal" });
    expect(errorsOf(intakeSchema.safeParse(intake({ members: [person(), person()] })))).toEqual({ "members.1.relationship": "onePrincipal" });
    expect(errorsOf(intakeSchema.safeParse(intake({ members: [] })))).toEqual({ members: "principalRequired" });
  });

  it("needs a currency with a broker fee and a real amount", () => {
    expect(errorsOf(intakeSchema.safeParse(intake({ journey: journey({ brokerFeeCurrency: "" }) })))).toEqual({ "journey.brokerFeeCurrency": "currencyRequired" });
    expect(errorsOf(intakeSchema.safeParse(intake({ journey: journey({ brokerFee: "3000.555" }) })))).toEqual({ "journey.brokerFee": "invalidAmount" });
    expect(errorsOf(intakeSchema.safeParse(intake({ journey: journey({ brokerFee: "-5" }) })))).toEqual({ "journey.brokerFee": "invalidAmount" });
  });

  it("refuses an entry date in the future and a malformed team", () => {
    expect(errorsOf(intakeSchema.safeParse(intake({ teamId: "team-1", journey: journey({ entryDate: "2999-01-01" }) })))).toEqual({
      teamId: "invalidChoice",
      "journey.entryDate": "dateOutOfRange",
    });
  });
});

describe("caseUpdateSchema", () => {
  it("needs the version the form was loaded with", () => {
    expect(errorsOf(caseUpdateSchema.safeParse({ status: "OPEN", sensitivity: "HIGH", caseworkerId: "", journey: journey() }))).toHaveProperty("version");
    expect(caseUpdateSchema.parse({ version: "3", status: "OPEN", sensitivity: "HIGH", caseworkerId: "", journey: journey() }).version).toBe(3);
  });
});

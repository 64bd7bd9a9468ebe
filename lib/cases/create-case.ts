// Writes a new household (case, people, journey) inside a caller's
// transaction. Shared by the intake action and the demo seed; the caller
// checks access and writes the audit row.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";
import { reserveCaseCodes } from "./codes";
import { personSearchText } from "@/lib/people/search-text";
import type { PersonField } from "@/lib/people/fields";
import type { IntakeInput, JourneyInput, PersonInput } from "./schema";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function personData(person: PersonInput) {
  return {
    relationship: person.relationship,
    latinName: person.latinName,
    nativeName: person.nativeName,
    aliases: person.aliases,
    birthYear: person.dateOfBirth.birthYear,
    birthDate: person.dateOfBirth.birthDate,
    sex: person.sex,
    nationality: person.nationality,
    ethnicity: person.ethnicity,
    languages: person.languages,
    unhcrNumber: person.unhcrNumber,
    documentNumber: person.documentNumber,
    vulnerabilities: person.vulnerabilities,
    searchText: personSearchText(person),
  } satisfies Partial<Prisma.PersonUncheckedCreateInput> & Record<PersonField, unknown>;
}

export function journeyData(journey: JourneyInput) {
  return {
    originCountry: journey.originCountry,
    transitCountries: journey.transitCountries,
    entryPoint: journey.entryPoint,
    entryDate: journey.entryDate,
    entryMethod: journey.entryMethod,
    brokerFeeMinor: journey.brokerFee,
    brokerFeeCurrency: journey.brokerFee === null ? null : journey.brokerFeeCurrency,
  };
}

export async function createCaseRecords(
  tx: Tx,
  input: IntakeInput & { openedAt?: Date; status?: "OPEN" | "ON_HOLD" | "CLOSED"; counselId?: string | null },
  actorId: string,
): Promise<{ id: string; code: string }> {
  const openedAt = input.openedAt ?? new Date();
  const principal = input.members[0];
  const [code] = await reserveCaseCodes(tx, [openedAt]);
  const created = await tx.case.create({
    data: {
      code,
      status: input.status ?? "OPEN",
      sensitivity: input.sensitivity,
      teamId: input.teamId,
      caseworkerId: input.caseworkerId,
      principalName: principal.latinName,
      principalNativeName: principal.nativeName,
      nationality: principal.nationality,
      householdSize: input.members.length,
      openedAt,
      createdAt: openedAt,
      updatedById: actorId,
      people: {
        create: input.members.map((member, position) => ({ ...personData(member), position, updatedById: actorId })),
      },
      journey: { create: journeyData(input.journey) },
      members: input.counselId ? { create: { userId: input.counselId, role: "COUNSEL" } } : undefined,
    },
    select: { id: true, code: true },
  });
  return created;
}

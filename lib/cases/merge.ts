import "server-only";
// Merging two cases that turn out to be one household (supervisors). The
// surviving case keeps its code and team; for each differing field the
// supervisor chooses whose value survives. Everything recorded on the
// merged case moves over — people, notes, proceedings (with their stages,
// tasks, hearings), detention, fines, expenses, documents, incidents,
// closure requests, referrals, notifications — and the merged case's code
// leads to the survivor from then on (CaseMerge). The merged case's own
// values are kept whole in CaseMerge.record, so nothing chosen away is lost.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflictFrom } from "@/lib/locking";
import { personSearchText } from "@/lib/people/search-text";
import { PERSON_FIELD_SELECT } from "@/lib/people/fields";
import type { CaseAccess } from "./access";
import { refuse } from "@/lib/refusal";
import { isLowerSensitivity } from "./schema";

export const CASE_CHOICES = ["status", "sensitivity", "caseworkerId"] as const;
export const JOURNEY_CHOICES = ["originCountry", "transitCountries", "entryPoint", "entryDate", "entryMethod", "brokerFee"] as const;
export const PERSON_CHOICES = ["latinName", "nativeName", "birth", "sex", "nationality", "ethnicity", "unhcrNumber", "documentNumber"] as const;
export type MergeChoice = (typeof CASE_CHOICES)[number] | `journey.${(typeof JOURNEY_CHOICES)[number]}` | `principal.${(typeof PERSON_CHOICES)[number]}`;

export type MergeRequest = {
  survivorVersion: number;
  mergedVersion: number;
  /** Fields whose value is taken from the merged case; all others keep the survivor's. */
  fromMerged: Set<string>;
  /** Merged person id → the survivor's person they are (others join the household). */
  samePerson: Map<string, string>;
  /** Why the merged case keeps the lower of the two sensitivities, when it does. */
  sensitivityReason?: string;
};

const PERSON_SELECT = {
  id: true,
  ...PERSON_FIELD_SELECT,
  religion: true,
  phone: true,
  address: true,
  safeHouse: true,
  position: true,
} satisfies Prisma.PersonSelect;
type PersonRow = Prisma.PersonGetPayload<{ select: typeof PERSON_SELECT }>;

/**
 * Both opened cases as the merge form shows them (opening the other case
 * for "merge" audited the view of it).
 */
export async function mergeSides(survivor: CaseAccess, merged: CaseAccess) {
  const load = (id: string) =>
    db.case.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        code: true,
        version: true,
        status: true,
        sensitivity: true,
        riskFlags: true,
        caseworkerId: true,
        caseworker: { select: { name: true } },
        journey: true,
        people: { orderBy: { position: "asc" }, select: PERSON_SELECT },
        _count: { select: { notes: true, proceedings: true, documents: true, detentions: true, fines: true, tasks: true, referrals: true } },
      },
    });
  return { survivor: await load(survivor.caseId), merged: await load(merged.caseId) };
}
export type MergeSide = Awaited<ReturnType<typeof mergeSides>>["survivor"];

const union = <T>(...lists: (T[] | null | undefined)[]) => [...new Set(lists.flatMap((l) => l ?? []))];

/** One person from two records: chosen fields, lists joined, names of the other kept as aliases, protected details kept if either has them. */
function combinedPerson(keep: PersonRow, other: PersonRow, fromOther: (field: (typeof PERSON_CHOICES)[number]) => boolean) {
  const pick = <K extends keyof PersonRow>(field: (typeof PERSON_CHOICES)[number], key: K): PersonRow[K] => (fromOther(field) ? other[key] : keep[key]);
  const latinName = pick("latinName", "latinName");
  const nativeName = pick("nativeName", "nativeName");
  const aliases = union(keep.aliases, other.aliases, [keep.latinName, other.latinName, keep.nativeName ?? "", other.nativeName ?? ""])
    .filter((name) => name && name !== latinName && name !== nativeName)
    .slice(0, 20);
  return {
    latinName,
    nativeName,
    aliases,
    birthYear: pick("birth", "birthYear"),
    birthDate: pick("birth", "birthDate"),
    sex: pick("sex", "sex"),
    nationality: pick("nationality", "nationality"),
    ethnicity: pick("ethnicity", "ethnicity"),
    unhcrNumber: pick("unhcrNumber", "unhcrNumber"),
    documentNumber: pick("documentNumber", "documentNumber"),
    languages: union(keep.languages, other.languages),
    vulnerabilities: union(keep.vulnerabilities, other.vulnerabilities),
    religion: keep.religion ?? other.religion,
    phone: keep.phone ?? other.phone,
    address: keep.address ?? other.address,
    safeHouse: keep.safeHouse ?? other.safeHouse,
    searchText: personSearchText({ latinName, nativeName, aliases }),
  };
}

/** Records that name a person: re-pointed before the merged person goes. */
async function repointPerson(tx: Tx, from: string, to: string) {
  await tx.detentionEpisode.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.fine.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.expense.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.document.updateMany({ where: { personId: from }, data: { personId: to } });
  await tx.consent.updateMany({ where: { personId: from }, data: { personId: to } });
}

/**
 * A case with its journey, people, members and closure requests, read one
 * relation after another: given the relations in one query, Prisma fetches
 * them side by side, and on a transaction's single connection pg then
 * queues the queries (and warns that it will stop doing so).
 */
async function caseWithHousehold(tx: Tx, id: string) {
  const row = await tx.case.findUniqueOrThrow({ where: { id } });
  const journey = await tx.journey.findUnique({ where: { caseId: id } });
  const people = await tx.person.findMany({ where: { caseId: id }, orderBy: { position: "asc" }, select: PERSON_SELECT });
  const members = await tx.caseMember.findMany({ where: { caseId: id } });
  const closureRequests = await tx.closureRequest.findMany({ where: { caseId: id } });
  return { ...row, journey, people, members, closureRequests };
}

export async function mergeCases(survivorCase: CaseAccess, mergedCase: CaseAccess, request: MergeRequest, ip: string | null) {
  if (survivorCase.caseId === mergedCase.caseId) refuse("mergeSameCase");
  const { actor } = survivorCase;
  const survivorId = survivorCase.caseId;
  const mergedId = mergedCase.caseId;
  return db.$transaction(
    async (tx) => {
      // Both rows locked for the merge; a stale form is a conflict.
      for (const [id, version] of [
        [survivorId, request.survivorVersion],
        [mergedId, request.mergedVersion],
      ] as const) {
        const locked = await tx.$queryRaw<{ version: number }[]>`select version from "Case" where id = ${id}::uuid for update`;
        if (locked[0]?.version !== version) {
          throw await conflictFrom(tx, await tx.case.findUniqueOrThrow({ where: { id }, select: { updatedAt: true, updatedById: true } }));
        }
      }
      const survivor = await caseWithHousehold(tx, survivorId);
      const merged = await caseWithHousehold(tx, mergedId);
      const taken = (field: string) => request.fromMerged.has(field);

      // People: the principals are one person; others are paired or join the household.
      const survivorPrincipal = survivor.people.find((p) => p.relationship === "PRINCIPAL") ?? survivor.people[0];
      const mergedPrincipal = merged.people.find((p) => p.relationship === "PRINCIPAL") ?? merged.people[0];
      const pairs = new Map<string, string>([[mergedPrincipal.id, survivorPrincipal.id]]);
      for (const [from, to] of request.samePerson) {
        if (from !== mergedPrincipal.id && merged.people.some((p) => p.id === from) && survivor.people.some((p) => p.id === to && p.id !== survivorPrincipal.id)) pairs.set(from, to);
      }
      let position = Math.max(...survivor.people.map((p) => p.position)) + 1;
      for (const person of merged.people) {
        const into = pairs.get(person.id);
        if (into) {
          const keep = survivor.people.find((p) => p.id === into)!;
          const isPrincipal = person.id === mergedPrincipal.id;
          const data = combinedPerson(keep, person, (field) => isPrincipal && taken(`principal.${field}`));
          await repointPerson(tx, person.id, keep.id);
          await tx.person.delete({ where: { id: person.id } });
          await tx.person.update({ where: { id: keep.id }, data: { ...data, updatedById: actor.id, version: { increment: 1 } } });
        } else {
          await tx.person.update({
            where: { id: person.id },
            data: { caseId: survivorId, position: position++, relationship: person.relationship === "PRINCIPAL" ? "OTHER_RELATIVE" : person.relationship, updatedById: actor.id },
          });
        }
      }

      // Everything else recorded on the merged case moves over.
      const moved = { caseId: survivorId };
      const where = { caseId: mergedId };
      const counts = {
        notes: (await tx.note.updateMany({ where, data: moved })).count,
        proceedings: (await tx.proceeding.updateMany({ where, data: moved })).count,
        tasks: (await tx.task.updateMany({ where, data: moved })).count,
        detentions: (await tx.detentionEpisode.updateMany({ where, data: moved })).count,
        fines: (await tx.fine.updateMany({ where, data: moved })).count,
        expenses: (await tx.expense.updateMany({ where, data: moved })).count,
        documents: (await tx.document.updateMany({ where, data: moved })).count,
        incidents: (await tx.protectionIncident.updateMany({ where, data: moved })).count,
        closureRequests: (await tx.closureRequest.updateMany({ where, data: moved })).count,
        referrals: (await tx.referral.updateMany({ where, data: moved })).count,
        notifications: (await tx.notification.updateMany({ where, data: moved })).count,
        // A person's consents and a legal hold are part of the record too: deleting the merged case must not take them.
        consents: (await tx.consent.updateMany({ where, data: moved })).count,
        legalHolds: (await tx.legalHold.updateMany({ where, data: moved })).count,
      };
      for (const member of merged.members) {
        await tx.caseMember.upsert({ where: { caseId_userId: { caseId: survivorId, userId: member.userId } }, create: { caseId: survivorId, userId: member.userId, role: member.role }, update: {} });
      }
      // Codes that already led to the merged case now lead to the survivor.
      await tx.caseMerge.updateMany({ where: { survivingCaseId: mergedId }, data: { survivingCaseId: survivorId } });

      // The case record and journey, field by field.
      const journeyFrom = (field: (typeof JOURNEY_CHOICES)[number]) => (taken(`journey.${field}`) ? merged.journey : survivor.journey);
      const journey = {
        originCountry: journeyFrom("originCountry")?.originCountry ?? null,
        transitCountries: journeyFrom("transitCountries")?.transitCountries ?? [],
        entryPoint: journeyFrom("entryPoint")?.entryPoint ?? null,
        entryDate: journeyFrom("entryDate")?.entryDate ?? null,
        entryMethod: journeyFrom("entryMethod")?.entryMethod ?? null,
        brokerFeeMinor: journeyFrom("brokerFee")?.brokerFeeMinor ?? null,
        brokerFeeCurrency: journeyFrom("brokerFee")?.brokerFeeCurrency ?? null,
      };
      await tx.journey.upsert({ where: { caseId: survivorId }, create: { caseId: survivorId, ...journey }, update: { ...journey, version: { increment: 1 } } });
      const principal = await tx.person.findUniqueOrThrow({ where: { id: survivorPrincipal.id }, select: { latinName: true, nativeName: true, nationality: true } });
      // The higher sensitivity wins unless the supervisor says why not: a
      // restricted household must not become visible to a whole team by default.
      const sensitivity = taken("sensitivity") ? merged.sensitivity : survivor.sensitivity;
      const highest = isLowerSensitivity(survivor.sensitivity, merged.sensitivity) ? merged.sensitivity : survivor.sensitivity;
      const lowered = isLowerSensitivity(sensitivity, highest);
      const reason = request.sensitivityReason?.trim() ?? "";
      if (lowered && reason.length < 5) refuse("sensitivityLowerReason", "sensitivityReason");
      const record = {
        code: merged.code,
        status: merged.status,
        sensitivity: merged.sensitivity,
        riskFlags: merged.riskFlags,
        teamId: merged.teamId,
        caseworkerId: merged.caseworkerId,
        openedAt: merged.openedAt,
        journey: merged.journey,
        people: merged.people,
        // Which of its people were found to be one already in the survivor: an erasure of that person reaches their copy here too.
        samePeople: [...pairs],
      };
      await tx.caseMerge.create({ data: { mergedCode: merged.code, mergedCaseId: mergedId, survivingCaseId: survivorId, mergedById: actor.id, record: JSON.parse(JSON.stringify(record)) } });
      // What is left on the merged case (its journey, members) goes with it.
      await tx.case.delete({ where: { id: mergedId } });
      const householdSize = await tx.person.count({ where: { caseId: survivorId } });
      await tx.case.update({
        where: { id: survivorId },
        data: {
          status: taken("status") ? merged.status : survivor.status,
          sensitivity,
          caseworkerId: taken("caseworkerId") ? merged.caseworkerId : survivor.caseworkerId,
          riskFlags: union(survivor.riskFlags, merged.riskFlags),
          openedAt: merged.openedAt < survivor.openedAt ? merged.openedAt : survivor.openedAt,
          principalName: principal.latinName,
          principalNativeName: principal.nativeName,
          nationality: principal.nationality,
          householdSize,
          updatedById: actor.id,
          version: { increment: 1 },
        },
      });
      const detail = {
        mergedCode: merged.code,
        survivorCode: survivor.code,
        fromMerged: [...request.fromMerged],
        samePeople: pairs.size,
        moved: counts,
        ...(lowered ? { sensitivityLowered: { from: highest, to: sensitivity, reason } } : {}),
      };
      await recordAudit(tx, { actorId: actor.id, action: "case.merge", entity: "Case", entityId: survivorId, caseId: survivorId, ip, fields: [...request.fromMerged], detail });
      // Also under the merged case's id, so its own trail ends with where it went.
      await recordAudit(tx, { actorId: actor.id, action: "case.merge", entity: "Case", entityId: mergedId, caseId: mergedId, ip, detail });
      return { survivorCode: survivor.code, counts };
    },
    { timeout: 60_000 },
  );
}

/** Where a merged case's code leads now, if anywhere. */
export async function survivorOf(code: string): Promise<{ id: string; code: string } | null> {
  const merge = await db.caseMerge.findUnique({ where: { mergedCode: code }, select: { survivingCase: { select: { id: true, code: true } } } });
  return merge?.survivingCase ?? null;
}


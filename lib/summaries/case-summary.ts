import "server-only";
// The one-page case summary that goes with a referral. The supervisor picks
// the sections; names and UNHCR numbers appear only when they choose to
// include identifying details and say why (audited by the caller).
// Free-text notes, contacts, addresses, safe houses and religion are never
// in it: a referral shares the facts a partner needs, not the file.
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/access";
import { bangkokDate, isoDate, todayInBangkok } from "@/lib/dates";
import { detentionDays } from "@/lib/detention/days";
import { localName } from "@/lib/reference/names";
import { DEFAULT_LOCALE } from "@/i18n/locales";

import type { SummarySection } from "./sections";

/** `locale`: the language facility and court names are given in (the reader's; English for what a referral stores). */
export type SummaryRequest = { sections: SummarySection[]; identifying: boolean; purpose: string | null; locale?: string };

/** The facts for the chosen sections, read for one case the caller has already checked the actor may see. */
export async function loadCaseSummary(access: CaseAccess, request: SummaryRequest) {
  const { caseId } = access;
  const want = (section: SummarySection) => request.sections.includes(section);
  const today = todayInBangkok();
  const record = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      code: true,
      status: true,
      nationality: true,
      householdSize: true,
      openedAt: true,
      team: { select: { name: true } },
      people: {
        orderBy: { position: "asc" },
        select: { id: true, relationship: true, birthYear: true, sex: true, nationality: true, latinName: true, nativeName: true, unhcrNumber: true },
      },
      journey: { select: { originCountry: true, entryPoint: true, entryDate: true } },
      detentions: {
        orderBy: { startedOn: "desc" },
        select: { startedOn: true, releasedOn: true, sentenceEndsOn: true, facility: { select: { name: true, names: true } } },
      },
      proceedings: {
        orderBy: { openedAt: "asc" },
        select: { type: true, stage: true, closed: true, tasks: { where: { completedAt: null }, orderBy: { dueOn: "asc" }, take: 1, select: { title: true, ruleKey: true, dueOn: true } } },
      },
      documents: { orderBy: { uploadedAt: "asc" }, select: { type: true, expiresOn: true } },
    },
  });
  const hearings = want("hearings")
    ? await db.hearing.findMany({
        where: { proceeding: { caseId }, startsAt: { gte: new Date() } },
        orderBy: { startsAt: "asc" },
        take: 50,
        select: { startsAt: true, purpose: true, court: { select: { name: true, names: true } }, proceeding: { select: { type: true } } },
      })
    : [];
  return {
    code: record.code,
    status: record.status,
    team: record.team.name,
    nationality: record.nationality,
    householdSize: record.householdSize,
    openedOn: bangkokDate(record.openedAt),
    preparedOn: today,
    identifying: request.identifying,
    household: want("household")
      ? record.people.map((p) => ({
          // Not shown: lets an erasure find this person's entry in a referral sent earlier (lib/people/erase-copies).
          personId: p.id,
          relationship: p.relationship,
          birthYear: p.birthYear,
          sex: p.sex,
          nationality: p.nationality,
          ...(request.identifying ? { name: p.nativeName ? `${p.latinName} (${p.nativeName})` : p.latinName, unhcrNumber: p.unhcrNumber } : {}),
        }))
      : null,
    journey: want("journey") && record.journey ? { originCountry: record.journey.originCountry, entryPoint: record.journey.entryPoint, entryDate: record.journey.entryDate ? isoDate(record.journey.entryDate) : null } : null,
    detention: want("detention")
      ? record.detentions.map((d) => ({
          facility: localName(d.facility, request.locale ?? DEFAULT_LOCALE),
          startedOn: isoDate(d.startedOn),
          releasedOn: d.releasedOn ? isoDate(d.releasedOn) : null,
          days: detentionDays(isoDate(d.startedOn), d.releasedOn ? isoDate(d.releasedOn) : null, today),
        }))
      : null,
    proceedings: want("proceedings")
      ? record.proceedings.map((p) => ({ type: p.type, stage: p.stage, closed: p.closed, nextDeadline: p.tasks[0] ? { title: p.tasks[0].title, ruleKey: p.tasks[0].ruleKey, dueOn: isoDate(p.tasks[0].dueOn) } : null }))
      : null,
    hearings: want("hearings") ? hearings.map((h) => ({ startsAt: h.startsAt, purpose: h.purpose, court: localName(h.court, request.locale ?? DEFAULT_LOCALE), type: h.proceeding.type })) : null,
    documents: want("documents") ? record.documents.map((d) => ({ type: d.type, expiresOn: d.expiresOn ? isoDate(d.expiresOn) : null })) : null,
  };
}
export type CaseSummary = Awaited<ReturnType<typeof loadCaseSummary>>;

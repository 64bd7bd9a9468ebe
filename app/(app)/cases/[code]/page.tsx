import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { can } from "@/lib/policy";
import { getTimeline } from "@/lib/cases/queries";
import { IncidentForm } from "@/components/incidents/incident-form";
import { ClosureSection } from "@/components/closures/closure-section";
import { HoldSection } from "@/components/holds/hold-section";
import { GrantSection } from "@/components/grants/grant-section";
import { formatMinor } from "@/lib/money";
import { CaseHeader } from "@/components/cases/case-header";
import { NoteForm } from "@/components/cases/note-form";
import { Timeline } from "@/components/cases/timeline";
import { JourneyGlance } from "@/components/cases/journey-glance";
import { caseOverview } from "@/lib/cases/overview";
import { secondaryLinkButtonClass } from "@/components/ui/button";
import { cardClass, Section } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";
import { caseTitle } from "@/lib/page-title";
import { Pager, pageParam } from "@/components/ui/pager";
import { html } from "@/lib/html";
import { HtmlText } from "@/components/ui/html-text";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The title is the case code only: names never go into titles, URLs or logs.
export const generateMetadata = caseTitle("caseFile");

export default async function CaseFilePage({ params, searchParams }: Props) {
  const { user, access, file, ip } = await openCasePage(params, { section: "overview" });
  const timelinePage = pageParam((await searchParams).timeline);
  // The timeline's notes come with the overview's statement; its recorded changes are read beside it.
  const overview = caseOverview(access, user, file.journey, ip, timelinePage);
  const [timeline, { journeyGlance, incidents, oversight, protectedDetails }] = await Promise.all([
    getTimeline(access, file.journey, timelinePage, overview.then((read) => read.timelineNotes)),
    overview,
  ]);
  const tProtected = await getTranslations("protected");
  const tIncident = await getTranslations("incidents");
  const tIncidentKind = await getTranslations("enums.incidentKind");
  const tSeverity = await getTranslations("enums.severity");
  const t = await getTranslations("caseFile");
  const tRel = await getTranslations("enums.relationship");
  const tSex = await getTranslations("enums.sex");
  const tVul = await getTranslations("enums.vulnerability");
  const tCountry = await getTranslations("countries");
  const format = await getFormatter();
  const country = (code: string | null) => (code ? (tCountry.has(code) ? tCountry(code) : code) : t("notRecorded"));
  const journey = file.journey;
  // The household and the journey are written as HTML text (lib/html), as
  // the case header and the timeline are: read-only text and plain links.
  const fact = (label: string, value: string) => html`<div><dt class="text-slate-700">${label}</dt><dd>${value}</dd></div>`;
  const mayEdit = can(user, "person:update");
  const personItem = (person: (typeof file.people)[number]) => {
    const born = person.birthDate ? format.dateTime(person.birthDate, "day") : person.birthYear ? t("yearOnly", { year: String(person.birthYear) }) : t("notRecorded");
    const held = protectedDetails.fields.flatMap((field) => {
      const value = protectedDetails.byPerson.get(person.id)?.[field];
      return value ? [html`<div class="contents"><dt class="font-semibold">${tProtected(field)}</dt><dd class="whitespace-pre-line">${value}</dd></div>`] : [];
    });
    return html`<li class="flex flex-wrap items-start justify-between gap-3 py-3"><div class="text-sm"><p class="font-semibold">${person.latinName}${
      person.nativeName ? html`<span class="ml-2 font-normal">${person.nativeName}</span>` : null
    }<span class="ml-2 font-normal text-slate-700">· ${tRel(person.relationship)}</span></p><p class="text-slate-700">${tSex(person.sex)} · ${country(person.nationality)}${
      person.ethnicity ? ` · ${person.ethnicity}` : ""
    } · ${t("born")} ${born}</p>${person.aliases.length ? html`<p class="text-slate-700">${person.aliases.join(", ")}</p>` : null}${
      person.languages.length ? html`<p class="text-slate-700">${person.languages.join(", ")}</p>` : null
    }${person.unhcrNumber ? html`<p class="font-mono text-slate-800">UNHCR ${person.unhcrNumber}</p>` : null}${
      person.documentNumber ? html`<p class="font-mono text-slate-800">${t("documentNumberShort", { number: person.documentNumber })}</p>` : null
    }${
      person.vulnerabilities.length
        ? html`<p class="mt-1 flex flex-wrap gap-1">${person.vulnerabilities.map((v) => html`<span class="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">${tVul(v)}</span>`)}</p>`
        : null
    }${
      held.length
        ? html`<dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-3 rounded border border-amber-300 bg-amber-50 p-2 text-slate-900" data-testid="protected-details">${held}</dl>`
        : null
    }</div>${
      mayEdit ? html`<a href="/cases/${file.code}/people/${person.id}/edit" class="text-sm text-blue-800 underline" aria-label="${t("editPerson")} ${person.latinName}">${t("editPerson")}</a>` : null
    }</li>`;
  };

  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active="overview" />

      <JourneyGlance {...journeyGlance} />

      <section aria-labelledby="household-heading" className={cardClass}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="household-heading" className="text-lg font-semibold">
            {t("household")}
          </h2>
          {mayEdit ? (
            <Link href={`/cases/${file.code}/people/new`} className={secondaryLinkButtonClass}>
              {t("addPerson")}
            </Link>
          ) : null}
        </div>
        <HtmlText as="ul" className="mt-3 divide-y divide-slate-200" markup={file.people.map(personItem)} />
      </section>

      <Section id="journey-heading" title={t("journey")}>
        <HtmlText
          as="dl"
          className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3"
          markup={[
            fact(t("origin"), country(journey?.originCountry ?? null)),
            fact(t("transit"), journey?.transitCountries.length ? journey.transitCountries.map((c) => country(c)).join(" → ") : t("none")),
            fact(t("via"), journey?.entryPoint ?? t("notRecorded")),
            fact(t("entered"), journey?.entryDate ? format.dateTime(journey.entryDate, "day") : t("notRecorded")),
            fact(t("method"), journey?.entryMethod ?? t("notRecorded")),
            fact(t("brokerFee"), journey?.brokerFeeMinor != null ? `${formatMinor(journey.brokerFeeMinor)} ${journey.brokerFeeCurrency ?? ""}` : t("notRecorded")),
          ]}
        />
      </Section>

      <ClosureSection access={access} status={file.status} user={user} requests={oversight.closureRequests} />
      <HoldSection access={access} user={user} holds={oversight.holds} />
      <GrantSection access={access} user={user} grants={oversight.grants} />

      <Section id="incidents-heading" title={tIncident("title")}>
        {incidents.length === 0 ? <p className="mt-2 text-sm text-slate-700">{tIncident("none")}</p> : null}
        <ul className="mt-2 space-y-2">
          {incidents.map((incident) => (
            <li key={incident.id} className="rounded-md border border-red-200 bg-red-50 p-3 text-sm" data-testid="incident">
              <p className="font-semibold text-red-900">
                {tIncidentKind(incident.kind)} · {tSeverity(incident.severity)} · {format.dateTime(incident.occurredOn, "day")}
              </p>
              <p className="whitespace-pre-wrap">{incident.description}</p>
            </li>
          ))}
        </ul>
        {can(user, "incident:create") ? (
          <Disclosure summary={tIncident("record")} className="mt-3">
            <div className="mt-2">
              <IncidentForm code={file.code} />
            </div>
          </Disclosure>
        ) : null}
      </Section>

      <div className="grid gap-6 lg:grid-cols-3">
        {can(user, "note:create") ? (
          <Section id="note-heading" title={t("addNote")} className="lg:col-span-1" headingClassName="mb-3">
            <NoteForm code={file.code} />
          </Section>
        ) : null}
        <section aria-labelledby="timeline-heading" className="lg:col-span-2">
          <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
            {t("timeline")}
          </h2>
          <Timeline entries={timeline.entries} />
          <div className="mt-3">
            <Pager page={timeline.page} more={timeline.older} href={(n) => `/cases/${file.code}?timeline=${n}#timeline-heading`} label={t("timelinePages")} />
          </div>
        </section>
      </div>
    </div>
  );
}

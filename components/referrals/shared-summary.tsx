import { getTranslations } from "next-intl/server";
import type { CaseSummary } from "@/lib/summaries/case-summary";

/** What a referral shared, as the partner sees it: the chosen sections as they were when it was sent. */
export async function SharedSummary({ summary }: { summary: CaseSummary }) {
  const t = await getTranslations("summary.pdf");
  const enums = await getTranslations("enums");
  const stages = await getTranslations("stages");
  const documentTypes = await getTranslations("documentTypes");
  const countries = await getTranslations("countries");
  const country = (code: string) => (countries.has(code) ? countries(code) : code);
  const list = (items: string[]) => (items.length ? <ul className="list-disc space-y-1 pl-5">{items.map((item, i) => <li key={i}>{item}</li>)}</ul> : <p>{t("none")}</p>);
  const section = (key: string, body: React.ReactNode) => (
    <section key={key} className="space-y-1">
      <h3 className="font-semibold">{t(key)}</h3>
      {body}
    </section>
  );
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">{t(summary.identifying ? "identifyingNotice" : "pseudonymisedNotice")}</p>
      {summary.household
        ? section(
            "household",
            list(
              summary.household.map((p) =>
                [
                  "name" in p && p.name ? p.name : null,
                  enums(`relationship.${p.relationship}`),
                  enums(`sex.${p.sex}`),
                  p.birthYear ? t("born", { year: p.birthYear }) : t("bornUnknown"),
                  country(p.nationality),
                  "unhcrNumber" in p && p.unhcrNumber ? `UNHCR ${p.unhcrNumber}` : null,
                ]
                  .filter(Boolean)
                  .join(" · "),
              ),
            ),
          )
        : null}
      {summary.journey
        ? section(
            "journey",
            <p>
              {[
                summary.journey.originCountry ? t("origin", { country: country(summary.journey.originCountry) }) : null,
                summary.journey.entryPoint ? t("entryPoint", { place: summary.journey.entryPoint }) : null,
                summary.journey.entryDate ? t("entered", { date: summary.journey.entryDate }) : null,
              ]
                .filter(Boolean)
                .join(" · ") || t("none")}
            </p>,
          )
        : null}
      {summary.detention ? section("detention", list(summary.detention.map((d) => `${d.facility}: ${d.startedOn} – ${d.releasedOn ?? t("stillHeld")} (${t("days", { count: d.days })})`))) : null}
      {summary.proceedings
        ? section("proceedings", list(summary.proceedings.map((p) => `${enums(`proceedingType.${p.type}`)}: ${stages.has(p.stage) ? stages(p.stage) : p.stage}${p.closed ? ` (${t("closed")})` : ""}`)))
        : null}
      {summary.hearings ? section("hearings", list(summary.hearings.map((h) => `${h.startsAt.toISOString().slice(0, 10)} · ${enums(`hearingPurpose.${h.purpose}`)} · ${h.court}`))) : null}
      {summary.documents ? section("documents", list(summary.documents.map((d) => documentTypes(d.type) + (d.expiresOn ? ` (${d.expiresOn})` : "")))) : null}
    </div>
  );
}

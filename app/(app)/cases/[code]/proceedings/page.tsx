import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { localName } from "@/lib/reference/names";
import { can } from "@/lib/policy";
import { getProceedings, missingDocuments, proceedingsTabChoices } from "@/lib/proceedings/queries";
import { CaseHeader } from "@/components/cases/case-header";
import { ProceedingCard } from "@/components/proceedings/proceeding-card";
import { OpenProceedingForm } from "@/components/proceedings/open-proceeding-form";
import { ProceedingHearings } from "@/components/hearings/proceeding-hearings";
import { NameCounselForm } from "@/components/counsel/counsel-forms";
import { hearingCounselAmong } from "@/lib/hearings/queries";
import { Section } from "@/components/ui/section";
import { Disclosure } from "@/components/ui/disclosure";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string }> };

export const generateMetadata = caseTitle("proceedings");

export default async function ProceedingsPage({ params }: Props) {
  const { user, access, file } = await openCasePage(params, { section: "proceedings" });
  const [proceedings, options] = await Promise.all([getProceedings(access), proceedingsTabChoices(user, access)]);
  const { programmes } = options;
  const locale = await getLocale();
  const courts = options.courts.map((c) => ({ value: c.id, label: localName(c, locale) }));
  const counselOptions = hearingCounselAmong(file.members).map((c) => ({ value: c.id, label: c.name }));
  const missing = missingDocuments(proceedings, options.held);
  const t = await getTranslations("proceedings");
  const tDoc = await getTranslations("documentTypes");
  const canManage = can(user, "proceeding:manage");
  const tCounsel = await getTranslations("counsel");
  const counselMembers = file.members.filter((m) => m.role === "COUNSEL");
  const counselNames = counselMembers.map((m) => m.user.name);
  const availableLawyers = options.counsel.filter((c) => !counselMembers.some((m) => m.user.id === c.id)).map((c) => ({ value: c.id, label: c.name }));
  return (
    <div className="space-y-6">
      <CaseHeader file={file} user={user} active="proceedings" />
      {missing.length ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950" data-testid="missing-documents">
          <p className="font-semibold">{t("missingDocuments")}</p>
          <ul className="ml-5 list-disc">
            {missing.map((type) => (
              <li key={type}>{tDoc(type)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Section id="counsel-heading" title={tCounsel("title")}>
        <p className="text-sm" data-testid="counsel-list">
          {counselNames.length ? counselNames.join(", ") : tCounsel("none")}
        </p>
        {can(user, "counsel:assign") && availableLawyers.length ? (
          <Disclosure summary={tCounsel("name")} size="small" className="mt-2">
            <div className="mt-2 max-w-md">
              <NameCounselForm code={file.code} lawyers={availableLawyers} />
            </div>
          </Disclosure>
        ) : null}
      </Section>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="proceedings-heading" className="space-y-4 lg:col-span-2">
          <h2 id="proceedings-heading" className="text-lg font-semibold">
            {t("title")}
          </h2>
          {proceedings.length === 0 ? <p className="text-slate-700">{t("none")}</p> : null}
          {proceedings.map((proceeding) => (
            <ProceedingCard
              key={proceeding.id}
              code={file.code}
              proceeding={proceeding}
              canManage={canManage}
              hearings={
                <ProceedingHearings
                  code={file.code}
                  proceeding={proceeding}
                  hearings={proceeding.hearings}
                  courts={courts}
                  counsel={counselOptions}
                  canManage={can(user, "hearing:manage")}
                />
              }
            />
          ))}
        </section>
        {canManage ? (
          <Section id="open-proceeding-heading" title={t("open")} headingClassName="mb-3">
            <OpenProceedingForm code={file.code} hasDefector={file.people.some((p) => p.nationality === "KP")} programmes={programmes.map((p) => ({ ...p, name: localName(p, locale) }))} />
          </Section>
        ) : null}
      </div>
    </div>
  );
}

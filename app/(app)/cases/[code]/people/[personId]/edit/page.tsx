import type { Metadata } from "next";
import { openCasePage } from "@/lib/cases/case-page";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { PersonForm } from "@/components/cases/person-form";
import { dateOfBirthValue } from "@/components/cases/person-summary";
import { ProtectedDetailsForm } from "@/components/people/protected-details-form";
import { readProtectedDetails } from "@/lib/people/protected";
import { can, protectedFields } from "@/lib/policy";
import { SubjectRequestForms } from "@/components/people/subject-request-forms";
import { caseTitle } from "@/lib/page-title";

type Props = { params: Promise<{ code: string; personId: string }> };

export const generateMetadata = caseTitle("editPerson");

export default async function EditPersonPage({ params }: Props) {
  const { personId } = await params;
  const { user, access, file, ip } = await openCasePage(params, { purpose: "edit", permission: "person:update" });
  const person = file.people.find((p) => p.id === personId);
  if (!person) notFound();
  const t = await getTranslations("edit");
  const tProtected = await getTranslations("protected");
  const tRequests = await getTranslations("subjectRequests");
  const writable = protectedFields(user, "write", { namedOnCase: access.named });
  const details = writable.length ? await readProtectedDetails(access, ip) : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("personTitle", { name: person.latinName })}</h1>
      <PersonForm code={file.code} person={{ ...person, dateOfBirth: dateOfBirthValue(person) }} />
      {details ? (
        <section aria-labelledby="protected-heading" className="max-w-2xl rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="protected-heading" className="text-lg font-semibold">
            {tProtected("title")}
          </h2>
          <p className="mb-3 text-sm text-slate-800">{tProtected("intro")}</p>
          <ProtectedDetailsForm code={file.code} personId={person.id} version={person.version} fields={writable} values={details.byPerson.get(person.id) ?? {}} />
        </section>
      ) : null}
      {can(user, "person:subject-request") ? (
        <section aria-labelledby="requests-heading" className="max-w-2xl rounded-lg border border-red-300 bg-white p-4">
          <h2 id="requests-heading" className="text-lg font-semibold">
            {tRequests("title")}
          </h2>
          <SubjectRequestForms code={file.code} personId={person.id} />
        </section>
      ) : null}
    </div>
  );
}

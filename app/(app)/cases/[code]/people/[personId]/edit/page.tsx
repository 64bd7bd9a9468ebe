import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current-user";
import { getCaseFile } from "@/lib/cases/queries";
import { clientIp } from "@/lib/request-context";
import { PersonForm } from "@/components/cases/person-form";
import { dateOfBirthValue } from "@/components/cases/person-summary";

type Props = { params: Promise<{ code: string; personId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit person · ${(await params).code}` };
}

export default async function EditPersonPage({ params }: Props) {
  const { code, personId } = await params;
  const user = await requirePermission("person:update");
  const file = await getCaseFile(user, decodeURIComponent(code), { ip: await clientIp(), purpose: "edit" });
  const person = file?.people.find((p) => p.id === personId);
  if (!file || !person) notFound();
  const t = await getTranslations("edit");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("personTitle", { name: person.latinName })}</h1>
      <PersonForm code={file.code} person={{ ...person, dateOfBirth: dateOfBirthValue(person) }} />
    </div>
  );
}

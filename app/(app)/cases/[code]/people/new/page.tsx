import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/current-user";
import { getCaseFile } from "@/lib/cases/queries";
import { clientIp } from "@/lib/request-context";
import { PersonForm } from "@/components/cases/person-form";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Add person · ${(await params).code}` };
}

export default async function AddPersonPage({ params }: Props) {
  const { code } = await params;
  const user = await requirePermission("person:update");
  const file = await getCaseFile(user, decodeURIComponent(code), { ip: await clientIp(), purpose: "edit" });
  if (!file) notFound();
  const t = await getTranslations("edit");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("addPersonTitle", { code: file.code })}</h1>
      <PersonForm code={file.code} />
    </div>
  );
}

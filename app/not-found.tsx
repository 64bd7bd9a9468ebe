import { Link } from "@/components/ui/link";
import { getTranslations } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16" data-testid="not-found">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      <Link href="/cases" className="mt-4 inline-block text-blue-800 underline">
        {t("back")}
      </Link>
    </main>
  );
}

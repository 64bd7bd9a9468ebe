import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { signedIn } from "@/lib/auth/current-user";
import { Alert } from "@/components/ui/alert";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { ForgetDrafts } from "@/components/offline/forget-drafts";
import { pageTitle } from "@/lib/page-title";

export const generateMetadata = pageTitle("signIn");

const ENDINGS = ["idle", "expired", "deactivated", "password-changed"] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  if (await signedIn()) redirect("/cases");
  const t = await getTranslations("signIn");
  const { ended: endedParam } = await searchParams;
  const ended = ENDINGS.find((e) => e === endedParam);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <h1 className="mb-1 text-3xl font-bold">Waypoint</h1>
      <p className="mb-6 text-slate-700">{t("tagline")}</p>
      <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-xl font-semibold">{t("title")}</h2>
        {ended ? (
          <div className="mb-4" data-testid="session-ended">
            <Alert tone="info">{t(`ended_${ended.replace("-", "_")}` as "ended_idle")}</Alert>
          </div>
        ) : null}
        <SignInForm />
      </div>
      <div className="mt-6">
        <LocaleSwitch />
      </div>
      <ForgetDrafts />
    </main>
  );
}

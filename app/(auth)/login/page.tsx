import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/current-user";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LocaleSwitch } from "@/components/layout/locale-switch";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentUser()) redirect("/cases");
  const t = await getTranslations("signIn");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <h1 className="mb-1 text-3xl font-bold">Waypoint</h1>
      <p className="mb-6 text-slate-700">{t("tagline")}</p>
      <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-xl font-semibold">{t("title")}</h2>
        <SignInForm />
      </div>
      <div className="mt-6">
        <LocaleSwitch />
      </div>
    </main>
  );
}

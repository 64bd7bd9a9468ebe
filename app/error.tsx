"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Shown for unexpected server errors: no stack trace or SQL reaches the
// user, only the digest that matches the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      {error.digest ? <p className="mt-2 font-mono text-sm">{error.digest}</p> : null}
      <Button type="button" onClick={reset} className="mt-4">
        {t("retry")}
      </Button>
    </main>
  );
}

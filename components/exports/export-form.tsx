"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { IdentifyingChoice } from "./identifying-choice";
import { Button } from "@/components/ui/button";

/**
 * A plain form posting to the export route, so the browser downloads the
 * streamed file itself. The purpose is checked here for a clear message and
 * again on the server.
 */
export function ExportForm() {
  const t = useTranslations("exports");
  const [identifying, setIdentifying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      method="post"
      action="/api/exports/cases"
      className="space-y-3"
      aria-label={t("title")}
      onSubmit={(event) => {
        const purpose = new FormData(event.currentTarget).get("purpose");
        if (identifying && !String(purpose ?? "").trim()) {
          event.preventDefault();
          setError(t("purposeRequired"));
        } else setError(null);
      }}
    >
      <IdentifyingChoice
        identifying={identifying}
        onChange={setIdentifying}
        label={t("identifying")}
        purposeLabel={t("purpose")}
        purposeHint={t("purposeHint")}
        error={error}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="format" value="csv">
          {t("download")}
        </Button>
        <button type="submit" name="format" value="xlsx" className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
          {t("downloadXlsx")}
        </button>
      </div>
    </form>
  );
}

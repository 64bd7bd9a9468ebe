"use client";
import { useId, useRef, useState } from "react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { cardClass } from "@/components/ui/section";

type Check = {
  total: number;
  valid: number;
  rowsWithErrors: number;
  mapping: { field: string; message: string }[];
  problems: { row: number; column: string | null; message: string }[];
  moreProblems: number;
  duplicates: { row: number; cases: { code: string | null; restricted: boolean }[]; sameAsRow: number | null }[];
  duplicateRows: number;
};
type Outcome = { outcome: "imported"; imported: number; rejected: number } | { outcome: "refused"; rejected: number } | { outcome: "mapping" | "failed" | "alreadyImported" };

/**
 * Map columns → check every row → import. The check must be run again after
 * any change to the mapping; the import streams its progress.
 */
export function ImportWizard(props: { batchId: string; headers: string[]; sample: string[][]; fields: string[]; required: string[]; initial: Record<string, string>; hasReport: boolean }) {
  const t = useTranslations("imports");
  const id = useId();
  const [mapping, setMapping] = useState<Record<string, string>>(props.initial);
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState<"checking" | "importing" | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [mode, setMode] = useState<"all" | "valid">("all");
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [hasReport, setHasReport] = useState(props.hasReport);
  const resultRef = useRef<HTMLDivElement>(null);

  const post = (path: string, body: object) =>
    fetch(`/api/imports/${props.batchId}/${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  async function runCheck() {
    setBusy("checking");
    setFailure(null);
    setOutcome(null);
    try {
      const response = await post("check", { mapping });
      if (!response.ok) throw new Error(String(response.status));
      setCheck(await response.json());
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch {
      setFailure(t("checkFailed"));
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    setBusy("importing");
    setFailure(null);
    setProgress(null);
    try {
      const response = await post("run", { mapping, mode, skipDuplicates });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      let last: Outcome | null = null;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line);
          if ("outcome" in message) last = message;
          else setProgress(message);
        }
      }
      if (!last) throw new Error("no outcome");
      setOutcome(last);
      if ((last.outcome === "imported" || last.outcome === "refused") && last.rejected > 0) setHasReport(true);
    } catch {
      setFailure(t("importFailed"));
    } finally {
      setBusy(null);
      setTimeout(() => resultRef.current?.focus(), 0);
    }
  }

  const imported = outcome?.outcome === "imported";
  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-map`} className={`${cardClass} space-y-3`}>
        <h2 id={`${id}-map`} className="text-lg font-semibold">
          {t("mapHeading")}
        </h2>
        <p className="text-sm text-slate-700">{t("mapIntro")}</p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("mapHeading")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">{t("field")}</th>
                <th scope="col" className="p-2">{t("column")}</th>
                <th scope="col" className="p-2">{t("example")}</th>
              </tr>
            </thead>
            <tbody>
              {props.fields.map((field) => {
                const column = mapping[field] ?? "";
                const example = column ? props.sample[0]?.[props.headers.indexOf(column)] : "";
                const label = `${t(`field_${field}`)}${props.required.includes(field) ? ` (${t("required")})` : ""}`;
                return (
                  <tr key={field} className="border-b border-slate-200">
                    <th scope="row" className="p-2 text-left font-medium">
                      <label htmlFor={`${id}-${field}`}>{label}</label>
                    </th>
                    <td className="p-2">
                      <select
                        id={`${id}-${field}`}
                        value={column}
                        disabled={busy !== null || imported}
                        onChange={(event) => {
                          setMapping((m) => ({ ...m, [field]: event.target.value }));
                          setCheck(null);
                          setOutcome(null);
                        }}
                        className="w-full min-w-40 rounded border border-slate-400 bg-white px-2 py-1"
                      >
                        <option value="">{t("notInFile")}</option>
                        {props.headers.map((header) => (
                          <option key={header} value={header}>
                            {header}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="max-w-xs truncate p-2 text-slate-700">{example}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <Button onClick={runCheck} disabled={busy !== null || imported}>
          {busy === "checking" ? t("checking") : t("check")}
        </Button>
      </section>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 outline-none" aria-live="polite">
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        {check ? <CheckResult check={check} /> : null}
        {check && check.mapping.length === 0 && !imported ? (
          <section aria-labelledby={`${id}-run`} className={`${cardClass} space-y-3`}>
            <h2 id={`${id}-run`} className="text-lg font-semibold">
              {t("runHeading")}
            </h2>
            <fieldset className="space-y-1">
              <legend className="text-sm font-semibold">{t("modeLegend")}</legend>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="mode" value="all" checked={mode === "all"} onChange={() => setMode("all")} className="mt-0.5 h-4 w-4" />
                {t("modeAll")}
              </label>
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" name="mode" value="valid" checked={mode === "valid"} onChange={() => setMode("valid")} className="mt-0.5 h-4 w-4" />
                {t("modeValid")}
              </label>
            </fieldset>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" checked={skipDuplicates} onChange={(event) => setSkipDuplicates(event.target.checked)} className="mt-0.5 h-4 w-4" />
              {t("skipDuplicates")}
            </label>
            <Button onClick={runImport} disabled={busy !== null}>
              {busy === "importing" ? t("importing") : t("import")}
            </Button>
            {busy === "importing" ? (
              <div className="space-y-1">
                <progress className="w-full" max={progress?.total || 1} value={progress?.done ?? 0} aria-label={t("progressLabel")} />
                <p className="text-sm" role="status">
                  {progress ? t("progress", { done: progress.done, total: progress.total }) : t("preparing")}
                </p>
              </div>
            ) : null}
          </section>
        ) : null}
        {outcome ? <OutcomeMessage outcome={outcome} /> : null}
        {hasReport ? (
          <p>
            <a href={`/api/imports/${props.batchId}/report`} className="font-semibold text-blue-800 underline">
              {t("report")}
            </a>
          </p>
        ) : null}
        {imported ? (
          <p>
            <Link href="/cases" className="text-blue-800 underline">
              {t("toCases")}
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}

function CheckResult({ check }: { check: Check }) {
  const t = useTranslations("imports");
  if (check.mapping.length) {
    return (
      <Alert tone="error">
        <ul>
          {check.mapping.map((m) => (
            <li key={m.field}>
              {t(`field_${m.field}`)}: {m.message}
            </li>
          ))}
        </ul>
      </Alert>
    );
  }
  return (
    <section aria-label={t("checkHeading")} className={`${cardClass} space-y-3`}>
      <h2 className="text-lg font-semibold">{t("checkHeading")}</h2>
      <p role="status">{t("checkSummary", { total: check.total, valid: check.valid, errors: check.rowsWithErrors, duplicates: check.duplicateRows })}</p>
      {check.problems.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="text-left font-semibold">{t("problemsCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">{t("row")}</th>
                <th scope="col" className="p-2">{t("column")}</th>
                <th scope="col" className="p-2">{t("problem")}</th>
              </tr>
            </thead>
            <tbody>
              {check.problems.map((p, i) => (
                <tr key={i} className="border-b border-slate-200">
                  <td className="p-2">{p.row}</td>
                  <td className="p-2">{p.column}</td>
                  <td className="p-2">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {check.moreProblems ? <p className="text-sm text-slate-700">{t("moreProblems", { count: check.moreProblems })}</p> : null}
        </div>
      ) : null}
      {check.duplicates.length ? (
        <div>
          <h3 className="font-semibold">{t("duplicatesCaption")}</h3>
          <ul className="list-disc pl-5 text-sm">
            {check.duplicates.map((d) => (
              <li key={d.row}>
                {t("row")} {d.row}:{" "}
                {d.cases.map((c, i) => (
                  <span key={i}>
                    {i ? ", " : ""}
                    {c.code ? (
                      <Link href={`/cases/${c.code}`} className="text-blue-800 underline">
                        {c.code}
                      </Link>
                    ) : (
                      t("hiddenMatch")
                    )}
                  </span>
                ))}
                {d.sameAsRow !== null ? `${d.cases.length ? ", " : ""}${t("sameAsRow", { row: d.sameAsRow })}` : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  const t = useTranslations("imports");
  switch (outcome.outcome) {
    case "imported":
      return <Alert tone="success">{t("importedSummary", { imported: outcome.imported, rejected: outcome.rejected })}</Alert>;
    case "refused":
      return <Alert tone="error">{t("refused", { rejected: outcome.rejected })}</Alert>;
    case "alreadyImported":
      return <Alert tone="error">{t("alreadyImported")}</Alert>;
    default:
      return <Alert tone="error">{t("importFailed")}</Alert>;
  }
}

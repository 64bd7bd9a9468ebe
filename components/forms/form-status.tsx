"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { Conflict } from "./use-form-action";

/**
 * The message at the top of a form: a refusal, or a pointer to the fields
 * below. After a stale save, what is saved now beside what the reader typed,
 * field by field, each with a button to take the saved value.
 */
export function FormStatus({ formError, hasFieldErrors, conflict }: { formError?: string; hasFieldErrors: boolean; conflict?: Conflict | null }) {
  const t = useTranslations("errors");
  const tForms = useTranslations("forms");
  if (formError && conflict !== undefined) {
    return (
      <div className="space-y-2" data-testid="conflict">
        <Alert>{formError}</Alert>
        {conflict === null ? (
          <p className="text-sm text-slate-700" aria-live="polite">
            {tForms("conflictComparing")}
          </p>
        ) : conflict.rows === null ? (
          <p className="text-sm">{tForms("conflictReload")}</p>
        ) : conflict.rows.length === 0 ? (
          <p className="text-sm">{tForms("conflictSame")}</p>
        ) : (
          <div className="overflow-x-auto">
            <p className="mb-2 text-sm">{tForms("conflictCompare")}</p>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">{tForms("conflictField")}</th>
                  <th scope="col" className="py-1 pr-3">{tForms("conflictBefore")}</th>
                  <th scope="col" className="py-1 pr-3">{tForms("conflictSaved")}</th>
                  <th scope="col" className="py-1 pr-3">{tForms("conflictYours")}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {conflict.rows.map((row) => (
                  <tr key={row.name} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-1 pr-3 font-medium">{row.label}</th>
                    <td className="py-1 pr-3 whitespace-pre-wrap text-slate-700">{row.before || tForms("empty")}</td>
                    <td className="py-1 pr-3 whitespace-pre-wrap">{row.saved || tForms("empty")}</td>
                    <td className="py-1 pr-3 whitespace-pre-wrap">{row.yours || tForms("empty")}</td>
                    <td className="py-1">
                      <button
                        type="button"
                        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 hover:bg-slate-100"
                        aria-label={tForms("conflictTakeSavedFor", { field: row.label })}
                        onClick={() => conflict.takeSaved(row)}
                      >
                        {tForms("conflictTakeSaved")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    );
  }
  if (formError) return <Alert>{formError}</Alert>;
  if (hasFieldErrors) return <Alert>{t("formHasErrors")}</Alert>;
  return null;
}

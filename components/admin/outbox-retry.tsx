"use client";
import { useTranslations } from "next-intl";
import { retryOutboxMessageAction } from "@/lib/email/actions";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/forms/use-form-action";

/** Sends a failed or cancelled message again. */
export function OutboxRetry({ id, label }: { id: string; label: string }) {
  const t = useTranslations("outbox");
  const { onSubmit, pending, formError } = useFormAction(retryOutboxMessageAction.bind(null, id));
  return (
    <form onSubmit={onSubmit} aria-label={label}>
      {/* Once queued again the page is drawn afresh, and the message no longer offers this. */}
      <Button type="submit" variant="secondary" disabled={pending} className="px-2 py-1">
        {t("retry")}
      </Button>
      {formError ? (
        <p role="alert" className="mt-1 text-xs font-semibold text-red-800">
          {formError}
        </p>
      ) : null}
    </form>
  );
}

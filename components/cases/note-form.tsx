"use client";
import { useRef } from "react";
import { unstable_rethrow } from "next/navigation";
import { useTranslations } from "next-intl";
import { addNoteAction } from "@/lib/notes/actions";
import { NOTE_KINDS } from "@/lib/notes/schema";
import type { FormState } from "@/lib/forms";
import type { NoteDraft } from "@/lib/offline/note-drafts";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { CaseNoteDrafts, useNoteDrafts } from "@/components/offline/note-drafts";
import { useEnumOptions } from "./options";
import { TEXT_LIMITS } from "@/lib/validation/limits";

type NoteFormState = FormState & { kept?: boolean };

/**
 * A note or visit record on a case. Each note is sent with an idempotency
 * key, so a save whose answer is lost can be sent again without making a
 * second note. With no connection, or when the save does not reach the
 * server, the note is kept on this device (encrypted, components/offline)
 * and sent when the connection returns.
 */
export function NoteForm({ code }: { code: string }) {
  const t = useTranslations("caseFile");
  const drafts = useNoteDrafts();
  // The key of the note being written: kept until it is saved or kept as a draft, then a new one.
  const sendKey = useRef<string | null>(null);

  const save = async (previous: NoteFormState, formData: FormData): Promise<NoteFormState> => {
    const key = (sendKey.current ??= crypto.randomUUID?.() ?? null);
    if (key) formData.set("idempotencyKey", key);
    const body = String(formData.get("body") ?? "").trim();
    const keep = async (): Promise<NoteFormState> => {
      if (!body) return { fieldErrors: { body: "required" } };
      const draft = { id: key!, caseCode: code, kind: String(formData.get("kind")), body, confidential: formData.get("confidential") === "on", writtenAt: new Date().toISOString() };
      await drafts.keep(draft);
      sendKey.current = null;
      return { ok: true, kept: true };
    };
    const canKeep = drafts.available && key !== null;
    if (canKeep && !navigator.onLine) return keep();
    try {
      const state = await addNoteAction(code, previous, formData);
      if (state.ok) sendKey.current = null;
      return state;
    } catch (error) {
      unstable_rethrow(error);
      // Without a safe place to keep it, the form says the save did not go through and keeps the text.
      if (!canKeep) throw error;
      return keep();
    }
  };

  const { onSubmit, pending, errorFor, formError, hasFieldErrors, formRef, saved, state } = useFormAction<NoteFormState>(save);
  const kinds = useEnumOptions("noteKind", NOTE_KINDS);

  const putBack = (draft: NoteDraft) => {
    const form = formRef.current;
    if (!form) return;
    (form.elements.namedItem("kind") as HTMLSelectElement).value = draft.kind;
    const text = form.elements.namedItem("body") as HTMLTextAreaElement;
    text.value = draft.body;
    // The length counter beside the field listens for input.
    text.dispatchEvent(new Event("input", { bubbles: true }));
    (form.elements.namedItem("confidential") as HTMLInputElement).checked = draft.confidential;
    // Typed into again, it is a new note to send, with a new key.
    sendKey.current = null;
    void drafts.discard(draft.id);
    text.focus();
  };

  return (
    <div>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
        <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
        {saved ? <Alert tone={state.kept ? "info" : "success"}>{state.kept ? t("noteKept") : t("noteSaved")}</Alert> : null}
        <SelectField label={t("noteKind")} name="kind" required options={kinds} defaultValue="CONTACT" error={errorFor("kind")} />
        <TextAreaField label={t("noteBody")} name="body" required limit={TEXT_LIMITS.note} rows={4} error={errorFor("body")} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confidential" className="h-4 w-4" />
          {t("confidentialLabel")}
        </label>
        <Button type="submit" disabled={pending}>
          {t("saveNote")}
        </Button>
      </form>
      <CaseNoteDrafts code={code} putBack={putBack} />
    </div>
  );
}

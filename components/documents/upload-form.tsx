"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { isUploadedFile } from "@/lib/forms";
import { uploadDocumentAction } from "@/lib/documents/actions";
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from "@/lib/documents/schema";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useFormAction } from "@/components/forms/use-form-action";
import { FormStatus } from "@/components/forms/form-status";
import { DateField } from "@/components/ui/date-field";

export function UploadDocumentForm({ code, people }: { code: string; people: Option[] }) {
  const t = useTranslations("documents");
  const tType = useTranslations("documentTypes");
  const { onSubmit, pending, sending, errorFor, formError, hasFieldErrors, formRef, saved } = useFormAction(uploadDocumentAction.bind(null, code));
  const tErrors = useTranslations("errors");
  // A file over the limit is refused here, before it is sent: the server
  // would refuse it anyway, but only after the whole body had been received.
  const [tooLarge, setTooLarge] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("file");
    const over = isUploadedFile(file) && file.size > MAX_DOCUMENT_BYTES;
    setTooLarge(over);
    if (over) {
      event.preventDefault();
      return;
    }
    onSubmit(event);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-3" aria-label={t("upload")} encType="multipart/form-data">
      <FormStatus formError={formError} hasFieldErrors={hasFieldErrors} />
      {saved ? <Alert tone="success">{t("uploaded")}</Alert> : null}
      <TextField label={t("file")} name="file" type="file" accept="application/pdf,image/jpeg,image/png,image/heic,.heic" hint={t("fileHint")} error={tooLarge ? tErrors("fileTooLarge") : errorFor("file")} />
      <SelectField label={t("type")} name="type" options={DOCUMENT_TYPES.map((type) => ({ value: type, label: tType(type) }))} error={errorFor("type")} />
      <SelectField label={t("person")} name="personId" options={[{ value: "", label: t("wholeCase") }, ...people]} error={errorFor("personId")} />
      <TextField label={t("number")} name="number" autoComplete="off" error={errorFor("number")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <DateField label={t("issuedOn")} name="issuedOn" error={errorFor("issuedOn")} />
        <DateField label={t("expiresOn")} name="expiresOn" error={errorFor("expiresOn")} />
      </div>
      <Button type="submit" disabled={pending}>
        {sending ? t("uploading") : t("uploadSubmit")}
      </Button>
    </form>
  );
}

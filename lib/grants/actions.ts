"use server";
import { caseCommand } from "@/lib/commands";
import { formDataToObject, type FormState } from "@/lib/forms";
import { grantSchema, revokeGrantSchema } from "./schema";
import { grantAccess, revokeGrant } from "./grants";

export async function grantAccessAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const read = (form: FormData) => formDataToObject(form, (name) => name === "sections");
  return caseCommand(code, formData, { permission: "access:grant", schema: grantSchema, read }, async ({ access, input, ip }) => {
    await grantAccess(access, input, ip);
  });
}

export async function revokeGrantAction(code: string, grantId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "access:grant", schema: revokeGrantSchema, ids: [grantId] }, async ({ access, ip }) => {
    await revokeGrant(access, grantId, ip);
  });
}

import "server-only";
import { getTranslations } from "@/lib/i18n/server";
import type { SummaryWords } from "./pdf";
import { taskTitle } from "@/lib/tasks/titles";

/** The words of a summary PDF in the reader's interface language. */
export async function summaryWords(): Promise<SummaryWords> {
  const [label, enums, stages, documentTypes, countries, rules] = await Promise.all([
    getTranslations("summary.pdf"),
    getTranslations("enums"),
    getTranslations("stages"),
    getTranslations("documentTypes"),
    getTranslations("countries"),
    getTranslations("tasks.rules"),
  ]);
  return {
    label: (key, values) => label(key, values),
    relationship: (v) => enums(`relationship.${v}`),
    sex: (v) => enums(`sex.${v}`),
    status: (v) => enums(`status.${v}`),
    proceedingType: (v) => enums(`proceedingType.${v}`),
    stage: (v) => (stages.has(v) ? stages(v) : v),
    hearingPurpose: (v) => enums(`hearingPurpose.${v}`),
    documentType: (v) => documentTypes(v),
    country: (c) => (countries.has(c) ? countries(c) : c),
    taskTitle: (task) => taskTitle(task, rules),
  };
}

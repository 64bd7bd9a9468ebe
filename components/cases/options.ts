"use client";
import { useTranslations } from "next-intl";
import type { Option } from "@/components/ui/field";

/** Select options for an enum, labelled in the user's language. */
export function useEnumOptions(group: "status" | "sensitivity" | "relationship" | "sex" | "vulnerability" | "noteKind", values: readonly string[]): Option[] {
  const t = useTranslations(`enums.${group}`);
  return values.map((value) => ({ value, label: t(value) }));
}

export function useCountryOptions(codes: readonly string[]): Option[] {
  const t = useTranslations("countries");
  return codes.map((code) => ({ value: code, label: t(code) }));
}

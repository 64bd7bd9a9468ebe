// Browser tab titles in the reader's language (the layout adds "· Waypoint").
import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";

/** A page's title, from `pageTitles` in messages/*.json. */
export function pageTitle(key: string): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations("pageTitles"))(key) });
}

/** A case page's title: its section and the case code. */
export function caseTitle(key: string): (props: { params: Promise<{ code: string }> }) => Promise<Metadata> {
  return async ({ params }) => ({ title: (await getTranslations("pageTitles"))(key, { code: decodeURIComponent((await params).code) }) });
}

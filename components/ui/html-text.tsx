import { cache, type HTMLAttributes } from "react";
import { headers } from "next/headers";
import { innerHtml, type Html } from "@/lib/html";
import { handOver } from "@/lib/html-handover";
import { HtmlTextClient, type HtmlTag } from "./html-text-client";

// Whether this request's answer is a page drawn as HTML by the server: a
// browser's request for a page asks for HTML. React's own requests (a
// refresh after a save, a server action's answer, the page a server action
// redirects to) ask for React's data alone, so the markup must travel in
// it. (Next hides its own request headers, such as `RSC`, from pages.) A
// client that asks for neither gets the markup in both: it is only sent twice.
const drawsHtml = cache(async () => {
  const request = await headers();
  return (request.get("accept") ?? "").includes("text/html") && !request.has("next-action");
});

/**
 * A read-only list written as HTML text (lib/html, docs/decisions/012),
 * in the element `as`. On a page loaded in full, the markup goes into the
 * page's HTML only, not a second time into React's data for the browser:
 * a page's long lists were half its bytes twice over (docs/decisions/015).
 */
export async function HtmlText({ as, markup, ...attributes }: { as: HtmlTag; markup: Html | readonly Html[] } & HTMLAttributes<HTMLElement> & { "data-testid"?: string }) {
  const text = innerHtml(markup).__html;
  if (text === "" || !(await drawsHtml())) return <HtmlTextClient as={as} html={text} {...attributes} />;
  return <HtmlTextClient as={as} handover={handOver(text)} {...attributes} />;
}

"use client";
import { createElement, useEffect, useRef, type HTMLAttributes } from "react";
import { useRouter } from "next/navigation";
import { takeOver } from "@/lib/html-handover";

export type HtmlTag = "tbody" | "ul" | "ol" | "div" | "section" | "nav" | "dl" | "span";

/**
 * The browser's side of `HtmlText`. Given `html`, it draws it. Given
 * `handover`, the markup is not in React's data: on the server it is taken
 * from the hand-over and drawn into the page's HTML; in the browser React
 * takes over the element as drawn and never compares or rewrites its
 * content (it does not with `dangerouslySetInnerHTML`, whose text stays
 * "" here and so never changes).
 */
export function HtmlTextClient({ as, html, handover, ...attributes }: { as: HtmlTag; html?: string; handover?: string } & HTMLAttributes<HTMLElement>) {
  const element = useRef<HTMLElement>(null);
  const router = useRouter();
  const text = html ?? (handover ? takeOver(handover) : "");
  useEffect(() => {
    // A key stands only for markup that was not empty. Found empty, the
    // element was drawn in the browser rather than taken over from the
    // server's HTML, so the markup never reached it: the page is read
    // again, and that reading (React's data alone) carries the markup.
    if (handover && element.current && element.current.childNodes.length === 0) router.refresh();
  }, [handover, router]);
  return createElement(as, { ...attributes, ref: element, suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: text } });
}

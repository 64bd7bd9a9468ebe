import escapeHtml from "escape-html";

// Long read-only lists (a month of hearings, the case list's rows, a case's
// timeline, the risk board, the dashboard's tables) are written as HTML text
// here rather than as React elements. A React element on a server page is
// drawn twice, once as HTML and once in React's data for the browser, and
// under load that work grew with every element: a month grid of 120
// hearings cost three times the server time of a page with none. As one
// string, the same markup costs a copy. Nothing in such a list is
// interactive beyond plain links and its text is fixed once drawn, so React
// in the browser has nothing to do with it. docs/decisions/012 says when to
// use it: everything else stays in JSX.

/** Markup made by `html`: every value in it has been escaped. */
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

/** What a template may hold: text and numbers are escaped, markup is kept, nothing shows as nothing. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function write(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(write).join("");
  return escapeHtml(String(value));
}

/**
 * A tagged template for markup: html`<td>${name}</td>` escapes `name`
 * (`&`, `<`, `>`, quotes), so a person's name, a note or a court's title
 * can never become markup. Nested `html` templates and arrays of them are
 * kept as they are.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0];
  for (let i = 0; i < values.length; i++) text += write(values[i]) + strings[i + 1];
  return new Html(text);
}

/** The element's content, for `dangerouslySetInnerHTML`: only `Html`, so only escaped markup, gets there. */
export function innerHtml(markup: Html | readonly Html[]): { __html: string } {
  return { __html: write(markup) };
}

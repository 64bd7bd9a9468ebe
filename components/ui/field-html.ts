// Plain form fields as HTML text (lib/html), for a GET form of many fields
// whose controls keep no state of their own (the case list's filters): the
// same markup as FieldShell, TextField and SelectField draw in JSX (label
// for the control, a hint it is described by), without the cost of each
// element drawn twice (docs/decisions/012). A field that can show an error,
// is required or counts its length stays in JSX.
import { html, type Html } from "@/lib/html";
import { controlClass, type Option } from "./field";

type Plain = { id: string; label: string; name: string; hint?: string; className?: string };

function shell({ id, label, hint, className }: Plain, control: Html): Html {
  return html`<div${className ? html` class="${className}"` : null}><div class="mb-1 flex flex-wrap items-baseline"><label for="${id}" class="text-sm font-medium text-slate-800">${label}</label></div>${control}${
    hint ? html`<p id="${id}-hint" class="mt-1 text-xs text-slate-600">${hint}</p>` : null
  }</div>`;
}

const describedBy = (field: Plain) => (field.hint ? html` aria-describedby="${field.id}-hint"` : null);

/** An input with its label (and hint), holding `value` when the page is drawn. */
export function textFieldHtml(field: Plain & { type: string; value: string }): Html {
  return shell(field, html`<input id="${field.id}" class="${controlClass}" name="${field.name}" type="${field.type}" value="${field.value}"${describedBy(field)}>`);
}

/** A select with its label (and hint), the option whose value is `value` chosen when the page is drawn. */
export function selectFieldHtml(field: Plain & { options: Option[]; value: string }): Html {
  const options = field.options.map((option) => html`<option value="${option.value}"${option.value === field.value ? html` selected` : null}>${option.label}</option>`);
  return shell(field, html`<select id="${field.id}" class="${controlClass}" name="${field.name}"${describedBy(field)}>${options}</select>`);
}

/** A value the form sends back as it came (a filter with no field of its own). */
export function hiddenHtml(name: string, value: string): Html {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}

// When a save is refused because someone else saved first (a stale version),
// the form keeps what this person typed, and shows, field by field, what the
// form was opened with, what is saved now, and what they typed, so they can
// re-apply their change knowingly instead of reloading and losing it. What
// is saved now is read from the page itself, fetched again as the server
// renders it for this user (so it shows nothing they may not see), and the
// form's concurrency token (its version, or the stage it was drawn at) is
// moved to the saved one: the next save is a deliberate one over the other
// person's change.

/** Hidden fields that say which saved state the form was drawn from. */
const CONCURRENCY_FIELDS = ["version", "fromStage"];

export type ConflictRow = {
  name: string;
  label: string;
  /** As the reader sees each: an option's label, a date as written, a ticked box's label. */
  before: string;
  saved: string;
  yours: string;
  /** The saved value as the control takes it. */
  savedValue: string[];
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controls(form: HTMLFormElement | Document, name: string): Control[] {
  return [...form.querySelectorAll<Control>(`[name="${CSS.escape(name)}"]`)];
}

/** The values a field holds (several for a group of checkboxes). */
function valuesOf(elements: Control[]): string[] {
  return elements.flatMap((element) => {
    if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) return element.checked ? [element.value] : [];
    if (element instanceof HTMLSelectElement) return [...element.selectedOptions].map((option) => option.value);
    return [element.value];
  });
}

/**
 * The values the form was drawn with (what the page showed before anyone
 * typed), field by field, read from the controls' defaults. A date field's
 * value sits in a hidden input React keeps in step with what is typed, so
 * for dates this is the value at the first save.
 */
export type Drawn = Map<string, string[]>;

export function drawnValues(form: HTMLFormElement): Drawn {
  const drawn: Drawn = new Map();
  for (const name of new Set([...form.elements].map((e) => (e as Control).name).filter(Boolean))) {
    drawn.set(
      name,
      controls(form, name).flatMap((element) => {
        if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) return element.defaultChecked ? [element.value] : [];
        if (element instanceof HTMLSelectElement) return [...element.options].filter((option) => option.defaultSelected).map((option) => option.value);
        return [element.defaultValue];
      }),
    );
  }
  return drawn;
}

/** A field's values as the reader sees them. */
function shown(elements: Control[], values: string[], formatDate: (iso: string) => string): string {
  return values
    .map((value) => {
      const select = elements.find((element): element is HTMLSelectElement => element instanceof HTMLSelectElement);
      if (select) return [...select.options].find((option) => option.value === value)?.text ?? value;
      const box = elements.find((element) => element instanceof HTMLInputElement && element.value === value && element.type === "checkbox");
      if (box) return box.closest("label")?.textContent?.trim() ?? value;
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
    })
    .join(", ");
}

/** The field's label as the page shows it, without the "(required)" mark. */
function labelOf(form: HTMLFormElement, element: Control): string {
  const label =
    (element.id && form.querySelector<HTMLElement>(`label[for="${CSS.escape(element.id)}"]`)) ||
    // A date field's value is kept in a hidden input beside the one its label names.
    element.parentElement?.querySelector<HTMLElement>("label") ||
    element.closest("fieldset")?.querySelector<HTMLElement>("legend");
  if (!label) return element.name;
  const copy = label.cloneNode(true) as HTMLElement;
  copy.querySelectorAll("[aria-hidden]").forEach((hidden) => hidden.remove());
  return copy.textContent?.trim() || element.name;
}

/** The same form on the page as the server renders it now, or null if the page no longer has it. */
async function savedForm(form: HTMLFormElement): Promise<HTMLFormElement | null> {
  const index = [...document.forms].indexOf(form);
  const response = await fetch(window.location.href, { headers: { accept: "text/html" }, credentials: "same-origin" });
  if (!response.ok) return null;
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const fresh = page.forms[index];
  const names = (f: HTMLFormElement) => [...new Set([...f.elements].map((e) => (e as Control).name).filter(Boolean))].sort().join(" ");
  return fresh && names(fresh) === names(form) ? fresh : null;
}

/**
 * Compares the refused form with what is saved now and takes on the saved
 * concurrency token. Null when the page could not be read again (the
 * message then says to reload).
 */
export async function compareWithSaved(form: HTMLFormElement, drawn: Drawn, formatDate: (iso: string) => string): Promise<ConflictRow[] | null> {
  const fresh = await savedForm(form).catch(() => null);
  if (!fresh) return null;
  const names = [...new Set([...form.elements].map((e) => (e as Control).name).filter(Boolean))];
  const rows: ConflictRow[] = [];
  for (const name of names) {
    const mine = controls(form, name);
    const theirs = controls(fresh, name);
    if (CONCURRENCY_FIELDS.includes(name)) {
      const [token] = valuesOf(theirs);
      for (const element of mine) element.value = token ?? element.value;
      continue;
    }
    if (mine.every((element) => element instanceof HTMLInputElement && element.type === "hidden" && !element.parentElement?.querySelector("label"))) continue;
    const yours = valuesOf(mine);
    const saved = valuesOf(theirs);
    const before = drawn.get(name) ?? [];
    const same = (a: string[], b: string[]) => a.join("\u0000") === b.join("\u0000");
    // A field shows if the other person changed it, or if what is typed differs from what is saved.
    if (same(saved, before) && same(yours, saved)) continue;
    rows.push({
      name,
      label: labelOf(form, mine[0]),
      before: shown(mine, before, formatDate),
      saved: shown(mine, saved, formatDate),
      yours: shown(mine, yours, formatDate),
      savedValue: saved,
    });
  }
  return rows;
}

/** Puts the saved value back into the form's field, as if the reader had chosen it. */
export function applySavedValue(form: HTMLFormElement, row: ConflictRow, writeDate: (iso: string) => string) {
  const elements = controls(form, row.name);
  for (const element of elements) {
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      element.checked = row.savedValue.includes(element.value);
    } else if (element instanceof HTMLSelectElement) {
      element.value = row.savedValue[0] ?? "";
    } else if (element instanceof HTMLInputElement && element.type === "hidden") {
      // A date field: its visible input (which React keeps) is typed into, so the hidden value follows.
      const visible = element.parentElement?.querySelector<HTMLInputElement>('input[type="text"]');
      if (visible) setTyped(visible, row.savedValue[0] ? writeDate(row.savedValue[0]) : "");
    } else {
      setTyped(element, row.savedValue[0] ?? "");
    }
  }
}

/** Sets a value the way typing does, so React's state for the control follows. */
function setTyped(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(element, value);
  element.dispatchEvent(new Event("input", { bubbles: true }));
}

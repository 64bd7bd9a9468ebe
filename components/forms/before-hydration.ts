"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

// Every page arrives as server-rendered HTML (decision 014), and a reader can
// type and choose in it before React has taken it over: on a slow phone that
// is a second or more. React keeps what is in the controls when it takes
// over, but its state still holds the values the server drew, and the next
// render would put those back: a purpose chosen early would show
// "Choose…" again and the field it brings would never appear. These hooks
// close that gap in one place.

const noSubscription = () => () => {};

/** False in the server's HTML and while React takes the page over; true from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * State that follows one form control, starting from what the control holds
 * when React takes the page over (not only from `initial`), and going back to
 * `initial` when its form is reset (a form that adds records empties itself
 * after a save). Pass the returned ref to the control.
 */
function useControlState<E extends Control, T>(initial: T, read: (control: E) => T) {
  const ref = useRef<E>(null);
  const [state, setState] = useState(initial);
  useEffect(() => {
    const control = ref.current;
    if (!control) return;
    // What the reader did before the scripts ran.
    setState(read(control));
    const form = control.form;
    if (!form) return;
    const reset = () => setState(initial);
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, [initial, read]);
  return [state, setState, ref] as const;
}

const valueOf = (control: Control) => control.value;
const checkedOf = (control: HTMLInputElement) => control.checked;

/** A select's or text field's value as state (see useControlState). */
export function useControlValue<E extends Control = HTMLSelectElement>(initial: string) {
  return useControlState<E, string>(initial, valueOf);
}

/** A checkbox's tick as state (see useControlState). */
export function useControlChecked(initial: boolean) {
  return useControlState<HTMLInputElement, boolean>(initial, checkedOf);
}

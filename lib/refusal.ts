// The one way the domain says "no": a message key (translated where it is
// shown, under `errors.` in messages/) and, when the refusal is about one
// input, the field it belongs beside. Anything that refuses a request —
// a permission, a record out of reach, a move the stage graph forbids, a
// stale version — throws a Refusal; the command pipeline (lib/commands.ts)
// turns it into the form's answer and route handlers into a 4xx.
export class Refusal extends Error {
  constructor(
    readonly key: string,
    readonly field?: string,
    readonly values?: Record<string, string>,
  ) {
    super(key);
    this.name = "Refusal";
  }
}

/** Refuses the request: `refuse("overpayment", "amount")` puts the message beside the amount field. */
export function refuse(key: string, field?: string, values?: Record<string, string>): never {
  throw new Refusal(key, field, values);
}

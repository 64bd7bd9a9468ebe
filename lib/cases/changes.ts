// Which fields an edit changed: recorded in the audit log by name only.

function comparable(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  return JSON.stringify(value ?? null);
}

export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, prefix = ""): string[] {
  return Object.keys(after)
    .filter((key) => comparable(before[key]) !== comparable(after[key]))
    .map((key) => `${prefix}${key}`);
}

/** Rows of (month, group, value) as one row per month with a column per group, for charts. */
export function pivotByMonth<T extends { month: string }>(rows: T[], group: (row: T) => string, value: (row: T) => number) {
  const months = new Map<string, Record<string, string | number>>();
  const groups = new Set<string>();
  for (const row of rows) {
    const entry = months.get(row.month) ?? { month: row.month };
    entry[group(row)] = (Number(entry[group(row)] ?? 0) || 0) + value(row);
    groups.add(group(row));
    months.set(row.month, entry);
  }
  return { rows: [...months.values()].sort((a, b) => String(a.month).localeCompare(String(b.month))), groups: [...groups].sort() };
}

// Two hearings clash when the same counsel is due in both at overlapping times.

export type Slot = { id: string; counselId: string | null; startsAt: Date; durationMinutes: number };

export function overlaps(a: Slot, b: Slot): boolean {
  const aEnd = a.startsAt.getTime() + a.durationMinutes * 60_000;
  const bEnd = b.startsAt.getTime() + b.durationMinutes * 60_000;
  return a.startsAt.getTime() < bEnd && b.startsAt.getTime() < aEnd;
}

/** The ids of hearings that clash with another hearing of the same counsel. */
export function findClashes(hearings: Slot[]): Set<string> {
  const clashing = new Set<string>();
  const byCounsel = new Map<string, Slot[]>();
  for (const hearing of hearings) {
    if (!hearing.counselId) continue;
    byCounsel.set(hearing.counselId, [...(byCounsel.get(hearing.counselId) ?? []), hearing]);
  }
  for (const slots of byCounsel.values()) {
    const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j].startsAt.getTime() < sorted[i].startsAt.getTime() + sorted[i].durationMinutes * 60_000; j++) {
        clashing.add(sorted[i].id);
        clashing.add(sorted[j].id);
      }
    }
  }
  return clashing;
}

"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Colour-blind-safe palette (Okabe–Ito), dark enough for text contrast.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

/**
 * Stacked monthly bars. The same numbers are always shown in a table next to
 * the chart, so the chart is hidden from screen readers.
 */
export function MonthChart({ rows, groups }: { rows: Record<string, string | number>[]; groups: { key: string; label: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="h-64 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, left: 0, bottom: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {groups.map((group, i) => (
            <Bar key={group.key} dataKey={group.key} name={group.label} stackId="a" fill={COLOURS[i % COLOURS.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

import "server-only";
// The outbox as an administrator sees it: how many messages wait, were sent,
// failed or were cancelled, and one page of them, newest first.
import { db } from "@/lib/db";
import { ROWS_PER_PAGE, pageCount } from "@/lib/paging";
import type { OutboxStatus } from "@/lib/generated/prisma/client";
import { emailConfigured } from "./config";

export const OUTBOX_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED", "CANCELLED"] as const satisfies readonly OutboxStatus[];

export function isOutboxStatus(value: unknown): value is OutboxStatus {
  return typeof value === "string" && (OUTBOX_STATUSES as readonly string[]).includes(value);
}

export async function outboxOverview(status: OutboxStatus | null, requestedPage: number) {
  const where = status ? { status } : {};
  const [counts, total] = await Promise.all([db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }), db.outboxMessage.count({ where })]);
  const pages = pageCount(total);
  const page = Math.min(requestedPage, pages);
  const messages = await db.outboxMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * ROWS_PER_PAGE,
    take: ROWS_PER_PAGE,
    select: {
      id: true,
      kind: true,
      status: true,
      digest: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      user: { select: { name: true, email: true } },
      case: { select: { code: true } },
    },
  });
  const byStatus = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?._count._all ?? 0])) as Record<OutboxStatus, number>;
  return { configured: emailConfigured(), byStatus, total, page, pages, messages };
}

// Checks the audit log's hash chain (migration 20261201123521_audit_hash_chain):
// every row, in chain order, must follow the one before it (no gap in
// `chainSeq`), name that row's hash as its `prevHash`, and hash to what it
// says. An edited row fails its own hash; a deleted row leaves a gap; rows
// moved about break the links. Rows written with the chain's trigger off
// have no place in it at all. The last row's hash is printed: noted down
// elsewhere, it also shows rows cut off the end. Months dropped under the
// retention schedule leave an anchor (AuditChainAnchor: the last dropped
// row's place and hash), where the walk then begins.
import type { Db } from "@/lib/prisma-client";

export type ChainProblem = { id: string; chainSeq: string | null; problem: "edited" | "missing before" | "out of order" | "outside the chain" };
export type ChainReport = { rows: number; problems: ChainProblem[]; head: { chainSeq: string; hash: string } | null };

const BATCH = 5000;
const MAX_PROBLEMS = 100;

type Row = { id: bigint; chainSeq: bigint; prevHash: string | null; hash: string | null; expected: string };

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  const report = (problem: ChainProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const outside = await db.$queryRaw<{ id: bigint }[]>`select "id" from "AuditLog" where "chainSeq" is null order by "id" limit ${MAX_PROBLEMS}`;
  for (const row of outside) report({ id: String(row.id), chainSeq: null, problem: "outside the chain" });

  let rows = 0;
  const anchor = await db.auditChainAnchor.findUnique({ where: { id: 1 } });
  let previous: { seq: bigint; hash: string | null } = anchor ? { seq: anchor.chainSeq, hash: anchor.hash } : { seq: 0n, hash: null };
  for (;;) {
    const batch = await db.$queryRaw<Row[]>`
      select a."id", a."chainSeq", a."prevHash", a."hash", "waypoint_audit_hash"(a) as expected
      from "AuditLog" a where a."chainSeq" > ${previous.seq} order by a."chainSeq" limit ${BATCH}`;
    for (const row of batch) {
      const place = { id: String(row.id), chainSeq: String(row.chainSeq) };
      if (row.chainSeq !== previous.seq + 1n) report({ ...place, problem: "missing before" });
      else if ((row.prevHash ?? null) !== previous.hash) report({ ...place, problem: "out of order" });
      if (row.hash !== row.expected) report({ ...place, problem: "edited" });
      previous = { seq: row.chainSeq, hash: row.hash };
      rows++;
    }
    if (batch.length < BATCH) break;
  }
  return { rows, problems, head: rows ? { chainSeq: String(previous.seq), hash: previous.hash ?? "" } : null };
}

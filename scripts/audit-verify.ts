// `npm run audit:verify`: walks the audit log's hash chain (lib/audit-chain)
// and reports every row that was edited, deleted or moved, or written
// outside the chain. Exit code 0 when the chain holds, 1 otherwise.
import { createPrismaClient } from "../lib/prisma-client";
import { verifyAuditChain } from "../lib/audit-chain";
import { openDatabase } from "./environment";

async function main() {
  const database = await openDatabase({ shareRunning: true });
  const db = createPrismaClient(database.ownerUrl, 2);
  try {
    const report = await verifyAuditChain(db);
    console.log(`audit log: ${report.rows.toLocaleString()} rows in the chain`);
    if (report.head) console.log(`last row: #${report.head.chainSeq}, hash ${report.head.hash} (note it down: it also shows rows cut off the end)`);
    for (const p of report.problems) console.log(`✘ row id ${p.id}${p.chainSeq ? ` (#${p.chainSeq})` : ""}: ${p.problem}`);
    console.log(report.problems.length ? `audit log: ${report.problems.length} problem(s) found` : "audit log: the chain holds");
    process.exitCode = report.problems.length ? 1 : 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// `npm run retention:run`: applies the retention schedule now, as the
// nightly run does (lib/retention/run): the active rules only, once across
// servers (a second run at the same time does nothing), with its deletion
// record. For operators, and for the benchmark. Prints what each rule did.
//
//   DATABASE_URL=…  the database to run on (else the embedded one, as `npm start` uses)
import { openDatabase } from "./environment";

async function main() {
  const database = await openDatabase({ shareRunning: true });
  process.env.DATABASE_URL = database.appUrl;
  try {
    const { runRetention } = await import("../lib/retention/run");
    const { db } = await import("../lib/db");
    const started = performance.now();
    const result = await runRetention();
    if (!result) {
      console.log("another retention run is working: nothing done");
      return;
    }
    const items = await db.retentionRunItem.findMany({ where: { runId: result.runId }, orderBy: { kind: "asc" } });
    for (const item of items) console.log(`${item.kind}: ${item.action.toLowerCase()} ${item.count} (cases: ${item.codes.length})`);
    console.log(`retention run ${result.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = result.status === "done" ? 0 : 1;
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

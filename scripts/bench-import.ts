// `npm run bench:import`: times a 20,000-row spreadsheet import against the
// benchmark database (.data/bench-pg, made by `npm run bench`; 100,000 cases
// and ~250,000 people to check duplicates against) or, if it is not there
// yet, an empty one. Reads the XLSX, checks every row (intake rules and
// the duplicate check), then imports the valid rows in one transaction.
//
//   IMPORT_ROWS=20000   rows in the generated spreadsheet
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { databaseExists, recreateDatabase, startEmbeddedPostgres } from "./database";
import { migrate } from "./migrate";
import { ROOT } from "./environment";

const ROWS = Number(process.env.IMPORT_ROWS ?? 20_000);
const FAMILY = ["Kim", "Lee", "Park", "Nguyễn", "Trần", "Vang", "Xiong", "Niê", "Ksơr", "Choi"];
const GIVEN = ["Young-chul", "Mi-ok", "Văn Đức", "Thị Hoa", "Pao", "Chue", "Y Bđăp", "H' Blŭ", "Sun-hee", "Minh Tuấn"];

async function spreadsheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Register");
  sheet.addRow(["Full name", "Date of birth", "Sex", "Nationality", "Ethnicity", "UNHCR no.", "Registration date", "Entry point"]);
  for (let i = 0; i < ROWS; i++) {
    const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${i.toString(36)}`;
    sheet.addRow([name, String(1950 + (i % 60)), i % 2 ? "F" : "M", ["VN", "Laos", "North Korea"][i % 3], i % 3 === 1 ? "Hmong" : "", i % 3 === 0 ? `811-2${i % 10}C${String(10000 + (i % 89999))}` : "", "2024-05-01", "Nong Khai"]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main() {
  const cluster = await startEmbeddedPostgres({ dir: path.join(ROOT, ".data/bench-pg"), port: 5435 });
  const url = cluster.url("waypoint_bench");
  try {
    if (!(await databaseExists(url))) {
      await recreateDatabase(url);
      console.log("no benchmark database yet (npm run bench makes one): importing into an empty one");
    }
    await migrate(url);
    process.env.DATABASE_URL = url;
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    await client.connect();
    // The benchmark generator writes case codes directly; bring the per-year counters up to them as intake would have.
    await client.query(
      `insert into "CaseCodeCounter" (year, last)
       select split_part(code, '-', 2)::int, max(split_part(code, '-', 3)::int) from "Case" group by 1
       on conflict (year) do update set last = greatest("CaseCodeCounter".last, excluded.last)`,
    );
    const people = Number((await client.query(`select count(*) from "Person"`)).rows[0].count);
    const [team] = (await client.query(`select id from "Team" order by name limit 1`)).rows;
    const teamId = team?.id ?? (await client.query(`insert into "Team" (id, name) values (gen_random_uuid(), 'Import bench') returning id`)).rows[0].id;
    const [supervisor] = (
      await client.query(
        `insert into "User" (id, email, name, "passwordHash", role, "teamId", "updatedAt") values (gen_random_uuid(), 'import-' || gen_random_uuid() || '@bench.test', 'Import bench', 'x', 'SUPERVISOR', $1, now()) returning id, role, "teamId"`,
        [teamId],
      )
    ).rows;
    const { readTable } = await import("../lib/imports/read-table");
    const { checkImport, runImport } = await import("../lib/imports/imports");
    const { guessMapping } = await import("../lib/imports/fields");
    const { db } = await import("../lib/db");

    const bytes = await spreadsheet();
    console.log(`spreadsheet: ${ROWS.toLocaleString()} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB; ${people.toLocaleString()} people already registered`);
    let t = Date.now();
    const table = await readTable(bytes);
    const read = Date.now() - t;
    const mapping = guessMapping(table.headers);
    t = Date.now();
    const check = await checkImport(supervisor, table, mapping);
    const checked = Date.now() - t;
    const batch = await db.importBatch.create({ data: { teamId, source: "bench", fileName: "bench.xlsx", table, rowsTotal: table.rows.length, createdById: supervisor.id } });
    t = Date.now();
    const result = await runImport(supervisor, batch, mapping, { mode: "valid", skipDuplicates: process.env.IMPORT_SKIP !== "0" }, null, (key) => key, () => {});
    const imported = Date.now() - t;
    console.log(`read ${(read / 1000).toFixed(1)} s · check ${(checked / 1000).toFixed(1)} s (${check.valid.length} valid, ${check.duplicates.length} possible duplicates) · import ${(imported / 1000).toFixed(1)} s (${JSON.stringify(result)})`);
    console.log(`total ${((read + checked + imported) / 1000).toFixed(1)} s for ${ROWS.toLocaleString()} rows`);
    await db.$disconnect();
    await client.end();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}

await main();

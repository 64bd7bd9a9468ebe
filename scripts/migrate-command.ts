// `npm run db:migrate`: applies pending migrations (as the tables' owner) to
// DATABASE_OWNER_URL or DATABASE_URL, or the embedded database, and grants
// the app's role what it needs.
import { openDatabase, prepareDatabase } from "./environment";

const database = await openDatabase();
try {
  const applied = await prepareDatabase(database, console.log);
  if (applied.length === 0) console.log("database is up to date");
} finally {
  await database.stop();
}

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { migrate } from "./migrate";
import { openDatabase } from "./environment";

const database = await openDatabase();
try {
  const applied = await migrate(database.url, console.log);
  if (applied.length === 0) console.log("database is up to date");
} finally {
  await database.stop();
}

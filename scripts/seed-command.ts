// `npm run db:seed`: loads the demo data into DATABASE_URL, or into the
// embedded database when DATABASE_URL is not set.
import { migrate } from "./migrate";
import { openDatabase } from "./environment";
import { printDemoAccounts, seedDemoData } from "./seed";

const database = await openDatabase();
try {
  await migrate(database.url, console.log);
  await seedDemoData(database.url);
  printDemoAccounts();
} finally {
  await database.stop();
}

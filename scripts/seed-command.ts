// `npm run db:seed`: loads the demo data into DATABASE_URL, or into the
// embedded database when DATABASE_URL is not set.
import { openDatabase, prepareDatabase } from "./environment";
import { printDemoAccounts, seedDemoData } from "./seed";

const database = await openDatabase();
try {
  await prepareDatabase(database, console.log);
  await seedDemoData(database.ownerUrl);
  printDemoAccounts();
} finally {
  await database.stop();
}

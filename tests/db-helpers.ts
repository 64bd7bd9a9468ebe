// Helpers for integration tests: every test that touches data uses a real
// PostgreSQL (the embedded cluster started by scripts/test.ts).
import pg from "pg";
import { recreateDatabase } from "../scripts/database";

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the tests with `npm test`.");
  return url;
}

/** A fresh, empty database on the test cluster, named for one test file. */
export async function freshDatabase(name: string): Promise<string> {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  await recreateDatabase(url.toString());
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

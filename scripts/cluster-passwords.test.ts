import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";

// Security finding 15: every installation's embedded PostgreSQL had the same superuser password, in the source.
describe("the embedded cluster's passwords", () => {
  it("are this installation's own, kept readable by this user only, and the old fixed one no longer opens it", async () => {
    const admin = new URL(process.env.TEST_ADMIN_URL!);
    const password = decodeURIComponent(admin.password);
    expect(password).not.toBe("waypoint-local");
    expect(password.length).toBeGreaterThanOrEqual(24);
    const file = path.resolve(import.meta.dirname, "../.data/test-pg-owner-password");
    expect(fs.readFileSync(file, "utf8").trim()).toBe(password);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const legacy = new pg.Client({ host: admin.hostname, port: Number(admin.port), user: admin.username, password: "waypoint-local", database: "postgres" });
    await expect(legacy.connect()).rejects.toThrow(/password authentication failed/);
    await legacy.end().catch(() => undefined);
  });
});

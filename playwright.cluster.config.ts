import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The multi-server journeys (cluster/), run by scripts/cluster.ts against two
// app servers on one PostgreSQL primary with a streaming replica. One at a
// time: some of them stop a server or pause the replica.
export default defineConfig({
  ...base,
  testDir: "cluster",
  workers: 1,
  timeout: 180_000,
  outputDir: "test-results/cluster/e2e",
});

// What `npm test` needs from the operating system besides npm packages: a
// browser for the end-to-end tests, poppler to read the PDFs the app makes,
// and pg_dump/pg_restore of PostgreSQL 15 for the backup test. As root on
// Debian they are installed with apt when missing; anyone else is told in
// one sentence what to install.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

/** `command`: a name looked up on PATH, or an absolute path. */
export type Prerequisite = { command: string; debianPackage: string; why: string };

export const PREREQUISITES: Prerequisite[] = [
  { command: "chromium", debianPackage: "chromium", why: "the end-to-end tests drive a real browser" },
  { command: "pdftotext", debianPackage: "poppler-utils", why: "the tests read the PDFs the app makes" },
  { command: "pg_dump", debianPackage: "postgresql-client-15", why: "the backup test dumps and restores a database" },
  { command: "7z", debianPackage: "p7zip-full", why: "the tests open encrypted (AES-256) exports with a real unzip tool" },
];

function onPath(command: string): boolean {
  if (command.startsWith("/")) return fs.existsSync(command);
  return (process.env.PATH ?? "").split(":").some((folder) => folder && fs.existsSync(`${folder}/${command}`));
}

/** Installs what is missing (root with apt), or returns the one sentence that says what to do. */
export function ensurePrerequisites(log: (line: string) => void = console.log, needed: Prerequisite[] = PREREQUISITES): string | null {
  const missing = needed.filter((p) => !onPath(p.command));
  if (missing.length === 0) return null;
  const packages = missing.map((p) => p.debianPackage);
  const mayInstall = process.getuid?.() === 0 && onPath("apt-get");
  if (mayInstall) {
    for (const p of missing) log(`installing ${p.debianPackage} with apt: ${p.why}`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { env, stdio: "inherit" });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { env, stdio: ["ignore", "ignore", "inherit"] }) : update;
    const stillMissing = missing.filter((p) => !onPath(p.command));
    if (install.status === 0 && stillMissing.length === 0) return null;
  }
  return `The test suite needs ${packages.join(", ")} (${missing.map((p) => p.why).join("; ")}): install ${packages.length > 1 ? "them" : "it"} with \`sudo apt-get install ${packages.join(" ")}\` and run npm test again.`;
}

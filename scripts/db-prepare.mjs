// Applies pending migrations and switches the SQLite file to WAL (readers never block the writer).
// Used by `npm start`, the e2e web server and the integration-test setup, so every database is shaped alike.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export function databaseFile() {
  const raw = process.env.DATABASE_URL ?? "file:data/nimbus.db";
  const file = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  return path.isAbsolute(file) ? file : path.join(process.cwd(), file);
}

export function prepareDatabase({ quiet = false } = {}) {
  const file = databaseFile();
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Database ready: ${prepareDatabase()}`);
}

import path from "node:path";

/**
 * The SQLite file path. DATABASE_URL may be `file:relative/or/absolute.db`; relative paths resolve from the
 * project root so the CLI, the server and the tests agree on one file.
 */
export function databaseFile(): string {
  const raw = process.env.DATABASE_URL ?? "file:data/nimbus.db";
  const file = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  // The file is chosen at run time; tell the bundler not to trace the whole project for it.
  return path.isAbsolute(file) ? file : path.join(/*turbopackIgnore: true*/ process.cwd(), file);
}

// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the committed schema
// (git HEAD) and the working schema. `prisma migrate dev` needs a native engine that cannot be downloaded here.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
let from = ["--from-empty"];
try {
  const old = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
  const oldFile = path.join(mkdtempSync(path.join(tmpdir(), "nimbus-schema-")), "schema.prisma");
  writeFileSync(oldFile, old);
  from = ["--from-schema-datamodel", oldFile];
} catch {
  console.warn("No committed schema at HEAD: diffing from an empty database.");
}
const sql = execFileSync(
  "npx",
  ["--no-install", "prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env },
);
if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
  console.error("The schema has not changed since HEAD: no migration written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql`);

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SIM_DIR = path.resolve(__dirname, "../../../lib/sim");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every module specifier in import/export-from statements, dynamic import() and require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1] as string);
  return found;
}

describe("lib/sim purity", () => {
  const files = sourceFiles(SIM_DIR);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [path.relative(SIM_DIR, f), f]))("%s imports only lib/sim", (_name, file) => {
    const source = readFileSync(file, "utf8");
    for (const spec of specifiers(source)) {
      expect(spec.startsWith("./") || spec.startsWith("../"), `${spec} is not a relative import`).toBe(true);
      const resolved = path.resolve(path.dirname(file), spec);
      expect(resolved === SIM_DIR || resolved.startsWith(SIM_DIR + path.sep), `${spec} leaves lib/sim`).toBe(true);
    }
  });

  it.each(files.map((f) => [path.relative(SIM_DIR, f), f]))("%s uses no wall clock, Math.random or host APIs", (_name, file) => {
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    for (const banned of [/Math\.random/, /Date\.now/, /new Date\(/, /\bperformance\./, /\bprocess\./, /\bwindow\./, /\bdocument\./]) {
      expect(banned.test(code), `${banned} in ${file}`).toBe(false);
    }
  });

  it("the detector finds the kinds of imports it must forbid", () => {
    expect(specifiers(`import { x } from "react";\nexport * from "../db";\nconst m = await import("node:fs");`)).toEqual([
      "react",
      "../db",
      "node:fs",
    ]);
  });
});

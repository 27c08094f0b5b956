import { prepareDatabase } from "../../scripts/db-prepare.mjs";

/** Migrates the throwaway database named by vitest.config.ts (DATABASE_URL). */
export default function setup() {
  prepareDatabase({ quiet: true });
}

// Seeds the demo accounts listed in the README (unless NIMBUS_DEMO_ACCOUNTS=off), and, when it creates the demo
// instructor, a demo class with the demo learner in it and Day 2 assigned. Safe to run on every start: existing
// accounts are left as they are, and a demo class the instructor deleted does not come back.
import bcrypt from "bcryptjs";
import { DEMO_ACCOUNTS, demoAccountsEnabled } from "../lib/auth/demo";
import { ensureUser } from "../lib/db/users";
import { assignDay, createClass, joinClass } from "../lib/services/classes";
import { joinCodeSchema } from "../lib/validation/classes";

const WEEK_MS = 7 * 86_400_000;

async function main() {
  if (!demoAccountsEnabled()) {
    console.log("Demo accounts are off (NIMBUS_DEMO_ACCOUNTS=off).");
    return;
  }
  const seeded = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await ensureUser({
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await bcrypt.hash(account.password, 10),
    });
    seeded.push({ ...user, role: account.role });
  }
  console.log(`Demo accounts ready: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
  const learner = seeded.find((u) => u.role === "LEARNER");
  const instructor = seeded.find((u) => u.role === "INSTRUCTOR");
  if (learner && instructor?.created) {
    const now = new Date();
    const demo = await createClass(instructor, { name: "Demo class" });
    await joinClass(learner, joinCodeSchema.parse(demo.joinCode));
    const dueAt = new Date(now.getTime() + WEEK_MS);
    await assignDay(instructor, demo.id, { day: 2, dueAt, instructions: "Run the widget at 80 % load before the quiz." }, now);
    console.log(`Demo class ready: code ${demo.joinCode}, the demo learner in it, Day 2 assigned.`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

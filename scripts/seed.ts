// Seeds the demo accounts listed in the README (unless NIMBUS_DEMO_ACCOUNTS=off). Safe to run on every start:
// existing accounts are left as they are.
import bcrypt from "bcryptjs";
import { DEMO_ACCOUNTS, demoAccountsEnabled } from "../lib/auth/demo";
import { ensureUser } from "../lib/db/users";

async function main() {
  if (!demoAccountsEnabled()) {
    console.log("Demo accounts are off (NIMBUS_DEMO_ACCOUNTS=off).");
    return;
  }
  for (const account of DEMO_ACCOUNTS) {
    await ensureUser({
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await bcrypt.hash(account.password, 10),
    });
  }
  console.log(`Demo accounts ready: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

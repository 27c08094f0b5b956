import type { Actor } from "../../lib/db/actor";
import { createUser } from "../../lib/db/users";

let n = 0;

/** A fresh learner account (no password: integration tests call services directly). */
export async function newLearner(timeZone = "UTC"): Promise<Actor & { email: string }> {
  n += 1;
  const email = `it-${n}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await createUser({ email, name: `Learner ${n}`, passwordHash: "x", timeZone });
  if (!user) throw new Error("could not create user");
  return { id: user.id, role: user.role, email };
}

import type { Actor } from "@/lib/db/actor";

/** Who may teach: instructors, and admins (who also reach every class). */
export function canTeach(actor: Pick<Actor, "role">): boolean {
  return actor.role === "INSTRUCTOR" || actor.role === "ADMIN";
}

import type { Role } from "@/generated/prisma/enums";

/** The signed-in user on whose behalf a data-layer function runs; every query is scoped by it. */
export interface Actor {
  id: string;
  role: Role;
}

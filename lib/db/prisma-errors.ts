/** Prisma's code for a unique-constraint violation: the database, not a racy pre-check, decides what is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

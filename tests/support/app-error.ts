import { AppError } from "@/lib/errors";

/** The AppError a call is expected to refuse with (anything else, or no error at all, fails the test). */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

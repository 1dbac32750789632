import { DataError, isTabkitError } from "../../src/core/errors.js";

/** What `action` throws, as "CODE: message" for tabkit's errors, so that a test can compare both at once. */
export function thrown(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isTabkitError(error) ? `${error.code}: ${error.message}` : `not a TabkitError: ${String(error)}`;
  }
  return "nothing thrown";
}

/** The DataError `action` throws (its message, column and row), failing the test for anything else. */
export function thrownDataError(action: () => unknown): DataError {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw new Error(`expected a DataError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected a DataError, nothing was thrown");
}

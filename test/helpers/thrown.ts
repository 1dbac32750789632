import { isTabkitError } from "../../src/core/errors.js";

/** What `action` throws, as "CODE: message" for tabkit's errors, so that a test can compare both at once. */
export function thrown(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isTabkitError(error) ? `${error.code}: ${error.message}` : `not a TabkitError: ${String(error)}`;
  }
  return "nothing thrown";
}

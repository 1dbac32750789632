import { expect } from "vitest";
import { DataError, isTabkitError, ValidationError } from "../../src/core/errors.js";

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

/** The DataError or ValidationError `action` throws (a refusal of bad input), failing `what` for anything else (a TypeError, nothing). */
export function expectTabkitError(action: () => unknown, what: string): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError || error instanceof ValidationError) return error;
    throw new Error(`${what}: expected a DataError or ValidationError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`${what}: expected a tabkit error, nothing was thrown`);
}

/**
 * Checks that `fitTransform` refuses X with the DataError `fit` gives, naming fitTransform
 * instead of fit, on the same column and row.
 */
export function expectFitTransformErrorLikeFit(kind: string, fit: () => unknown, fitTransform: () => unknown): void {
  const fitError = thrownDataError(fit);
  const fitTransformError = thrownDataError(fitTransform);
  expect(fitError.message.startsWith(`${kind}.fit: `)).toBe(true);
  expect(fitTransformError.message).toBe(`${kind}.fitTransform: ${fitError.message.slice(`${kind}.fit: `.length)}`);
  expect([fitTransformError.column, fitTransformError.row]).toEqual([fitError.column, fitError.row]);
}

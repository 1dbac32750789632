/** Stable machine-readable codes, one per error class. */
export type TabkitErrorCode = "TABKIT_ERROR" | "VALIDATION_ERROR" | "DATA_ERROR" | "NOT_FITTED" | "SERIALIZATION_ERROR";

/**
 * A marker shared by every copy of the package (Symbol.for is global), so `isTabkitError`
 * recognises errors thrown by a duplicate install where `instanceof` would fail.
 */
const TABKIT_ERROR_MARK = Symbol.for("tabkit.error");

/** Where a problem sits: which estimator, which method, and optionally which column and row. */
export interface ErrorSite {
  estimator: string;
  method: string;
  column?: string;
  row?: number;
}

/**
 * A value as messages show it: text quoted, so that "1" is not taken for the number 1. Never
 * throws: an object that cannot be turned into text (`{ toString: false }`, a throwing
 * `toString`) is shown as its class or type.
 */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return String(value);
  } catch {
    return describeValue(value);
  }
}

/** An argument of the wrong type as messages show it: its text, its class (a Matrix for a Frame), or its type. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value !== "object") return typeof value;
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name === undefined || name === "Object" ? "an object" : name;
}

/** Formats `"Class.method: message (column \"c\", row 3)"` so every message names its site. */
export function describeSite(site: ErrorSite, message: string): string {
  const where: string[] = [];
  if (site.column !== undefined) where.push(`column "${site.column}"`);
  if (site.row !== undefined) where.push(`row ${site.row}`);
  const suffix = where.length > 0 && !/\((column|row) /.test(message) ? ` (${where.join(", ")})` : "";
  return `${site.estimator}.${site.method}: ${message}${suffix}`;
}

/** Base class of every error tabkit throws on purpose. */
export class TabkitError extends Error {
  readonly code: TabkitErrorCode;
  readonly column: string | undefined;
  readonly row: number | undefined;

  constructor(message: string, options: { code?: TabkitErrorCode; column?: string; row?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? "TABKIT_ERROR";
    this.column = options.column;
    this.row = options.row;
    Object.defineProperty(this, TABKIT_ERROR_MARK, { value: true });
  }
}

/** One problem found while validating parameters or options. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Bad parameters or options: raised by constructors, `withParams` and option checks. */
export class ValidationError extends TabkitError {
  readonly issues: readonly ValidationIssue[];

  constructor(message: string, issues: readonly ValidationIssue[] = []) {
    super(message, { code: "VALIDATION_ERROR" });
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue })));
  }
}

/** Bad data: shape, type, missing values, unknown categories, feature mismatches, empty input. */
export class DataError extends TabkitError {
  constructor(message: string, options: { column?: string; row?: number; cause?: unknown } = {}) {
    super(message, { ...options, code: "DATA_ERROR" });
  }

  /** Builds a DataError whose message names the estimator, method, column and row. */
  static at(site: ErrorSite, message: string): DataError {
    return new DataError(describeSite(site, message), { column: site.column, row: site.row });
  }
}

/** A fitted attribute or prediction was asked of an estimator that has not been fitted. */
export class NotFittedError extends TabkitError {
  /** `message` replaces the standard text (used when a composite names the step that failed). */
  constructor(estimator: string, method: string, message?: string) {
    super(message ?? `${estimator}.${method}: this ${estimator} instance is not fitted yet; call fit with appropriate arguments first`, {
      code: "NOT_FITTED",
    });
  }
}

/** A model document that cannot be loaded: malformed, unsafe, unknown kind or future version. */
export class SerializationError extends TabkitError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: "SERIALIZATION_ERROR" });
  }
}

/**
 * A child estimator's error restated at its composite's site, so the message says which step
 * failed: `"ColumnTransformer.transform: entry \"num\" (KNNImputer.transform): ..."`. The class,
 * code, column, row (and a ValidationError's issues) are kept and the original is the `cause`.
 * Errors that are not tabkit's (bugs) are returned unchanged.
 */
export function inStep(error: unknown, site: ErrorSite, step: string, childKind: string): unknown {
  if (!isTabkitError(error)) return error;
  // The child's own "Kind.method: " prefix moves into the parentheses.
  const own = /^(\w+)\.(\w+): /.exec(error.message);
  const mine = own !== null && own[1] === childKind;
  const message = `${site.estimator}.${site.method}: ${step} (${mine ? `${childKind}.${own[2]}` : childKind}): ${mine ? error.message.slice(own[0].length) : error.message}`;
  const options = { column: error.column, row: error.row, cause: error };
  if (error instanceof DataError) return new DataError(message, options);
  if (error instanceof ValidationError) return new ValidationError(message, error.issues);
  if (error instanceof NotFittedError) return new NotFittedError(site.estimator, site.method, message);
  if (error instanceof SerializationError) return new SerializationError(message, options);
  return new TabkitError(message, { ...options, code: error.code });
}

/**
 * True when `error` was thrown by tabkit (any copy of the package), and, if `code` is given,
 * carries that code.
 */
export function isTabkitError(error: unknown, code?: TabkitErrorCode): error is TabkitError {
  if (typeof error !== "object" || error === null) return false;
  if ((error as Record<symbol, unknown>)[TABKIT_ERROR_MARK] !== true) return false;
  return code === undefined || (error as TabkitError).code === code;
}

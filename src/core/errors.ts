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
  constructor(estimator: string, method: string) {
    super(`${estimator}.${method}: this ${estimator} instance is not fitted yet; call fit with appropriate arguments first`, {
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
 * True when `error` was thrown by tabkit (any copy of the package), and, if `code` is given,
 * carries that code.
 */
export function isTabkitError(error: unknown, code?: TabkitErrorCode): error is TabkitError {
  if (typeof error !== "object" || error === null) return false;
  if ((error as Record<symbol, unknown>)[TABKIT_ERROR_MARK] !== true) return false;
  return code === undefined || (error as TabkitError).code === code;
}

import { DataError, isTabkitError, NotFittedError, SerializationError, TabkitError, ValidationError, type TabkitErrorCode, type ValidationIssue } from "../core/errors.js";

/** An error thrown in a worker, as plain data that survives `postMessage`. */
export interface WorkerErrorData {
  name: string;
  message: string;
  stack: string | undefined;
  /** tabkit's fields, for errors thrown by tabkit */
  code?: TabkitErrorCode;
  issues?: ValidationIssue[];
  column?: string;
  row?: number;
}

const BUILTIN_ERRORS: ReadonlyMap<string, ErrorConstructor> = new Map<string, ErrorConstructor>([
  ["Error", Error],
  ["TypeError", TypeError],
  ["RangeError", RangeError],
  ["SyntaxError", SyntaxError],
  ["ReferenceError", ReferenceError],
  ["EvalError", EvalError],
  ["URIError", URIError],
]);

/** What a worker sends back when its task throws `error`. */
export function toWorkerError(error: unknown): WorkerErrorData {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), stack: undefined };
  const data: WorkerErrorData = { name: error.name, message: error.message, stack: error.stack };
  if (isTabkitError(error)) {
    data.code = error.code;
    data.column = error.column;
    data.row = error.row;
    const issues = (error as Partial<ValidationError>).issues;
    if (Array.isArray(issues)) data.issues = issues.map((issue) => ({ ...issue }));
  }
  return data;
}

/**
 * The error a worker threw, rebuilt on this thread: tabkit errors as the class of their `code`
 * (so `isTabkitError(e, code)` and `instanceof` hold), built-in errors as their own type, others
 * as `Error` with the original name. Message and worker stack are kept.
 */
export function fromWorkerError(data: WorkerErrorData): Error {
  const error = rebuild(data);
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}

function rebuild(data: WorkerErrorData): Error {
  const site = { column: data.column, row: data.row };
  switch (data.code) {
    case "VALIDATION_ERROR":
      return new ValidationError(data.message, data.issues ?? []);
    case "DATA_ERROR":
      return new DataError(data.message, site);
    case "SERIALIZATION_ERROR":
      return new SerializationError(data.message);
    case "NOT_FITTED":
      return Object.assign(new NotFittedError("", ""), { message: data.message });
    case "TABKIT_ERROR":
      return new TabkitError(data.message, site);
  }
  const Builtin = BUILTIN_ERRORS.get(data.name);
  if (Builtin !== undefined) return new Builtin(data.message);
  return Object.assign(new Error(data.message), { name: data.name });
}

import { readFile } from "node:fs/promises";
import { describeValue, ValidationError } from "../core/errors.js";

// atomic-write, model-file and csv-file import it from here
export { describeValue };

/** Builds the error a helper throws, so it names that helper (`saveModel`, `readCsvFile`, ...). */
export type FileErrorFactory = (message: string, cause: unknown) => Error;

const REASONS: Readonly<Record<string, string>> = {
  ENOTDIR: "a parent of it is not a directory",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
};

/** Why reading or writing failed, in words that name no temporary file: `"it is a directory (EISDIR)"`. */
export function fileErrorReason(cause: unknown, operation: "read" | "write"): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === undefined) return (cause as Error).message;
  const reason = code === "ENOENT" ? (operation === "read" ? "no such file" : "its directory does not exist") : REASONS[code];
  return reason === undefined ? code : `${reason} (${code})`;
}

/** Refuses a path that is not a non-empty string, with a ValidationError naming `caller`. */
export function checkPath(caller: string, path: unknown): asserts path is string {
  if (typeof path !== "string" || path === "") {
    throw new ValidationError(`${caller}: path must be a non-empty string, got ${describeValue(path)}`, [{ path: "path", message: "must be a non-empty string" }]);
  }
}

/** Reads a UTF-8 file without its byte-order mark; a failure names `caller` and `path`. */
export async function readTextFile(caller: string, path: string, fail: FileErrorFactory): Promise<string> {
  checkPath(caller, path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw fail(`${caller}: cannot read ${JSON.stringify(path)}: ${fileErrorReason(cause, "read")}`, cause);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

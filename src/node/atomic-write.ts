import { randomBytes } from "node:crypto";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { DataError, ValidationError } from "../core/errors.js";
import { checkPath, describeValue, fileErrorReason, type FileErrorFactory } from "./file-io.js";

/**
 * Writes `text` to a temporary file beside `path` and renames it into place, so readers see the
 * old file or the whole new one, never a half-written file, even after a power loss. A failed
 * write leaves no temporary file and throws a DataError naming `path`.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await writeAtomically("writeFileAtomic", path, text, (message, cause) => new DataError(message, { cause }));
}

/** @internal `writeFileAtomic` whose errors name `caller` and are built by `fail`. */
export async function writeAtomically(caller: string, path: string, text: string, fail: FileErrorFactory): Promise<void> {
  checkPath(caller, path);
  if (typeof text !== "string") throw new ValidationError(`${caller}: text must be a string, got ${describeValue(text)}`, [{ path: "text", message: "must be a string" }]);
  // A random name opened exclusively: concurrent writers to the same path never share a file.
  const temporary = `${path}.${randomBytes(8).toString("hex")}.tmp`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, "wx");
    await handle.writeFile(text, "utf8");
    // The bytes must be on disk before the rename makes them visible under the real name.
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (cause) {
    await handle?.close().catch(() => undefined);
    // Report the write's error, not a failed clean-up of a file that may never have existed.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw fail(`${caller}: cannot write ${JSON.stringify(path)}: ${fileErrorReason(cause, "write")}`, cause);
  }
  await syncDirectory(dirname(path));
}

/** Makes the rename itself durable; platforms that cannot open a directory (Windows) skip it. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch {
    // Best effort by design: the file is already complete under its name.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

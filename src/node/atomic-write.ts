import { rename, rm, writeFile } from "node:fs/promises";

/**
 * Writes `text` to a temporary file beside `path` and renames it into place, so readers see the
 * old file or the whole new one, never a half-written file. The temporary file is removed if the
 * write fails.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, text, "utf8");
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

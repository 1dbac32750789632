import { readFile } from "node:fs/promises";
import type { CsvParseOptions } from "../core/csv.js";
import { Frame, type FrameCsvOptions } from "../core/frame.js";
import { writeFileAtomic } from "./atomic-write.js";

/** Reads a CSV file (UTF-8, header line) into a Frame. */
export async function readCsvFile(path: string, options: FrameCsvOptions = {}): Promise<Frame> {
  return Frame.fromCSV(await readFile(path, "utf8"), options);
}

/** Writes a Frame as a CSV file (see `Frame.toCSV`), atomically: never a half-written file. */
export async function writeCsvFile(path: string, frame: Frame, options: CsvParseOptions = {}): Promise<void> {
  await writeFileAtomic(path, frame.toCSV(options));
}

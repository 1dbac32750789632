import { readFile } from "node:fs/promises";
import { Frame, type FrameCsvOptions } from "../core/frame.js";

/** Reads a CSV file (UTF-8, header line) into a Frame. */
export async function readCsvFile(path: string, options: FrameCsvOptions = {}): Promise<Frame> {
  return Frame.fromCSV(await readFile(path, "utf8"), options);
}

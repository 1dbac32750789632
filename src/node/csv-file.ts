import type { CsvParseOptions } from "../core/csv.js";
import { DataError, isTabkitError, ValidationError } from "../core/errors.js";
import { Frame, type FrameCsvOptions } from "../core/frame.js";
import { writeAtomically } from "./atomic-write.js";
import { describeValue, readTextFile } from "./file-io.js";

const dataError = (message: string, cause: unknown) => new DataError(message, { cause });

/** Reads a CSV file (UTF-8, header line) into a Frame; errors name the file. */
export async function readCsvFile(path: string, options: FrameCsvOptions = {}): Promise<Frame> {
  const text = await readTextFile("readCsvFile", path, dataError);
  try {
    return Frame.fromCSV(text, options);
  } catch (error) {
    if (!isTabkitError(error)) throw error;
    // The parser knows the line, not the file: say which file it was reading.
    const message = `readCsvFile: ${JSON.stringify(path)}: ${error.message}`;
    throw error instanceof ValidationError ? new ValidationError(message, error.issues) : new DataError(message, { column: error.column, row: error.row, cause: error });
  }
}

/** Writes a Frame as a CSV file (see `Frame.toCSV`), atomically: never a half-written file. */
export async function writeCsvFile(path: string, frame: Frame, options: CsvParseOptions = {}): Promise<void> {
  if (!(frame instanceof Frame)) throw new ValidationError(`writeCsvFile: frame must be a Frame, got ${describeValue(frame)}`, [{ path: "frame", message: "must be a Frame" }]);
  await writeAtomically("writeCsvFile", path, frame.toCSV(options), dataError);
}

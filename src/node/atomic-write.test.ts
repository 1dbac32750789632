import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Frame } from "../core/frame.js";
import { writeFileAtomic } from "./atomic-write.js";
import { readCsvFile, writeCsvFile } from "./csv-file.js";

const directory = () => mkdtempSync(join(tmpdir(), "tabkit-write-"));

describe("writeFileAtomic", () => {
  it("replaces the file whole and leaves no temporary file", async () => {
    const dir = directory();
    const path = join(dir, "out.txt");
    writeFileSync(path, "old");
    await writeFileAtomic(path, "new text");
    expect(readFileSync(path, "utf8")).toBe("new text");
    expect(readdirSync(dir)).toEqual(["out.txt"]);
  });

  it("leaves the old file and no temporary file when the write fails", async () => {
    const dir = directory();
    const path = join(dir, "missing-directory", "out.txt");
    await expect(writeFileAtomic(path, "text")).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("writeCsvFile", () => {
  it("writes a Frame that readCsvFile reads back", async () => {
    const path = join(directory(), "frame.csv");
    const frame = Frame.fromColumns({ id: [7, 8], band: ["high", null] });
    await writeCsvFile(path, frame);
    const back = await readCsvFile(path);
    expect(back.toRecords()).toEqual(frame.toRecords());
  });
});

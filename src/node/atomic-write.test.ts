import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { isTabkitError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { writeFileAtomic } from "./atomic-write.js";
import { readCsvFile, writeCsvFile } from "./csv-file.js";

// Records which paths were flushed to disk, passing every call through to the real module.
const synced = vi.hoisted(() => [] as string[]);
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const open: typeof real.open = async (...args) => {
    const handle = await real.open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      synced.push(String(args[0]));
      await sync();
    };
    return handle;
  };
  return { ...real, open };
});

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

  it("keeps concurrent writes to one path apart: the file is one of them, whole", async () => {
    const dir = directory();
    const path = join(dir, "out.txt");
    const a = "A".repeat(3e5);
    const b = "B".repeat(1e5);
    for (let round = 0; round < 20; round++) {
      const results = await Promise.allSettled([writeFileAtomic(path, a), writeFileAtomic(path, b)]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      expect([a, b]).toContain(readFileSync(path, "utf8"));
    }
    expect(readdirSync(dir)).toEqual(["out.txt"]);
  });

  it("flushes the file and its directory to disk", async () => {
    const dir = directory();
    const path = join(dir, "out.txt");
    synced.length = 0;
    await writeFileAtomic(path, "text");
    expect(synced).toHaveLength(2);
    expect(synced[0]).toMatch(/out\.txt\.[0-9a-f]+\.tmp$/);
    expect(synced[1]).toBe(dir);
  });

  it("names the function and the target, not the temporary file, and leaves nothing behind", async () => {
    const dir = directory();
    const missing = join(dir, "missing-directory", "out.txt");
    await expect(writeFileAtomic(missing, "text")).rejects.toSatisfy(
      (e) => isTabkitError(e, "DATA_ERROR") && (e as Error).message === `writeFileAtomic: cannot write ${JSON.stringify(missing)}: its directory does not exist (ENOENT)`,
    );
    const target = join(dir, "a-directory");
    mkdirSync(target);
    await expect(writeCsvFile(target, Frame.fromColumns({ a: [1] }))).rejects.toSatisfy(
      (e) => isTabkitError(e, "DATA_ERROR") && (e as Error).message === `writeCsvFile: cannot write ${JSON.stringify(target)}: it is a directory (EISDIR)`,
    );
    expect(readdirSync(dir)).toEqual(["a-directory"]);
    expect(readdirSync(target)).toEqual([]);
  });
});

describe("writeCsvFile / readCsvFile", () => {
  it("writes a Frame that readCsvFile reads back", async () => {
    const path = join(directory(), "frame.csv");
    const frame = Frame.fromColumns({ id: [7, 8], band: ["high", null] });
    await writeCsvFile(path, frame);
    const back = await readCsvFile(path);
    expect(back.toRecords()).toEqual(frame.toRecords());
  });

  it("names readCsvFile and the file when it is missing or does not parse", async () => {
    const dir = directory();
    const missing = join(dir, "nope.csv");
    await expect(readCsvFile(missing)).rejects.toSatisfy(
      (e) => isTabkitError(e, "DATA_ERROR") && (e as Error).message === `readCsvFile: cannot read ${JSON.stringify(missing)}: no such file (ENOENT)`,
    );
    const ragged = join(dir, "ragged.csv");
    writeFileSync(ragged, "a,b\n1,2,3\n");
    await expect(readCsvFile(ragged)).rejects.toSatisfy(
      (e) => isTabkitError(e, "DATA_ERROR") && (e as Error).message === `readCsvFile: ${JSON.stringify(ragged)}: parseCsv: line 2 has 3 fields but the header has 2`,
    );
  });

  it("refuses a path or frame of the wrong type with a ValidationError", async () => {
    await expect(readCsvFile(undefined as unknown as string)).rejects.toSatisfy((e) => isTabkitError(e, "VALIDATION_ERROR") && /^readCsvFile: path must be/.test((e as Error).message));
    await expect(writeCsvFile(join(directory(), "x.csv"), {} as Frame)).rejects.toSatisfy((e) => isTabkitError(e, "VALIDATION_ERROR") && /^writeCsvFile: frame must be a Frame/.test((e as Error).message));
  });
});

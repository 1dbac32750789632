import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const DATA = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");
const NUMBER_TAGS: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };

/**
 * Reads a golden fixture written by parity/fixture_io.py, turning number tags back into numbers and
 * `{ "$f64": base64, shape }` blocks (written by `f64()`) into Float64Arrays.
 */
export function readFixture<T = Record<string, unknown>>(relativePath: string): T {
  const text = readFileSync(join(FIXTURES, relativePath), "utf8");
  return JSON.parse(text, (_key, value) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === "$number") return NUMBER_TAGS[value.$number as string];
      if (keys.length === 2 && typeof value.$f64 === "string") {
        const bytes = Buffer.from(value.$f64 as string, "base64");
        return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      }
    }
    return value;
  }) as T;
}

/** Reads a data file bundled in the repository (data/). */
export function readDataFile(relativePath: string): string {
  return readFileSync(join(DATA, relativePath), "utf8");
}

/** Asserts |a - b| <= tol * max(1, |b|) elementwise (NaN must match NaN); returns the worst error seen. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = "value"): number {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} != expected ${expected.length}`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (Number.isNaN(b) || Number.isNaN(a)) {
      if (!(Number.isNaN(a) && Number.isNaN(b))) throw new Error(`${what}[${i}]: got ${a}, expected ${b}`);
      continue;
    }
    if (a === b) continue;
    const err = Math.abs(a - b) / Math.max(1, Math.abs(b));
    worst = Math.max(worst, err);
    if (!(err <= tol)) throw new Error(`${what}[${i}]: got ${a}, expected ${b} (relative error ${err} > ${tol})`);
  }
  return worst;
}

/** Flattens a row-major nested array. */
export function flat(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.flat());
}

/** Running totals of a parity test: how many values were compared, how many bit-identical, the worst errors. */
export class ParityTally {
  values = 0;
  exact = 0;
  abs = 0;
  rel = 0;

  /** Checks |a - b| <= tol * max(1, |b|) elementwise (NaN must match NaN) and adds to the totals. */
  compare(got: ArrayLike<number>, want: ArrayLike<number>, tol: number, what: string): void {
    if (got.length !== want.length) throw new Error(`${what}: length ${got.length} != expected ${want.length}`);
    for (let i = 0; i < want.length; i++) {
      const a = got[i];
      const b = want[i];
      this.values++;
      if (a === b || (Number.isNaN(a) && Number.isNaN(b))) {
        this.exact++;
        continue;
      }
      const abs = Math.abs(a - b);
      const rel = abs / Math.max(1, Math.abs(b));
      this.abs = Math.max(this.abs, abs);
      this.rel = Math.max(this.rel, rel);
      if (!(rel <= tol)) throw new Error(`${what}[${i}]: got ${a}, expected ${b} (relative error ${rel})`);
    }
  }

  toString(): string {
    return `${this.exact}/${this.values} values bit-identical; max abs error ${this.abs}, max rel error ${this.rel}`;
  }
}

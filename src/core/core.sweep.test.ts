/*
 * Randomized differential sweep of three core pieces (parity/gen_sweep_core.py, fixed seed):
 * RandomState against numpy 2.4.6's legacy np.random.RandomState (random seeds, 1-6 calls with
 * random arguments, every output exact and in order), the Python formatters against CPython 3.11's
 * repr(float), str(int(x)) and format(x, ".Nf") (strings equal), and typeOfTarget (after toLabels,
 * which checks a target first) against scikit-learn 1.9.1's type_of_target. Where the reference
 * raised, tabkit must throw a DataError or a ValidationError.
 */
import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { expectTabkitError } from "../../test/helpers/thrown.js";
import { toLabels } from "./labels.js";
import { formatPythonFloat, formatPythonInt, formatPythonLabel } from "./python-format.js";
import { RandomState } from "./random-state.js";
import { typeOfTarget } from "./type-of-target.js";
import { formatFixed, formatPythonFloat as metricsFormatPythonFloat } from "../metrics/python-format.js";

interface PyError {
  type: string;
  message: string;
}
type Call =
  | { call: "randint"; args: [number, number] }
  | { call: "randintArray"; args: [number, number, number] }
  | { call: "randomSample"; args: [number] }
  | { call: "nextDouble" | "nextUint32"; args: [] }
  | { call: "shuffle" | "permutation"; args: [number] }
  | { call: "choice"; args: [number, number, boolean] }
  | { call: "uniform"; args: [number, number, number] };
type Recorded = Call & { result: number | number[] | Float64Array | null; error: PyError | null };
interface RandomCase {
  index: number;
  seed: number;
  seedError: PyError | null;
  calls: Recorded[];
}
interface FormatCases {
  values: Float64Array;
  repr: string[];
  digits: (number | null)[];
  fixed: (string | null)[];
  int: (string | null)[];
}
interface TargetCase {
  index: number;
  kind: string;
  dtype: string;
  y: Float64Array | string[];
  result: string | null;
  error: PyError | null;
}

const fixture = readFixture<{ seed: number; random: RandomCase[]; format: FormatCases; target: TargetCase[] }>("core/sweeps/core.json");

/** Numbers as their bits, so that -0 differs from 0 and NaN equals NaN. */
function bits(values: ArrayLike<number> | number): string[] {
  const list = typeof values === "number" ? [values] : Array.from(values);
  return list.map((v) => (Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : String(v)));
}

function replay(rs: RandomState, c: Call): number | number[] | Float64Array {
  switch (c.call) {
    case "randint":
      return rs.randint(c.args[0], c.args[1]);
    case "randintArray":
      return Array.from(rs.randintArray(c.args[0], c.args[1], c.args[2]));
    case "randomSample":
      return rs.randomSample(c.args[0]);
    case "nextDouble":
      return rs.nextDouble();
    case "nextUint32":
      return rs.nextUint32();
    case "shuffle": {
      const values = Array.from({ length: c.args[0] }, (_, i) => i);
      rs.shuffle(values);
      return values;
    }
    case "permutation":
      return Array.from(rs.permutation(c.args[0]));
    case "choice":
      return Array.from(rs.choice(c.args[0], c.args[1], c.args[2]));
    case "uniform":
      return rs.uniform(c.args[0], c.args[1], c.args[2]);
  }
}

/**
 * A bounded draw wider than 2^32 (numpy draws 64-bit words for it) is refused by design: tabkit's
 * randint documents "high - low <= 2^32" (random-state.ts), the widest range scikit-learn asks for.
 */
const beyond32 = (c: Call): boolean => (c.call === "randint" || c.call === "randintArray") && c.args[1] - c.args[0] > 2 ** 32;

describe("RandomState against numpy's legacy RandomState", () => {
  it.each(fixture.random.map((c) => [c.index, c] as const))("case %i", (_, c) => {
    if (c.seedError) {
      expectTabkitError(() => new RandomState(c.seed), `seed ${c.seed}`);
      return;
    }
    const rs = new RandomState(c.seed);
    c.calls.forEach((call, k) => {
      const what = `call ${k}: ${call.call}(${call.args.join(", ")})`;
      if (beyond32(call)) {
        expect(expectTabkitError(() => replay(rs, call), what).message, what).toMatch(/high - low <= 2\^32/);
        expect(k, "a refused call ends its sequence").toBe(c.calls.length - 1);
        return;
      }
      if (call.error) {
        expectTabkitError(() => replay(rs, call), `${what} (numpy: ${call.error.type}: ${call.error.message})`);
        return;
      }
      expect(bits(replay(rs, call) as ArrayLike<number> | number), what).toEqual(bits(call.result as ArrayLike<number> | number));
    });
  });
});

describe("Python formatting against CPython", () => {
  const f = fixture.format;
  const mismatches = (format: (x: number, i: number) => string | null, expected: (string | null)[]): string[] => {
    const wrong: string[] = [];
    for (let i = 0; i < f.values.length; i++) {
      if (expected[i] === null) continue;
      const got = format(f.values[i], i);
      if (got !== expected[i]) wrong.push(`#${i} ${bits(f.values[i])[0]}: got ${got}, Python ${expected[i]}`);
    }
    return wrong;
  };

  it("core formatPythonFloat equals repr(float)", () => {
    expect(mismatches(formatPythonFloat, f.repr)).toEqual([]);
  });

  it("metrics formatPythonFloat equals repr(float)", () => {
    expect(mismatches(metricsFormatPythonFloat, f.repr)).toEqual([]);
  });

  it('formatFixed(x, N) equals format(x, ".Nf")', () => {
    expect(mismatches((x, i) => formatFixed(x, f.digits[i]!), f.fixed)).toEqual([]);
    expect(f.fixed.filter((s) => s !== null).length).toBeGreaterThan(2500);
  });

  it("formatPythonInt and formatPythonLabel equal str(int(x)) on integral values, repr otherwise", () => {
    expect(mismatches(formatPythonInt, f.int)).toEqual([]);
    const label = f.repr.map((r, i) => (Number.isFinite(f.values[i]) && Number.isInteger(f.values[i]) ? f.int[i] : r));
    expect(mismatches((x) => formatPythonLabel(x), label)).toEqual([]);
    expect(f.int.filter((s) => s !== null).length).toBeGreaterThan(400);
  });
});

describe("typeOfTarget against scikit-learn's type_of_target", () => {
  const site = { estimator: "sweep", method: "typeOfTarget" };
  it.each(fixture.target.map((c) => [c.index, c] as const))("case %i", (_, c) => {
    const y = Array.from(c.y as ArrayLike<string | number>);
    const what = `${c.kind} ${c.dtype} [${y.slice(0, 8).join(", ")}${y.length > 8 ? ", ..." : ""}]`;
    const infer = () => typeOfTarget(toLabels(y, y.length, site));
    if (c.error) expectTabkitError(infer, `${what} (scikit-learn: ${c.error.message})`);
    else expect(infer(), what).toBe(c.result);
  });
});

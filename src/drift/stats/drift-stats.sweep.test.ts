/**
 * Randomized differential sweep: the drift statistics of src/drift/stats against scipy 1.17.1 /
 * numpy 2.4.6 on the seeded cases of `parity/gen_sweep_drift_stats.py`
 * (test/fixtures/drift/sweeps/drift-stats.json). Where the reference is Evidently's formula
 * (normed Wasserstein, z-test, PSI and its empty-bin filling, Hellinger, Bonferroni) the
 * generator replays it with numpy.
 *
 * Tiers are those of stats-parity.test.ts: the K-S statistic exact, every other float within
 * 1e-9 (|a − b| ≤ 1e-9·max(1, |b|)). Integer outputs (degrees of freedom, histogram counts) and
 * numpy's arithmetic that tabkit reproduces operation for operation (Sturges edges, linspace,
 * Bonferroni) are held bit-identical. Where scipy raised, tabkit must throw a DataError or
 * ValidationError. Where scipy returns NaN, tabkit returns NaN or throws a DataError
 * (docs/drift.md: "They raise a DataError ... where scipy would return NaN or a meaningless
 * number"). The worst error per function is printed, not asserted.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ParityTally, readFixture } from "../../../test/helpers/fixtures.js";
import { DataError, ValidationError } from "../../core/errors.js";
import { RandomState } from "../../core/random-state.js";
import { andersonDarling } from "./anderson-darling.js";
import { histogramCounts, linspace, sturgesBinEdges } from "./binning.js";
import { chi2Contingency, chisquare } from "./chi-square.js";
import { hellingerDistance } from "./hellinger.js";
import { jensenShannonDistance } from "./jensen-shannon.js";
import { klDivergence } from "./kl-divergence.js";
import { ks2samp } from "./ks-2samp.js";
import { benjaminiHochberg, bonferroni } from "./multiple-testing.js";
import { fillZeroShares, psi } from "./psi.js";
import { relEntr } from "./rel-entr.js";
import { toSortedSample } from "./sorted-sample.js";
import { populationMoments, wassersteinDistance, wassersteinNormed } from "./wasserstein.js";
import { twoProportionZTest } from "./z-test.js";

type Spec = { values: number[] } | { seed?: number; n: number; kind: "uniform" | "triangular" | "ties" | "cubic" | "const"; k?: number; a: number; b: number };
interface Outcome {
  index: number;
  label?: string;
  error?: { type: string; message: string };
  warnings?: string[];
}
interface PairCase extends Outcome {
  a: Spec;
  b: Spec;
}
interface Fixture {
  seed: number;
  ks: (PairCase & { statistic: number; pvalue: number })[];
  anderson: (PairCase & { statistic: number; pvalue: number })[];
  wasserstein: (PairCase & { distance: number; mean: number; std: number; normed: number; meanScaled?: number; stdScaled?: number })[];
  chisquare: (Outcome & { observed: number[]; expected: number[] | null; ddof: number; statistic: number; pvalue: number })[];
  contingency: (Outcome & { table: number[][]; correction: boolean; statistic: number; pvalue: number; dof: number; expected: number[][] })[];
  ztest: (Outcome & { s1: number; n1: number; s2: number; n2: number; statistic: number | null; pvalue: number })[];
  jensenshannon: (Outcome & { p: number[]; q: number[]; base: number | null; distance: number })[];
  entropy: (Outcome & { p: number[]; q: number[]; entropy: number })[];
  relEntr: { index: number; x: number[]; y: number[]; value: number[] };
  psi: (Outcome & { reference: number[]; current: number[]; filledReference: number[]; filledCurrent: number[]; psi: number; psiRaw: number })[];
  hellinger: (Outcome & { p: number[]; q: number[]; binWidth: number; distance: number })[];
  binning: (Outcome & { a: Spec; b: Spec; integer: boolean; min: number; max: number; size: number; edges: number[]; countsA: number[]; countsB: number[] })[];
  linspace: (Outcome & { start: number; stop: number; num: number; values: number[] })[];
  multipleTesting: (Outcome & { p: number[]; bonferroni: number[] | null; bh: number[] })[];
}

const F = readFixture<Fixture>("drift/sweeps/drift-stats.json");
const TOL = 1e-9;

/** Rebuilds a sample of the generator: t × a + b with the same IEEE operations as numpy. */
function sample(spec: Spec): Float64Array {
  if ("values" in spec) return Float64Array.from(spec.values);
  const { n, kind, a, b } = spec;
  if (kind === "const") return new Float64Array(n).map(() => 0 * a + b);
  const rs = new RandomState(spec.seed!);
  const u = rs.randomSample(n);
  if (kind === "triangular") {
    const v = rs.randomSample(n);
    return u.map((x, i) => (x + v[i]) * a + b);
  }
  if (kind === "ties") return u.map((x) => Math.floor(x * spec.k!) * a + b);
  if (kind === "cubic") return u.map((x) => x * x * x * a + b);
  return u.map((x) => x * a + b);
}

const describeSpec = (s: Spec): string => ("values" in s ? `[${s.values.length} values]` : `${s.kind}${s.kind === "ties" ? `(k=${s.k})` : ""} n=${s.n} a=${s.a} b=${s.b}`);
/**
 * A NaN in a sample is a DataError (sorted-sample.ts; docs/drift.md: a DataError "where scipy
 * would return NaN or a meaningless number"): scipy returns NaN for K-S and Wasserstein but an
 * Anderson-Darling statistic and p-value computed with the NaN sorted last.
 */
const hasNaN = (...samples: Float64Array[]): boolean => samples.some((s) => s.some(Number.isNaN));
const pairName = (c: PairCase): string => `#${c.index} ${c.label}: ${describeSpec(c.a)} vs ${describeSpec(c.b)}`;

/** Where scipy raised, a DataError or ValidationError. */
function expectRefusal(action: () => unknown, c: Outcome): void {
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error, `scipy raised ${c.error?.type}: ${c.error?.message}`).toBeDefined();
  expect(error instanceof DataError || error instanceof ValidationError, String(error)).toBe(true);
}

/**
 * Where scipy's answer holds a NaN, tabkit returns the same NaNs or refuses with a DataError
 * (docs/drift.md). Returns the result, or undefined when tabkit refused.
 */
function nanOrDataError<T>(action: () => T, c: Outcome, refused: number[]): T | undefined {
  try {
    return action();
  } catch (e) {
    expect(e instanceof DataError, String(e)).toBe(true);
    refused.push(c.index);
    return undefined;
  }
}

const tallies = new Map<string, ParityTally>();
const tally = (name: string): ParityTally => {
  if (!tallies.has(name)) tallies.set(name, new ParityTally());
  return tallies.get(name)!;
};
const nanRefusals = new Map<string, number[]>();
const refusals = (name: string): number[] => {
  if (!nanRefusals.has(name)) nanRefusals.set(name, []);
  return nanRefusals.get(name)!;
};

afterAll(() => {
  for (const [name, t] of tallies) console.log(`${name}: ${t}`);
  for (const [name, list] of nanRefusals) if (list.length) console.log(`${name}: DataError in cases ${list.join(", ")}`);
});

describe("ks_2samp (two-sided, method auto)", () => {
  it.each(F.ks.map((c) => [pairName(c), c] as const))("%s", (_, c) => {
    const a = sample(c.a);
    const b = sample(c.b);
    if (Number.isNaN(c.pvalue)) {
      // scipy: NaN for an empty sample (SmallSampleWarning) or a NaN value.
      expectRefusal(() => ks2samp(a, b), c);
      refusals("ks_2samp (scipy NaN)").push(c.index);
      return;
    }
    const r = ks2samp(a, b);
    tally("ks_2samp statistic").compare([r.statistic], [c.statistic], 0, "statistic");
    tally("ks_2samp p-value").compare([r.pValue], [c.pvalue], TOL, "p-value");
    const fellBack = (c.warnings ?? []).some((w) => w.includes("Exact calculation unsuccessful"));
    expect(r.method).toBe(Math.max(a.length, b.length) <= 10000 && !fellBack ? "exact" : "asymp");
  });
});

describe("anderson_ksamp (midrank)", () => {
  it.each(F.anderson.map((c) => [pairName(c), c] as const))("%s", (_, c) => {
    const a = sample(c.a);
    const b = sample(c.b);
    if (c.error) return expectRefusal(() => andersonDarling(a, b), c);
    if (hasNaN(a, b)) {
      expect(() => andersonDarling(a, b)).toThrow(DataError);
      refusals("anderson_ksamp (NaN input, scipy returned a number)").push(c.index);
      return;
    }
    if (Number.isNaN(c.statistic)) {
      // scipy divides by (N − 1)(N − 2)(N − 3) = 0 for N = 3 (docs/drift.md: fewer than 4 values is a DataError).
      expectRefusal(() => andersonDarling(a, b), c);
      refusals("anderson_ksamp (scipy NaN)").push(c.index);
      return;
    }
    const r = andersonDarling(a, b);
    tally("anderson_ksamp statistic").compare([r.statistic], [c.statistic], TOL, "statistic");
    tally("anderson_ksamp p-value").compare([r.pValue], [c.pvalue], TOL, "p-value");
    const capped = (c.warnings ?? []).some((w) => w.includes("p-value capped") || w.includes("p-value floored"));
    expect(r.capped).toBe(capped);
  });
});

describe("wasserstein_distance, np.mean / np.std and Evidently's normed score", () => {
  it.each(F.wasserstein.map((c) => [pairName(c), c] as const))("%s", (_, c) => {
    const a = sample(c.a);
    const b = sample(c.b);
    if (c.error) {
      expectRefusal(() => wassersteinDistance(a, b), c);
      expectRefusal(() => wassersteinNormed(a, b), c);
      return;
    }
    if (Number.isNaN(c.distance)) {
      expectRefusal(() => wassersteinDistance(a, b), c);
      refusals("wasserstein (scipy NaN)").push(c.index);
      return;
    }
    tally("wasserstein_distance").compare([wassersteinDistance(a, b)], [c.distance], TOL, "distance");
    const moments = populationMoments(a);
    // np.mean / np.std overflow (the sum or x² beyond the largest double) where tabkit scales by
    // a power of two instead (docs/drift.md, "Values near the ends of the double range"): compare
    // with numpy on the scaled values, and the normed score with that std.
    if (c.meanScaled !== undefined) tally("np.mean (scaled)").compare([moments.mean], [c.meanScaled], TOL, "mean");
    else tally("np.mean").compare([moments.mean], [c.mean], TOL, "mean");
    if (c.stdScaled !== undefined) {
      tally("np.std (scaled)").compare([moments.std], [c.stdScaled], TOL, "std");
      tally("wasserstein normed (scaled std)").compare([wassersteinNormed(a, b)], [c.distance / Math.max(c.stdScaled, 0.001)], TOL, "normed");
      return;
    }
    tally("np.std").compare([moments.std], [c.std], TOL, "std");
    tally("wasserstein normed").compare([wassersteinNormed(a, b)], [c.normed], TOL, "normed");
  });
});

describe("chisquare (goodness of fit, ddof)", () => {
  const name = (c: Fixture["chisquare"][number]): string => `#${c.index} observed=${JSON.stringify(c.observed)} expected=${JSON.stringify(c.expected)} ddof=${c.ddof}`;
  it.each(F.chisquare.map((c) => [name(c), c] as const))("%s", (_, c) => {
    const run = () => chisquare(c.observed, c.expected ?? undefined, { ddof: c.ddof });
    if (c.error) return expectRefusal(run, c);
    const r = Number.isNaN(c.statistic) || Number.isNaN(c.pvalue) ? nanOrDataError(run, c, refusals("chisquare (scipy NaN)")) : run();
    if (r === undefined) return;
    tally("chisquare").compare([r.statistic, r.pValue], [c.statistic, c.pvalue], TOL, "statistic, p-value");
    expect(r.df).toBe(c.observed.length - 1 - c.ddof);
  });
});

describe("chi2_contingency (Yates with one degree of freedom)", () => {
  const name = (c: Fixture["contingency"][number]): string => `#${c.index} ${JSON.stringify(c.table)} correction=${c.correction}`;
  it.each(F.contingency.map((c) => [name(c), c] as const))("%s", (_, c) => {
    const run = () => chi2Contingency(c.table, { correction: c.correction });
    if (c.error) return expectRefusal(run, c);
    const r = run();
    tally("chi2_contingency").compare([r.statistic, r.pValue], [c.statistic, c.pvalue], TOL, "statistic, p-value");
    tally("chi2_contingency expected").compare(r.expected.flat(), c.expected.flat(), TOL, "expected");
    expect(r.df).toBe(c.dof);
  });
});

describe("two-proportion z-test (Evidently's formula)", () => {
  it.each(F.ztest.map((c) => [`#${c.index} ${c.s1}/${c.n1} vs ${c.s2}/${c.n2}`, c] as const))("%s", (_, c) => {
    const r = twoProportionZTest(c.s1, c.n1, c.s2, c.n2);
    if (c.statistic === null) {
      // Evidently returns p = 1 without a statistic for one shared value on both sides.
      expect(r.pValue).toBe(1);
      return;
    }
    tally("z-test").compare([r.statistic, r.pValue], [c.statistic, c.pvalue], TOL, "z, p-value");
  });
});

describe("distance.jensenshannon", () => {
  it.each(F.jensenshannon.map((c) => [`#${c.index} k=${c.p.length} base=${c.base}`, c] as const))("%s", (_, c) => {
    const run = () => jensenShannonDistance(c.p, c.q, c.base ?? undefined);
    if (c.error) return expectRefusal(run, c);
    const r = Number.isNaN(c.distance) ? nanOrDataError(run, c, refusals("jensenshannon (scipy NaN)")) : run();
    if (r === undefined) return;
    tally("jensenshannon").compare([r], [c.distance], TOL, "distance");
  });
});

describe("entropy (KL divergence) and rel_entr", () => {
  it.each(F.entropy.map((c) => [`#${c.index} p=${JSON.stringify(c.p)} q=${JSON.stringify(c.q)}`, c] as const))("%s", (_, c) => {
    const run = () => klDivergence(c.p, c.q);
    if (c.error) return expectRefusal(run, c);
    const r = Number.isNaN(c.entropy) ? nanOrDataError(run, c, refusals("entropy (scipy NaN)")) : run();
    if (r === undefined) return;
    tally("entropy").compare([r], [c.entropy], TOL, "entropy");
  });

  it(`#${F.relEntr.index} rel_entr on ${F.relEntr.x.length} pairs`, () => {
    const got = F.relEntr.x.map((x, i) => relEntr(x, F.relEntr.y[i]));
    tally("rel_entr").compare(got, F.relEntr.value, TOL, "rel_entr");
  });
});

describe("PSI and Evidently's empty-bin filling", () => {
  it.each(F.psi.map((c) => [`#${c.index} reference=${JSON.stringify(c.reference)} current=${JSON.stringify(c.current)}`, c] as const))("%s", (_, c) => {
    const r = fillZeroShares(c.reference);
    const q = fillZeroShares(c.current);
    tally("fillZeroShares").compare([...r, ...q], [...c.filledReference, ...c.filledCurrent], 0, "filled shares");
    tally("psi").compare([psi(r, q)], [c.psi], TOL, "psi");
    tally("psi (unfilled)").compare([psi(c.reference, c.current)], [c.psiRaw], TOL, "psi without filling");
  });
});

describe("Hellinger distance (Evidently's formula)", () => {
  it.each(F.hellinger.map((c) => [`#${c.index} k=${c.p.length} binWidth=${c.binWidth}`, c] as const))("%s", (_, c) => {
    tally("hellinger").compare([hellingerDistance(c.p, c.q, c.binWidth)], [c.distance], TOL, "distance");
  });
});

describe("histogram_bin_edges('sturges'), histogram and linspace", () => {
  it.each(F.binning.map((c) => [`#${c.index} ${describeSpec(c.a)} vs ${describeSpec(c.b)} integer=${c.integer}`, c] as const))("%s", (_, c) => {
    const a = sample(c.a);
    const b = sample(c.b);
    const run = () => sturgesBinEdges(c.min, c.max, c.size, c.integer);
    if (c.error) {
      // numpy fails on a range wider than the largest double; tabkit bins it in halves
      // (binning.ts, docs/drift.md "Values near the ends of the double range"): finite,
      // increasing edges holding every value.
      expect(c.max - c.min).toBe(Infinity);
      const edges = run();
      expect(Array.from(edges).every((e, i) => Number.isFinite(e) && (i === 0 || e > edges[i - 1]))).toBe(true);
      const total = [...histogramCounts(toSortedSample(a), edges), ...histogramCounts(toSortedSample(b), edges)].reduce((s, v) => s + v, 0);
      expect(total).toBe(a.length + b.length);
      return;
    }
    const edges = run();
    tally("histogram_bin_edges").compare(edges, c.edges, 0, "edges");
    tally("histogram counts").compare([...histogramCounts(toSortedSample(a), edges), ...histogramCounts(toSortedSample(b), edges)], [...c.countsA, ...c.countsB], 0, "counts");
  });

  it.each(F.linspace.map((c) => [`#${c.index} linspace(${c.start}, ${c.stop}, ${c.num})`, c] as const))("%s", (_, c) => {
    tally("linspace").compare(linspace(c.start, c.stop, c.num), c.values, 0, "linspace");
  });
});

describe("Bonferroni and Benjamini-Hochberg (false_discovery_control)", () => {
  it.each(F.multipleTesting.map((c) => [`#${c.index} m=${c.p.length}`, c] as const))("%s", (_, c) => {
    if (c.error) {
      expectRefusal(() => benjaminiHochberg(c.p), c);
      expectRefusal(() => bonferroni(c.p), c);
      return;
    }
    tally("bonferroni").compare(bonferroni(c.p), c.bonferroni!, 0, "bonferroni");
    tally("benjamini-hochberg").compare(benjaminiHochberg(c.p), c.bh, TOL, "bh");
  });
});

import { describe, expect, it } from "vitest";
import { RandomState } from "../../core/random-state.js";
import { expectClose, readFixture } from "../../../test/helpers/fixtures.js";
import { chiSquareSf } from "../special/incomplete-gamma.js";
import { kolmogorovSf } from "../special/kolmogorov.js";
import { normalCdf } from "../special/normal.js";
import { andersonDarling } from "./anderson-darling.js";
import { chi2Contingency, chisquare } from "./chi-square.js";
import { jensenShannonDistance } from "./jensen-shannon.js";
import { klDivergence } from "./kl-divergence.js";
import { linspace } from "./binning.js";
import { relEntr } from "./rel-entr.js";
import { ks2samp } from "./ks-2samp.js";
import { populationMoments, wassersteinDistance } from "./wasserstein.js";
import { twoProportionZTest } from "./z-test.js";

interface Spec {
  seed: number;
  n: number;
  kind: "uniform" | "triangular" | "ties";
  a: number;
  b: number;
}

/** Rebuilds a sample of parity/gen_drift_stats.py from its seed. */
function sample(spec: Spec): Float64Array {
  const rs = new RandomState(spec.seed);
  const u = rs.randomSample(spec.n);
  if (spec.kind === "uniform") return u.map((x) => x * spec.a + spec.b);
  if (spec.kind === "ties") return u.map((x) => Math.floor(x * spec.a) + spec.b);
  const v = rs.randomSample(spec.n);
  return u.map((x, i) => (x + v[i]) * spec.a + spec.b);
}

const F = readFixture<{
  ks: { a: Spec; b: Spec; statistic: number; pvalue: number }[];
  wasserstein: { a: Spec; b: Spec; distance: number; std: number }[];
  anderson: { a: Spec; b: Spec; statistic: number; pvalue: number }[];
  kstwo: { n: number; x: number; sf: number }[];
  chi2sf: { df: number; x: number; sf: number }[];
  normcdf: { z: number; cdf: number }[];
  chisquare: { observed: number[]; expected: number[] | null; statistic: number; pvalue: number }[];
  contingency: { table: number[][]; statistic: number; pvalue: number; dof: number }[];
  jensenshannon: { p: number[]; q: number[]; base: number | null; distance: number }[];
  entropy: { p: number[]; q: number[]; entropy: number }[];
  ztest: { s1: number; n1: number; s2: number; n2: number; z: number; pvalue: number }[];
}>("drift/stats.json");

const TOL = 1e-9;

describe("drift statistics match scipy", () => {
  it("ks_2samp(method='auto') on both sides of the exact/asymptotic switch", () => {
    let worst = 0;
    for (const c of F.ks) {
      const r = ks2samp(sample(c.a), sample(c.b));
      const what = `ks ${c.a.n} vs ${c.b.n}`;
      worst = Math.max(worst, expectClose([r.statistic], [c.statistic], 0, `${what} statistic`));
      worst = Math.max(worst, expectClose([r.pValue], [c.pvalue], TOL, `${what} p-value`));
      expect(r.method).toBe(Math.max(c.a.n, c.b.n) <= 10000 ? "exact" : "asymp");
    }
    console.log(`ks_2samp worst relative error ${worst}`);
  });

  it("kstwo.sf over n and x (every branch of Simard-L'Ecuyer)", () => {
    const got = F.kstwo.map((c) => kolmogorovSf(c.n, c.x));
    console.log(`kstwo.sf worst error ${expectClose(got, F.kstwo.map((c) => c.sf), TOL, "kstwo.sf")}`);
  });

  it("chi2.sf and norm.cdf", () => {
    console.log(`chi2.sf worst error ${expectClose(F.chi2sf.map((c) => chiSquareSf(c.x, c.df)), F.chi2sf.map((c) => c.sf), TOL, "chi2.sf")}`);
    console.log(`norm.cdf worst error ${expectClose(F.normcdf.map((c) => normalCdf(c.z)), F.normcdf.map((c) => c.cdf), TOL, "norm.cdf")}`);
  });

  it("chisquare and chi2_contingency (Yates)", () => {
    for (const c of F.chisquare) {
      const r = chisquare(c.observed, c.expected ?? undefined);
      expectClose([r.statistic, r.pValue], [c.statistic, c.pvalue], TOL, `chisquare ${c.observed}`);
    }
    for (const c of F.contingency) {
      const r = chi2Contingency(c.table);
      expectClose([r.statistic, r.pValue, r.df], [c.statistic, c.pvalue, c.dof], TOL, `chi2_contingency ${JSON.stringify(c.table)}`);
    }
  });

  it("wasserstein_distance and np.std", () => {
    let worst = 0;
    for (const c of F.wasserstein) {
      const a = sample(c.a);
      worst = Math.max(worst, expectClose([wassersteinDistance(a, sample(c.b)), populationMoments(a).std], [c.distance, c.std], TOL, `wasserstein ${c.a.n}`));
    }
    console.log(`wasserstein worst error ${worst}`);
  });

  it("jensenshannon, entropy, anderson_ksamp and the z-test", () => {
    for (const c of F.jensenshannon) expectClose([jensenShannonDistance(c.p, c.q, c.base ?? undefined)], [c.distance], TOL, `js ${c.p}`);
    for (const c of F.entropy) expectClose([klDivergence(c.p, c.q)], [c.entropy], TOL, `entropy ${c.p}`);
    for (const c of F.anderson) {
      const r = andersonDarling(sample(c.a), sample(c.b));
      expectClose([r.statistic, r.pValue], [c.statistic, c.pvalue], TOL, `anderson ${c.a.n} vs ${c.b.n}`);
    }
    for (const c of F.ztest) {
      const r = twoProportionZTest(c.s1, c.n1, c.s2, c.n2);
      expectClose([r.statistic, r.pValue], [c.z, c.pvalue], TOL, `z ${c.s1}/${c.n1}`);
    }
  });

  // Disagreements found by drift-stats.sweep.test.ts (values from scipy 1.17.1 / numpy 2.4.6).
  it("chisquare accepts totals within sqrt(eps) and gives scipy's p-value at zero degrees of freedom", () => {
    // Totals 1.2e-8 apart (relative): scipy's tolerance is sqrt(eps) ≈ 1.49e-8, not 1e-8.
    const close = chisquare([1e8, 1], [1e8 + 1.2, 1]);
    expectClose([close.statistic, close.pValue], [1.4399999898725574e-8, 0.9999042538532701], TOL, "chisquare totals 1.2e-8 apart");
    expect(() => chisquare([1e8, 1], [1e8 + 2, 1])).toThrow(/relative tolerance/);
    // k - 1 - ddof = 0: p = 0 for a positive statistic, NaN for 0; NaN below 0 degrees of freedom.
    expect(chisquare([4, 1], [3.675, 1.325], { ddof: 1 })).toMatchObject({ pValue: 0, df: 0 });
    expect(chisquare([1, 2, 3], [1, 2, 3], { ddof: 2 }).pValue).toBeNaN();
    expect(chisquare([1, 2, 3], [1.5, 2, 2.5], { ddof: 3 }).pValue).toBeNaN();
  });

  it("rel_entr (so entropy and jensenshannon) where x / y underflows, overflows or is near 1", () => {
    expect(relEntr(1e-300, 1e300)).toBe(-1.3815510557964273e-297);
    expect([relEntr(NaN, 1), relEntr(1, NaN), relEntr(NaN, 0)]).toEqual([NaN, NaN, NaN]);
    expectClose([relEntr(1, 1e-320), klDivergence([1, 1], [1, 1e-320])], [736.8272408909739, 367.7204732649271], TOL, "rel_entr overflow");
    // log1p near x = y: the relative error of a tiny divergence stays small.
    const kl = klDivergence([0.5, 0.5], [0.5 + 1e-12, 0.5 - 1e-12]);
    expect(Math.abs(kl - 1.9996929749756055e-24) / 1.9996929749756055e-24).toBeLessThan(1e-6);
  });

  it("linspace with one point is the start, as numpy's", () => {
    expect(Array.from(linspace(0, 1, 1))).toEqual([0]);
  });
});

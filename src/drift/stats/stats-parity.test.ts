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
});

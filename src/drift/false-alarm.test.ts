import { describe, expect, it } from "vitest";
import { RandomState } from "../core/random-state.js";
import { andersonDarling } from "./stats/anderson-darling.js";
import { chi2Contingency, chisquare } from "./stats/chi-square.js";
import { ks2samp } from "./stats/ks-2samp.js";
import { twoProportionZTest } from "./stats/z-test.js";

// Null behaviour: reference and current drawn from the same distribution, so every alarm is
// false. At a 5% level each p-value test should alarm in about 5% of seeded repetitions.
const REPEATS = 400;
const N_REF = 300;
const N_CUR = 200;
const SHARES = [0.4, 0.3, 0.2, 0.1];

function categories(rs: RandomState, n: number, shares: number[]): Float64Array {
  const counts = new Float64Array(shares.length);
  for (let i = 0; i < n; i++) {
    let u = rs.nextDouble();
    let k = 0;
    while (k < shares.length - 1 && u >= shares[k]) u -= shares[k++];
    counts[k]++;
  }
  return counts;
}

function rate(test: (rs: RandomState) => boolean): number {
  const rs = new RandomState(2024);
  let alarms = 0;
  for (let r = 0; r < REPEATS; r++) if (test(rs)) alarms++;
  return alarms / REPEATS;
}

describe("false-alarm rate of the default tests at the 5% level (no drift)", () => {
  // With 400 repeats the binomial standard error at 5% is 1.1 points.
  const within = (value: number) => {
    expect(value).toBeGreaterThanOrEqual(0.02);
    expect(value).toBeLessThanOrEqual(0.08);
  };

  it("K-S (exact p-values), chi-square, z-test and Anderson-Darling", () => {
    const ks = rate((rs) => ks2samp(rs.randomSample(N_REF), rs.randomSample(N_CUR)).pValue <= 0.05);
    // Evidently's chisquare treats the reference shares as exact: calibrated only when the
    // reference is much larger than the current window (here 10x).
    const chi = rate((rs) => {
      const ref = categories(rs, 10 * N_CUR, SHARES);
      const cur = categories(rs, N_CUR, SHARES);
      return chisquare(cur, ref.map((c) => c / 10)).pValue < 0.05;
    });
    const z = rate((rs) => {
      const ref = categories(rs, N_REF, [0.3, 0.7]);
      const cur = categories(rs, N_CUR, [0.3, 0.7]);
      return twoProportionZTest(ref[1], N_REF, cur[1], N_CUR).pValue < 0.05;
    });
    const ad = rate((rs) => andersonDarling(rs.randomSample(N_REF), rs.randomSample(N_CUR)).pValue < 0.05);
    console.log(`false-alarm rates over ${REPEATS} repeats: ks ${ks}, chisquare ${chi}, z ${z}, anderson ${ad}`);
    within(ks);
    expect(chi).toBeGreaterThanOrEqual(0.02);
    expect(chi).toBeLessThanOrEqual(0.1);
    within(z);
    within(ad);
  });

  it("chisquare over-alarms with windows of similar size; the contingency test does not", () => {
    let gof = 0;
    let contingency = 0;
    const rs = new RandomState(7);
    for (let r = 0; r < REPEATS; r++) {
      const ref = categories(rs, N_REF, SHARES);
      const cur = categories(rs, N_CUR, SHARES);
      if (chisquare(cur, ref.map((c) => (c * N_CUR) / N_REF)).pValue < 0.05) gof++;
      if (chi2Contingency([Array.from(ref), Array.from(cur)]).pValue < 0.05) contingency++;
    }
    console.log(`equal-ish windows (${N_REF} vs ${N_CUR}): chisquare ${gof / REPEATS}, chi2Contingency ${contingency / REPEATS}`);
    expect(gof / REPEATS).toBeGreaterThan(0.1);
    within(contingency / REPEATS);
  });
});

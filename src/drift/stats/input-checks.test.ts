import { describe, expect, it } from "vitest";
import { isTabkitError } from "../../core/errors.js";
import { kolmogorovSf, smirnovSf } from "../special/kolmogorov.js";
import { andersonDarling } from "./anderson-darling.js";
import { hellingerDistance } from "./hellinger.js";
import { jensenShannonDistance } from "./jensen-shannon.js";
import { ksPValue } from "./ks-2samp.js";
import { fillZeroShares, psi } from "./psi.js";
import { twoProportionZTest } from "./z-test.js";

const message = (action: () => unknown): string => {
  try {
    const result = action();
    return `returned ${JSON.stringify(result)}`;
  } catch (error) {
    return isTabkitError(error) ? `${error.code}: ${error.message}` : `not a TabkitError: ${String(error)}`;
  }
};

describe("the exported statistics refuse inputs they cannot answer for, instead of a NaN or a wrong number", () => {
  it("andersonDarling needs 4 values in all (scipy returns NaN or fails below)", () => {
    expect(message(() => andersonDarling([1], [2]))).toBe("DATA_ERROR: andersonDarling: the two samples need at least 4 values together, got 2");
    expect(message(() => andersonDarling([1, 2], [3]))).toBe("DATA_ERROR: andersonDarling: the two samples need at least 4 values together, got 3");
    // scipy.stats.anderson_ksamp([[1, 2], [3, 4]]): pvalue 0.07502559142197461.
    expect(andersonDarling([1, 2], [3, 4]).pValue).toBeCloseTo(0.07502559142197461, 12);
  });

  it("ksPValue and the Kolmogorov tails check the statistic and the sample sizes", () => {
    expect(message(() => ksPValue(-0.1, 10, 10))).toBe("DATA_ERROR: ksPValue: the statistic must lie in [0, 1], got -0.1");
    expect(message(() => ksPValue(NaN, 5, 5))).toBe("DATA_ERROR: ksPValue: the statistic must lie in [0, 1], got NaN");
    expect(message(() => ksPValue(1.5, 10, 10))).toBe("DATA_ERROR: ksPValue: the statistic must lie in [0, 1], got 1.5");
    expect(message(() => ksPValue(0.5, 0, 10))).toBe("DATA_ERROR: ksPValue: n1 must be a positive integer, got 0");
    expect(message(() => ksPValue(0.5, 10, 2.5))).toBe("DATA_ERROR: ksPValue: n2 must be a positive integer, got 2.5");
    expect(message(() => kolmogorovSf(10.5, 0.3))).toBe("DATA_ERROR: kolmogorovSf: n must be a positive integer, got 10.5");
    expect(message(() => kolmogorovSf(10, NaN))).toBe("DATA_ERROR: kolmogorovSf: x must be a number, got NaN");
    expect(message(() => smirnovSf(0, 0.3))).toBe("DATA_ERROR: smirnovSf: n must be a positive integer, got 0");
    expect([smirnovSf(5, -0.5), smirnovSf(5, 1.5), kolmogorovSf(5, -1), kolmogorovSf(5, 2)]).toEqual([1, 0, 1, 0]);
  });

  it("distances check their parameters and refuse empty or NaN shares", () => {
    expect(message(() => jensenShannonDistance([0.5, 0.5], [0.2, 0.8], 1))).toBe("VALIDATION_ERROR: jensenShannonDistance: base must be a finite number > 0 other than 1, got 1");
    expect(message(() => jensenShannonDistance([0.5, 0.5], [0.2, 0.8], -2))).toMatch(/^VALIDATION_ERROR: jensenShannonDistance: base must be/);
    expect(jensenShannonDistance([0.5, 0.5], [0.2, 0.8], 2)).toBeCloseTo(jensenShannonDistance([0.5, 0.5], [0.2, 0.8]) / Math.sqrt(Math.LN2), 15);
    expect(message(() => hellingerDistance([0.5, 0.5], [0.2, 0.8], 0))).toBe("VALIDATION_ERROR: hellingerDistance: binWidth must be a finite number > 0, got 0");
    expect(message(() => hellingerDistance([], []))).toBe("DATA_ERROR: hellingerDistance: p and q are empty; they need at least one entry");
    expect(message(() => psi([], []))).toBe("DATA_ERROR: psi: there are no bins; reference and current need at least one");
    expect(message(() => fillZeroShares([NaN, 1]))).toBe("DATA_ERROR: fillZeroShares: share 0 is NaN; shares must be finite and non-negative");
    expect(message(() => fillZeroShares([0.5, -0.1]))).toMatch(/^DATA_ERROR: fillZeroShares: share 1 is -0.1/);
    expect(message(() => twoProportionZTest(1.5, 10, 2, 10))).toBe("DATA_ERROR: twoProportionZTest: successes must be integers between 0 and the sample size (got 1.5/10, 2/10)");
  });
});

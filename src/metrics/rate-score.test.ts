import { describe, expect, it } from "vitest";
import { DataError } from "../core/errors.js";
import { rateScore } from "./rate-score.js";

describe("rateScore", () => {
  it("grades by strict thresholds", () => {
    expect(rateScore(0.95)).toBe("Excellent");
    expect(rateScore(0.9)).toBe("Good");
    expect(rateScore(0.85)).toBe("Good");
    expect(rateScore(0.8)).toBe("Acceptable");
    expect(rateScore(0.75)).toBe("Acceptable");
    expect(rateScore(0.7)).toBe("Weak");
    expect(rateScore(0.61)).toBe("Weak");
    expect(rateScore(0.6)).toBe("Poor");
    expect(rateScore(-0.2)).toBe("Poor");
    expect(rateScore(1)).toBe("Excellent");
  });

  it("refuses NaN instead of grading it", () => {
    expect(() => rateScore(NaN)).toThrow(DataError);
    expect(() => rateScore(NaN)).toThrow(/rateScore: value must be a number; got NaN/);
  });
});

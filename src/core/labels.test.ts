import { describe, expect, it } from "vitest";
import { compareLabels, encodeLabels, toLabels, toTargets } from "./labels.js";
import { compareCodePoints } from "./ordering.js";
import { checkSampleWeight } from "./sample-weight.js";

const site = { estimator: "Clf", method: "fit" };

describe("labels", () => {
  it("sorts classes as numpy does: numbers numerically, strings by code point", () => {
    expect(encodeLabels([10, 2, 2, -1]).classes).toEqual([-1, 2, 10]);
    expect(encodeLabels(["b", "B", "a", "é", "😀", "\uffff"]).classes).toEqual(["B", "a", "b", "é", "\uffff", "😀"]);
    expect(Array.from(encodeLabels(["y", "n", "y"]).codes)).toEqual([1, 0, 1]);
    expect(compareLabels(2, 10)).toBeLessThan(0);
    expect(compareCodePoints("\uffff", "😀")).toBeLessThan(0);
  });

  it("rejects missing, mixed and mis-sized targets naming the row", () => {
    expect(() => toLabels([1, null], 2, site)).toThrow("Clf.fit: y has a missing value (NaN/null); drop or fill missing targets first (row 1)");
    expect(() => toLabels([1, "a"], 2, site)).toThrow(/mixes numbers and strings/);
    expect(() => toLabels([1], 2, site)).toThrow("y has 1 values but X has 2 rows");
    expect(() => toTargets([1, NaN], 2, site)).toThrow(/row 1/);
  });

  it("quotes text in messages, so that a string is not taken for the number it spells", () => {
    expect(() => toTargets([1, "0"], 2, site)).toThrow('y value "0" is not a finite number');
    expect(() => checkSampleWeight([1, "1" as unknown as number], 2, "Clf", "fit")).toThrow('sampleWeight value "1" (row 1)');
  });
});

import { describe, expect, it } from "vitest";
import { formatFixed, formatPythonFloat } from "./python-format.js";

// Expected strings printed by CPython 3.11: format(x, ".Nf") and str(x).
describe("formatFixed matches Python's format(x, '.Nf')", () => {
  const cases: [number, string, string, string][] = [
    [0.125, "0.12", "0", "0.1250"],
    [0.375, "0.38", "0", "0.3750"],
    [2.5, "2.50", "2", "2.5000"],
    [0.005, "0.01", "0", "0.0050"],
    [1.005, "1.00", "1", "1.0050"],
    [0.015, "0.01", "0", "0.0150"],
    [-0.001, "-0.00", "-0", "-0.0010"],
    [-0, "-0.00", "-0", "-0.0000"],
    [1e-7, "0.00", "0", "0.0000"],
    [123456.785, "123456.79", "123457", "123456.7850"],
    [0.9999999, "1.00", "1", "1.0000"],
    [2.675, "2.67", "3", "2.6750"],
  ];
  for (const [x, two, zero, four] of cases) {
    it(String(x), () => {
      expect(formatFixed(x, 2)).toBe(two);
      expect(formatFixed(x, 0)).toBe(zero);
      expect(formatFixed(x, 4)).toBe(four);
    });
  }
  it("NaN and infinities", () => {
    expect(formatFixed(NaN, 2)).toBe("nan");
    expect(formatFixed(Infinity, 2)).toBe("inf");
    expect(formatFixed(-Infinity, 2)).toBe("-inf");
  });
});

describe("formatPythonFloat matches Python's str(float)", () => {
  const cases: [number, string][] = [
    [1, "1.0"],
    [0.1, "0.1"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [1e15, "1000000000000000.0"],
    [1e16, "1e+16"],
    [-0, "-0.0"],
    [123.456, "123.456"],
    [3.5e-10, "3.5e-10"],
    [1.5e300, "1.5e+300"],
    [1.2345678901234568e16, "1.2345678901234568e+16"],
    [0.5, "0.5"],
    [100, "100.0"],
  ];
  for (const [x, text] of cases) it(text, () => expect(formatPythonFloat(x)).toBe(text));
});

import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { formatPython, formatPythonFloat, formatPythonInt, formatPythonLabel } from "./python-format.js";

interface Entry {
  value: number | boolean | null;
  str: string;
}
const fixture = readFixture<{ floats: Entry[]; ints: Entry[]; others: Entry[] }>("preprocessing/encoders/python-format.json");

describe("formatPythonFloat", () => {
  it("matches Python's str(float) on every fixture value", () => {
    const wrong = fixture.floats.filter((e) => formatPythonFloat(e.value as number) !== e.str).map((e) => `${e.value} -> ${formatPythonFloat(e.value as number)} (Python ${e.str})`);
    expect(wrong).toEqual([]);
    expect(fixture.floats.length).toBeGreaterThan(200);
  });

  it("switches to scientific notation outside [1e-4, 1e16)", () => {
    expect(formatPythonFloat(1)).toBe("1.0");
    expect(formatPythonFloat(1e-5)).toBe("1e-05");
    expect(formatPythonFloat(0.0001)).toBe("0.0001");
    expect(formatPythonFloat(1e15)).toBe("1000000000000000.0");
    expect(formatPythonFloat(1e16)).toBe("1e+16");
    expect(formatPythonFloat(-0)).toBe("-0.0");
    expect(formatPythonFloat(1.5e300)).toBe("1.5e+300");
  });
});

describe("formatPythonInt and formatPythonLabel", () => {
  it("matches Python's str(int)", () => {
    for (const e of fixture.ints) expect(formatPythonInt(e.value as number)).toBe(e.str);
    expect(formatPythonInt(-0)).toBe("0");
    expect(() => formatPythonInt(1.5)).toThrow(RangeError);
  });

  it("prints integral labels as integers and others as floats", () => {
    expect(formatPythonLabel(3)).toBe("3");
    expect(formatPythonLabel(2.5)).toBe("2.5");
    expect(formatPythonLabel("médio")).toBe("médio");
  });
});

describe("formatPython", () => {
  it("prints booleans and None as Python does", () => {
    for (const e of fixture.others) expect(formatPython(e.value)).toBe(e.str);
    expect(formatPython("a b")).toBe("a b");
    expect(formatPython(7)).toBe("7.0");
  });
});

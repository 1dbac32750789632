import { describe, expect, it } from "vitest";
import { typeOfTarget } from "./type-of-target.js";

describe("typeOfTarget", () => {
  it("follows scikit-learn's type_of_target for 1-D targets", () => {
    expect(typeOfTarget([0, 1, 1, 0])).toBe("binary");
    expect(typeOfTarget(["sim"])).toBe("binary");
    expect(typeOfTarget(["a", "b", "c"])).toBe("multiclass");
    expect(typeOfTarget([3, 7, 12])).toBe("multiclass");
    expect(typeOfTarget([1, 2, 2.5])).toBe("continuous");
    expect(typeOfTarget([0.5, 0.5])).toBe("continuous");
  });

  // Found by src/core/core.sweep.test.ts: scikit-learn 1.9.1 on x86-64 (float y cast to int64).
  it("counts whole numbers outside [-2^63, 2^63) as non-integral, as scikit-learn does", () => {
    expect(typeOfTarget([2 ** 63, 0])).toBe("continuous");
    expect(typeOfTarget([1e300, 0])).toBe("continuous");
    expect(typeOfTarget([-(2 ** 63) - 2048, 0])).toBe("continuous");
    expect(typeOfTarget([-(2 ** 63), 0])).toBe("binary");
    expect(typeOfTarget([2 ** 62, 2 ** 53, 3])).toBe("multiclass");
  });
});

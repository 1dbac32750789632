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
});

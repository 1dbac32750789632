import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "./base64.js";

describe("base64", () => {
  it("matches Node's encoder and round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString("base64"));
        expect(Array.from(decodeBase64(text)!)).toEqual(Array.from(bytes));
      }),
    );
  });

  it("refuses text that is not base64", () => {
    for (const bad of ["abc", "ab=c", "a$cd", "é123", "=AAA"]) expect(decodeBase64(bad)).toBeUndefined();
  });
});

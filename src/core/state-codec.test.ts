import { describe, expect, it } from "vitest";
import { SerializationError } from "./errors.js";
import { decodeNumber, encodeFloat64Array, encodeInt32Array, encodeNumber, StateReader } from "./state-codec.js";

describe("state codec", () => {
  it("keeps NaN, infinities and -0 exactly, in arrays and scalars", () => {
    const values = new Float64Array([NaN, Infinity, -Infinity, -0, 1e-310, 0.1]);
    const reader = new StateReader(JSON.parse(JSON.stringify({ v: encodeFloat64Array(values) })), "s");
    const back = reader.f64("v");
    values.forEach((v, i) => expect(Object.is(back[i], v)).toBe(true));
    for (const v of [NaN, Infinity, -Infinity, -0, 3]) expect(Object.is(decodeNumber(JSON.parse(JSON.stringify(encodeNumber(v)))), v)).toBe(true);
  });

  it("checks lengths, ranges, finiteness and types with the path in the message", () => {
    const reader = new StateReader({ a: encodeInt32Array(new Int32Array([1, 5])), f: encodeFloat64Array(new Float64Array([NaN])), s: 3 }, "Kind.state");
    expect(() => reader.i32("a", { length: 3 })).toThrow("Kind.state.a must have 3 elements, has 2");
    expect(() => reader.i32("a", { max: 4 })).toThrow("Kind.state.a[1] must be within");
    expect(() => reader.f64("f", { finite: true })).toThrow(SerializationError);
    expect(() => reader.string("s")).toThrow("Kind.state.s must be a string");
    expect(() => reader.raw("missing")).toThrow("Kind.state.missing is missing");
    expect(() => new StateReader({ v: { $f64: "AAA" } }, "x").f64("v")).toThrow("not valid base64");
    expect(() => new StateReader({ v: { $f64: "AAAA" } }, "x").f64("v")).toThrow("not a whole number");
  });
});

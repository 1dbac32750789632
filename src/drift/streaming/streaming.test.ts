import { describe, expect, it } from "vitest";
import { isTabkitError } from "../../core/errors.js";
import { RandomState } from "../../core/random-state.js";
import { ADWIN } from "./adwin.js";
import { DDM } from "./ddm.js";
import { PageHinkley } from "./page-hinkley.js";
import type { StreamDetector } from "./stream-detector.js";
import { thrown as message } from "../../../test/helpers/thrown.js";

/** Uniform noise around `mean` for n steps, then around `after`. */
function stream(seed: number, n: number, mean: number, after: number, changeAt: number): Float64Array {
  const rs = new RandomState(seed);
  return Float64Array.from({ length: n }, (_, i) => (i < changeAt ? mean : after) + rs.nextDouble() - 0.5);
}

function detections(detector: StreamDetector, values: ArrayLike<number>): number[] {
  const at: number[] = [];
  for (let i = 0; i < values.length; i++) if (detector.update(values[i])) at.push(i);
  return at;
}

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isTabkitError(error) ? error.code : "not a TabkitError";
  }
  return undefined;
}


describe("streaming detectors", () => {
  it("ADWIN finds a mean shift soon after it happens and stays quiet on a stationary stream", () => {
    const quiet = detections(new ADWIN(), stream(1, 5000, 0, 0, 5000));
    expect(quiet).toEqual([]);
    const adwin = new ADWIN();
    const found = detections(adwin, stream(2, 4000, 0, 0.5, 2000));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toBeGreaterThanOrEqual(2000);
    expect(found[0]).toBeLessThan(2200);
    expect(adwin.estimation).toBeGreaterThan(0.4);
    expect(adwin.width).toBeLessThan(2100);
  });

  it("Page-Hinkley finds an upward shift and resets after it", () => {
    const ph = new PageHinkley({ threshold: 20 });
    expect(detections(ph, stream(3, 2000, 0, 0, 2000))).toEqual([]);
    ph.reset();
    const found = detections(ph, stream(4, 3000, 0, 1, 1000));
    expect(found[0]).toBeGreaterThanOrEqual(1000);
    expect(found[0]).toBeLessThan(1100);
    const down = detections(new PageHinkley({ threshold: 20, mode: "up" }), stream(5, 3000, 1, 0, 1000));
    expect(down).toEqual([]);
  });

  it("DDM warns and then detects a rising error rate", () => {
    const rs = new RandomState(6);
    // A longer warm start than river's 30 keeps an early lucky run from setting a too-low minimum.
    const ddm = new DDM({ warmStart: 200 });
    const errors = Float64Array.from({ length: 3000 }, (_, i) => (rs.nextDouble() < (i < 1500 ? 0.1 : 0.35) ? 1 : 0));
    let warned = -1;
    let drift = -1;
    for (let i = 0; i < errors.length && drift < 0; i++) {
      if (ddm.update(errors[i])) drift = i;
      else if (ddm.warningDetected && warned < 0) warned = i;
    }
    expect(drift).toBeGreaterThan(1500);
    expect(drift).toBeLessThan(1800);
    expect(warned).toBeGreaterThan(0);
    expect(warned).toBeLessThanOrEqual(drift);
  });

  it("round-trips through JSON mid-stream and then behaves identically", () => {
    const values = stream(7, 3000, 0, 0.6, 1500);
    const errors = values.map((v) => (v > 0.3 ? 1 : 0));
    const cases: [StreamDetector, (json: unknown) => StreamDetector, Float64Array][] = [
      [new ADWIN(), ADWIN.fromJSON, values],
      [new PageHinkley({ threshold: 10 }), PageHinkley.fromJSON, values],
      [new DDM(), DDM.fromJSON, errors],
    ];
    for (const [detector, fromJSON, data] of cases) {
      detections(detector, data.subarray(0, 1000));
      const text = JSON.stringify(detector.toJSON());
      const copy = fromJSON(text);
      expect(JSON.stringify(copy.toJSON())).toBe(text);
      expect(detections(copy, data.subarray(1000))).toEqual(detections(detector, data.subarray(1000)));
    }
  });

  it("rejects bad values, bad params and bad documents with clear errors", () => {
    expect(errorCode(() => new ADWIN().update(NaN))).toBe("DATA_ERROR");
    expect(errorCode(() => new DDM().update(0.5))).toBe("DATA_ERROR");
    expect(errorCode(() => new ADWIN({ delta: 0 }))).toBe("VALIDATION_ERROR");
    expect(errorCode(() => new PageHinkley({ mode: "sideways" as never }))).toBe("VALIDATION_ERROR");
    const json = new ADWIN().toJSON();
    expect(errorCode(() => ADWIN.fromJSON("{"))).toBe("SERIALIZATION_ERROR");
    expect(errorCode(() => ADWIN.fromJSON({ ...json, kind: "DDM" }))).toBe("SERIALIZATION_ERROR");
    expect(errorCode(() => ADWIN.fromJSON({ ...json, schemaVersion: 2 }))).toBe("SERIALIZATION_ERROR");
    expect(errorCode(() => ADWIN.fromJSON(JSON.parse(JSON.stringify(json).replace('"state":{', '"state":{"__proto__":{"x":1},'))))).toBe("SERIALIZATION_ERROR");
    expect(errorCode(() => ADWIN.fromJSON({ ...json, state: { ...json.state, width: 3 } }))).toBe("SERIALIZATION_ERROR");
  });

  it("refuses values beyond ±1e100, so huge inputs cannot break the state or its document", () => {
    const data = stream(4, 600, 0, 3, 300);
    for (const [kind, make, fromJSON] of [
      ["PageHinkley", () => new PageHinkley(), PageHinkley.fromJSON],
      ["ADWIN", () => new ADWIN(), ADWIN.fromJSON],
    ] as const) {
      const detector = make();
      for (const huge of [1.7e308, -1.7e308, 1e160, 1.0000001e100]) {
        expect(message(() => detector.update(huge))).toBe(`DATA_ERROR: ${kind}.update: the value must be a finite number within ±1e+100, got ${huge}`);
      }
      // The bound itself is accepted, and the state stays usable and loadable afterwards.
      for (let i = 0; i < 500; i++) detector.update(i % 2 === 0 ? 1e100 : -1e100);
      const copy = fromJSON(JSON.stringify(detector.toJSON()));
      expect(JSON.stringify(copy.toJSON())).toBe(JSON.stringify(detector.toJSON()));
      detector.reset();
      expect(detections(detector, data).length, kind).toBeGreaterThan(0);
    }
  });

  it("says what DDM and PageHinkley accept, takes booleans in DDM, and refuses unknown options", () => {
    expect(message(() => new DDM().update(2))).toBe("DATA_ERROR: DDM.update: the value must be 0 or 1 (or false or true), got 2");
    expect(message(() => new PageHinkley({ mode: "sideways" as never }))).toBe('VALIDATION_ERROR: PageHinkley: invalid parameters: mode: must be one of "up", "down", "both", got "sideways"');
    const booleans = new DDM();
    const numbers = new DDM();
    const outcomes = Array.from(stream(6, 400, 0.1, 0.6, 200), (v) => v > 0.3);
    expect(outcomes.map((o) => booleans.update(o))).toEqual(outcomes.map((o) => numbers.update(o ? 1 : 0)));
    expect(booleans.toJSON()).toEqual(numbers.toJSON());
    for (const [kind, make] of [
      ["ADWIN", () => new ADWIN({ deltaa: 0.01 } as never)],
      ["PageHinkley", () => new PageHinkley({ deltaa: 0.01 } as never)],
      ["DDM", () => new DDM({ deltaa: 0.01 } as never)],
    ] as const) {
      expect(message(make)).toMatch(new RegExp(`^VALIDATION_ERROR: ${kind}: invalid parameters: deltaa: unknown parameter`));
    }
    expect(message(() => new DDM({ warningThreshold: 3, driftThreshold: 2 }))).toMatch(/^VALIDATION_ERROR: DDM: invalid parameters: driftThreshold: must be >= warningThreshold/);
  });
});

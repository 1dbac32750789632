/**
 * Randomized differential sweep: ADWIN, PageHinkley and DDM against river 0.26.1 on the seeded
 * streams of `parity/gen_sweep_river.py` (test/fixtures/drift/sweeps/streaming-river.json), under
 * river's defaults and random valid parameters. Detection (and DDM warning) indices must be
 * identical; ADWIN's end state (width exact; total, variance and estimation within 1e-12
 * relative) must match too.
 *
 * ADWIN is checked twice. river.drift.ADWIN starts afresh on the update after a detection; tabkit's
 * ADWIN keeps the shrunk window (the classic ADWIN), so it is compared with river's ADWIN core
 * without that reset (`core`: river._river_rust.drift.AdaptiveWindowing), and, reset by the caller
 * after each detection, with river.drift.ADWIN itself (`river`). Where river's variance (sum of
 * squared deviations) has gone below 0 by rounding, tabkit's must be exactly 0 (it clamps).
 */
import { describe, expect, it } from "vitest";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { ADWIN, type AdwinParams } from "./adwin.js";
import { DDM, type DdmParams } from "./ddm.js";
import { PageHinkley, type PageHinkleyParams } from "./page-hinkley.js";

interface Stored {
  q: string;
  e: number;
}
interface AdwinEnd {
  detections: number[];
  width: number;
  total: number;
  variance: number;
  estimation: number;
}
interface Fixture {
  river: string;
  adwin: { index: number; label: string; values: Stored; params: Partial<AdwinParams>; river: AdwinEnd; core: AdwinEnd }[];
  pageHinkley: { index: number; label: string; values: Stored; params: Partial<PageHinkleyParams>; detections: number[] }[];
  ddm: { index: number; label: string; errors: string; params: Partial<DdmParams>; detections: number[]; warnings: number[] }[];
}

const fixture = readFixture<Fixture>("drift/sweeps/streaming-river.json");

/** value = q * 2^e, q little-endian int16: exact on both sides. */
function decode({ q, e }: Stored): Float64Array {
  const bytes = Buffer.from(q, "base64");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 2 }, (_, i) => view.getInt16(2 * i, true) * 2 ** e);
}

function expectRelative(got: number, want: number, what: string): void {
  if (got !== want && !(Math.abs(got - want) <= 1e-12 * Math.abs(want))) {
    throw new Error(`${what}: got ${got}, expected ${want} (relative error ${Math.abs(got - want) / Math.abs(want)})`);
  }
}

/** Feeds every value; `resetAfterDetection` starts afresh on the update after a detection, as river.drift.ADWIN does. */
function runAdwin(params: Partial<AdwinParams>, values: Float64Array, resetAfterDetection: boolean): { adwin: ADWIN; detections: number[] } {
  const adwin = new ADWIN(params);
  const detections: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (resetAfterDetection && adwin.driftDetected) adwin.reset();
    if (adwin.update(values[i])) detections.push(i);
  }
  return { adwin, detections };
}

function expectEnd(adwin: ADWIN, detections: number[], want: AdwinEnd): void {
  expect(detections).toEqual(want.detections);
  expect(adwin.width).toBe(want.width);
  const state = adwin.toJSON().state as { total: number; variance: number };
  expectRelative(state.total, want.total, "total");
  // river lets the variance fall below 0 by rounding when the oldest bucket is dropped; tabkit
  // clamps it at 0 (adwin.ts dropOldest; fromJSON refuses a negative variance).
  if (want.variance < 0) expect(state.variance).toBe(0);
  else expectRelative(state.variance, want.variance, "variance");
  expectRelative(adwin.estimation, want.estimation, "estimation");
}

const show = (params: object) => JSON.stringify(params);

describe(`streaming detectors against river ${fixture.river}`, () => {
  it("has cases for every detector", () => {
    expect(fixture.adwin.length).toBeGreaterThanOrEqual(40);
    expect(fixture.pageHinkley.length).toBeGreaterThanOrEqual(40);
    expect(fixture.ddm.length).toBeGreaterThanOrEqual(40);
    // The sweep must exercise detections, not only quiet streams.
    expect(fixture.adwin.filter((c) => c.core.detections.length > 1).length).toBeGreaterThan(10);
    expect(fixture.pageHinkley.filter((c) => c.detections.length > 0).length).toBeGreaterThan(10);
    expect(fixture.ddm.filter((c) => c.warnings.length > 0 && c.detections.length > 0).length).toBeGreaterThan(10);
  });

  for (const c of fixture.adwin) {
    it(`ADWIN #${c.index} ${c.label} ${show(c.params)}`, () => {
      const values = decode(c.values);
      const plain = runAdwin(c.params, values, false);
      expectEnd(plain.adwin, plain.detections, c.core);
      const reset = runAdwin(c.params, values, true);
      expectEnd(reset.adwin, reset.detections, c.river);
    });
  }

  for (const c of fixture.pageHinkley) {
    it(`PageHinkley #${c.index} ${c.label} ${show(c.params)}`, () => {
      const values = decode(c.values);
      const ph = new PageHinkley(c.params);
      const detections: number[] = [];
      for (let i = 0; i < values.length; i++) if (ph.update(values[i])) detections.push(i);
      expect(detections).toEqual(c.detections);
    });
  }

  for (const c of fixture.ddm) {
    it(`DDM #${c.index} ${c.label} ${show(c.params)}`, () => {
      const ddm = new DDM(c.params);
      const detections: number[] = [];
      const warnings: number[] = [];
      for (let i = 0; i < c.errors.length; i++) {
        if (ddm.update(c.errors[i] === "1" ? 1 : 0)) detections.push(i);
        if (ddm.warningDetected) warnings.push(i);
      }
      expect(detections).toEqual(c.detections);
      expect(warnings).toEqual(c.warnings);
    });
  }
});

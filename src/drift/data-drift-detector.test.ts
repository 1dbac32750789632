import { describe, expect, it } from "vitest";
import { Frame } from "../core/frame.js";
import { RandomState } from "../core/random-state.js";
import { loadModel } from "../load-model.js";
import { DataDriftDetector } from "./data-drift-detector.js";
import { ks2samp } from "./stats/ks-2samp.js";
import { wassersteinDistance } from "./stats/wasserstein.js";
import { thrown as code } from "../../test/helpers/thrown.js";

const rs = new RandomState(3);
const n = 400;
const reference = Frame.fromColumns({
  x: rs.randomSample(n),
  city: Array.from(rs.randomSample(n), (u) => (u < 0.5 ? "Lisboa" : u < 0.8 ? "Porto" : "Faro")),
  flag: Array.from(rs.randomSample(n), (u) => (u < 0.3 ? 1 : 0)),
});
const current = Frame.fromColumns({
  x: rs.randomSample(n).map((u) => u + 0.3),
  city: Array.from(rs.randomSample(n), (u) => (u < 0.2 ? "Lisboa" : u < 0.5 ? "Porto" : u < 0.9 ? "Faro" : "Itália")),
  flag: reference.numeric("flag").slice().reverse(),
});


describe("DataDriftDetector", () => {
  it("reports method, score, threshold, verdict and histograms per column, and the dataset verdict", () => {
    const report = new DataDriftDetector().fit(reference).evaluate(current);
    const byName = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byName.x).toMatchObject({ method: "ks", type: "numerical", status: "tested", drift: true, threshold: 0.05 });
    expect(byName.city).toMatchObject({ method: "chisquare", type: "categorical", drift: true, unseenCategories: ["Itália"] });
    expect(byName.city.note).toContain('"Itália"');
    expect(byName.flag).toMatchObject({ method: "z", type: "categorical", drift: false });
    expect(report.nDrifted).toBe(2);
    expect(report.shareDrifted).toBeCloseTo(2 / 3);
    expect(report.datasetDrift).toBe(true);
    expect(byName.x.histogram!.edges).toHaveLength(11);
    expect(byName.x.histogram!.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(byName.city.histogram!.categories).toContain("Itália");
  });

  it("round-trips through toJSON and loadModel to identical reports", () => {
    const detector = new DataDriftDetector({ target: "flag", correction: "fdr" }).fit(reference);
    const text = JSON.stringify(detector.toJSON());
    const loaded = loadModel(text) as DataDriftDetector;
    expect(JSON.stringify(loaded.toJSON())).toBe(text);
    expect(JSON.stringify(loaded.evaluate(current))).toBe(JSON.stringify(detector.evaluate(current)));
    expect(loaded.evaluate(current).targetDrift?.column).toBe("flag");
    expect(loaded.evaluate(current).columns[0].column).toBe("flag");
  });

  it("does not mutate inputs, forgets a previous fit, and needs fit first", () => {
    const before = JSON.stringify(reference.toRecords());
    const once = new DataDriftDetector().fit(reference);
    const twice = new DataDriftDetector().fit(current).fit(reference);
    expect(JSON.stringify(twice.evaluate(current))).toBe(JSON.stringify(once.evaluate(current)));
    expect(JSON.stringify(reference.toRecords())).toBe(before);
    expect(code(() => new DataDriftDetector().evaluate(current))).toMatch(/^NOT_FITTED: DataDriftDetector.evaluate/);
  });

  it("gives an explicit status, never a NaN verdict, for columns it cannot test", () => {
    const ref = Frame.fromColumns({
      a: [1.5, 2.5, 3.5, 4.5, 5.5, 6.5],
      gone: [1, 2, 3, 4, 5, 6],
      kind: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
      empty: [NaN, NaN, NaN, NaN, NaN, NaN],
      holes: [1.1, 2.2, 3.3, 4.4, 5.5, 6.6],
      same: ["x", "x", "x", "x", "x", "x"],
    });
    const cur = Frame.fromColumns({
      a: [1.5, 2.5, Infinity, -Infinity, 5.5, NaN],
      kind: ["low", "low", "high", "high", "low", "low"],
      empty: [1, 2, 3, 4, 5, 6],
      holes: [NaN, NaN, NaN, NaN, NaN, NaN],
      same: ["x", "x", "x", "x", "x", "x"],
      extra: [1, 2, 3, 4, 5, 6],
    });
    const report = new DataDriftDetector({ minRows: 3, catMethod: "chisquare" }).fit(ref).evaluate(cur);
    const status = Object.fromEntries(report.columns.map((c) => [c.column, c.status]));
    expect(status).toEqual({ a: "tested", gone: "missing_column", kind: "kind_changed", empty: "empty_reference", holes: "empty_current", same: "constant" });
    const a = report.columns.find((c) => c.column === "a")!;
    expect(a.current).toEqual({ rows: 3, missing: 1, nonFinite: 2 });
    const same = report.columns.find((c) => c.column === "same")!;
    expect(same).toMatchObject({ score: 1, drift: false, method: "chisquare" });
    for (const c of report.columns) {
      if (c.status !== "tested" && c.status !== "constant") expect(c).toMatchObject({ score: null, drift: null });
      else expect(Number.isFinite(c.score)).toBe(true);
    }
    expect(report.nTested).toBe(2);
    expect(report.newColumns).toEqual(["extra"]);
    const tiny = new DataDriftDetector().fit(ref.select(["a"])).evaluate(cur.select(["a"]));
    expect(tiny.columns[0]).toMatchObject({ status: "too_few_rows", drift: null });
    expect(tiny.datasetDrift).toBe(false);
    const none = new DataDriftDetector().fit(ref.select(["a"])).evaluate(cur.select(["a"]).takeRows([]));
    expect(none.columns[0].status).toBe("empty_current");
  });

  it("reports an all-missing or empty window as empty, whatever kind its column got", () => {
    const letters = Frame.fromColumns({ c: Array.from({ length: 100 }, (_, i) => "xyz"[i % 3]) });
    const nulls = Frame.fromColumns({ c: Array<string | null>(50).fill(null) });
    const forced = new DataDriftDetector({ columnTypes: { c: "categorical" } });
    expect(forced.fit(letters).evaluate(nulls).columns[0]).toMatchObject({ status: "empty_current", current: { rows: 0, missing: 50, nonFinite: 0 } });
    expect(forced.fit(letters).evaluate(letters.takeRows([])).columns[0].status).toBe("empty_current");
    expect(forced.fit(nulls).evaluate(letters).columns[0]).toMatchObject({ status: "empty_reference", current: { rows: 100 } });
  });

  it("counts current categories the reference never had as unseen, also beyond categoryCap", () => {
    const k = 2000;
    const ref = Frame.fromColumns({ s: Array.from({ length: 2 * k }, (_, i) => `id${i % k}`) });
    const cur = Frame.fromColumns({ s: Array.from({ length: 2 * k }, (_, i) => `id${(i % k) + k / 2}`) });
    const chi = new DataDriftDetector({ method: "chisquare" }).fit(ref);
    const column = chi.evaluate(cur).columns[0];
    // scipy on the full data: p = 0 (1000 unseen categories); Jensen-Shannon 0.5887.
    expect(column).toMatchObject({ score: 0, drift: true, exact: false, unseenCount: 1000 });
    expect(column.unseenCategories).toHaveLength(20);
    expect(column.unseenCategories.every((c) => Number(c.slice(2)) >= k)).toBe(true);
    expect(column.note).toMatch(/^1000 categories unseen in the reference: "id\d+".* and 980 more; approximate/);
    const js = new DataDriftDetector({ method: "jensenshannon" }).fit(ref).evaluate(cur).columns[0];
    expect(js.score).toBeGreaterThan(0.5);
    expect(new DataDriftDetector({ method: "psi" }).fit(ref).evaluate(cur).columns[0]).toMatchObject({ drift: true, unseenCount: 1000 });
    const loaded = loadModel(JSON.stringify(chi.toJSON())) as DataDriftDetector;
    expect(JSON.stringify(loaded.evaluate(cur))).toBe(JSON.stringify(chi.evaluate(cur)));
    // The reference's own pooled categories are never taken for unseen ones.
    expect(chi.evaluate(ref).columns[0]).toMatchObject({ unseenCount: 0, drift: false });
  });

  it("refuses bad input with clear errors", () => {
    expect(code(() => new DataDriftDetector().fit(reference.takeRows([])))).toMatch(/^DATA_ERROR: DataDriftDetector.fit: the reference has 0 rows/);
    expect(code(() => new DataDriftDetector({ perColumnMethod: { city: "ks" } }).fit(reference))).toMatch(/^DATA_ERROR: .*method "ks" only applies to numerical columns.*column "city"/);
    expect(code(() => new DataDriftDetector({ perColumnMethod: { nope: "ks" } }).fit(reference))).toMatch(/^VALIDATION_ERROR: .*"nope"/);
    // Evidently refuses chisquare and z named for a numerical column (StatTestInvalidFeatureTypeError),
    // although its default applies them to numerical columns with at most 5 distinct values.
    expect(code(() => new DataDriftDetector({ numMethod: "chisquare" }).fit(reference))).toMatch(/^DATA_ERROR: .*method "chisquare" only applies to categorical columns.*column "x"/);
    expect(code(() => new DataDriftDetector({ perColumnMethod: { x: "z" } }).fit(reference))).toMatch(/^DATA_ERROR: .*method "z" only applies to categorical columns/);
    const few = Frame.fromColumns({ v: Array.from({ length: 200 }, (_, i) => (i % 4) + 0.5) });
    expect(new DataDriftDetector().fit(few).evaluate(few).columns[0]).toMatchObject({ type: "numerical", method: "chisquare" });
    expect(code(() => new DataDriftDetector({ columns: ["x", "zz"] }).fit(reference))).toMatch(/^DATA_ERROR: .*no column "zz"/);
    expect(code(() => new DataDriftDetector({ method: "t_test" as never }))).toMatch(/^VALIDATION_ERROR/);
    expect(code(() => new DataDriftDetector().fit(null as never))).toMatch(/^DATA_ERROR/);
  });

  it("refuses thresholds above 1 for p-value tests, repeated columns, one column in two roles and reserved keys", () => {
    expect(code(() => new DataDriftDetector({ threshold: 2 }).fit(reference))).toMatch(
      /^VALIDATION_ERROR: DataDriftDetector.fit: threshold is 2, but column "x" is tested with the default method \(a p-value test for a reference of 400 values\), whose p-values lie in \[0, 1\]/,
    );
    expect(code(() => new DataDriftDetector({ catThreshold: 5, catMethod: "chisquare" }).fit(reference))).toMatch(/^VALIDATION_ERROR: DataDriftDetector.fit: catThreshold is 5, but column "city" is tested with method "chisquare"/);
    expect(code(() => new DataDriftDetector({ perColumnThreshold: { x: 1.5 }, method: "anderson", columns: ["x"] }).fit(reference))).toMatch(/^VALIDATION_ERROR: .*perColumnThreshold.x is 1.5/);
    // Distances have no upper bound: a threshold of 2 is fine for them.
    expect(new DataDriftDetector({ threshold: 2, numMethod: "wasserstein", catMethod: "psi" }).fit(reference).evaluate(current).nTested).toBe(3);
    expect(code(() => new DataDriftDetector({ columns: ["x", "x"] }))).toMatch(/^VALIDATION_ERROR: DataDriftDetector: invalid parameters: columns: must not repeat a column/);
    expect(code(() => new DataDriftDetector({ target: "flag", prediction: "flag" }))).toMatch(/^VALIDATION_ERROR: DataDriftDetector.constructor: target and prediction both name column "flag"/);
    expect(code(() => new DataDriftDetector({ perColumnThreshold: JSON.parse('{"__proto__": 0.2}') }))).toMatch(/^VALIDATION_ERROR: .*perColumnThreshold names column "__proto__"/);
    // A column named like an Object.prototype member has no per-column setting unless given one.
    const named = Frame.fromColumns({ toString: reference.numeric("x") });
    expect(new DataDriftDetector({ perColumnThreshold: {} }).fit(named).evaluate(named).columns[0]).toMatchObject({ method: "ks", threshold: 0.05 });
  });

  it("keeps a bounded summary; merged scores stay within the reported error bounds", () => {
    const big = new RandomState(11);
    const refValues = big.randomSample(50_000).map((u, i) => u + big.nextDouble() * (i % 7));
    const curValues = big.randomSample(5000).map((u) => u * 6 + 0.2);
    const detector = new DataDriftDetector({ sampleCap: 2000, method: "ks" }).fit(Frame.fromColumns({ v: refValues }));
    expect(detector.stateBytes).toBeLessThan(2000 * 16 + 200);
    const column = detector.evaluate(Frame.fromColumns({ v: curValues })).columns[0];
    expect(column.exact).toBe(false);
    expect(column.note).toMatch(/approximate/);
    const state = detector.toJSON().state as { summaries: { ksError: number; wassersteinError: number; std: number }[] };
    const { ksError, wassersteinError, std } = state.summaries[0];
    const exactD = ks2samp(refValues, curValues).statistic;
    const wDetector = new DataDriftDetector({ sampleCap: 2000, method: "wasserstein" }).fit(Frame.fromColumns({ v: refValues }));
    const w = wDetector.evaluate(Frame.fromColumns({ v: curValues })).columns[0].score!;
    expect(Math.abs(w * std - wassersteinDistance(refValues, curValues))).toBeLessThanOrEqual(wassersteinError + 1e-12);
    expect(ksError).toBeLessThanOrEqual(2 / 2000);
    expect(exactD).toBeGreaterThan(0);
  });

  it("applies Bonferroni and Benjamini-Hochberg corrections to p-value verdicts", () => {
    const plain = new DataDriftDetector().fit(reference).evaluate(current);
    const bonf = new DataDriftDetector({ correction: "bonferroni" }).fit(reference).evaluate(current);
    for (const [i, c] of bonf.columns.entries()) {
      expect(c.adjustedScore).toBe(Math.min(1, plain.columns[i].score! * 3));
      expect(c.drift).toBe(c.adjustedScore! < 0.05 || (c.method === "ks" && c.adjustedScore! <= 0.05));
    }
  });
});

import { describe, expect, it } from "vitest";
import { ValidationError } from "../core/errors.js";
import { classificationReport } from "./classification-report.js";
import { classificationReportText } from "./classification-report-text.js";

describe("classificationReport", () => {
  it("keeps the order of the given labels (object keys would sort numeric names first)", () => {
    const report = classificationReport([10, 2, 2, 10], [10, 2, 10, 10], { labels: [10, 2] });
    expect(report.rows.map((row) => row.name)).toEqual(["10", "2"]);
    expect(report.accuracy).toBe(0.75);
    expect(report.averages.map((row) => row.name)).toEqual(["macro avg", "weighted avg"]);
  });

  it("reports a micro average instead of accuracy when a present label is left out", () => {
    const report = classificationReport(["a", "b", "c"], ["a", "b", "b"], { labels: ["a", "b"] });
    expect(report.accuracy).toBeUndefined();
    expect(report.averages.map((row) => row.name)).toEqual(["micro avg", "macro avg", "weighted avg"]);
  });

  it("passes each distinct warning on once", () => {
    const warnings: string[] = [];
    classificationReport([0, 0, 1], [0, 0, 0], { onWarning: (w) => warnings.push(w) });
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings).size).toBe(warnings.length);
  });

  it("refuses target names that do not match the classes", () => {
    expect(() => classificationReport([0, 1], [0, 1], { targetNames: ["only one"] })).toThrow(/classificationReport: there are 2 classes but 1 target names/);
  });

  it("prints wide names by code points, as Python pads them", () => {
    const text = classificationReportText(["😀", "b"], ["😀", "b"]);
    // Python sorts "😀" (U+1F600) after "b"; the line comes from scikit-learn 1.9.1.
    expect(text.split("\n")[3]).toBe(`${" ".repeat(11)}😀       1.00      1.00      1.00         1`);
  });

  it("refuses empty targetNames in the text report, where scikit-learn raises (metrics sweep)", () => {
    expect(() => classificationReportText([0, 1, 1], [0, 1, 0], { labels: [1], targetNames: [] })).toThrow(ValidationError);
  });
});

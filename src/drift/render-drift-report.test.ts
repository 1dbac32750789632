import { describe, expect, it } from "vitest";
import { Frame } from "../core/frame.js";
import { DataDriftDetector } from "./data-drift-detector.js";
import { escapeHtml, renderDriftReport } from "./render-drift-report.js";
import { thrown as message } from "../../test/helpers/thrown.js";

const evil = "<script>alert(1)</script>";

describe("renderDriftReport", () => {
  it("renders a self-contained page with every data text escaped", () => {
    const reference = Frame.fromColumns({ [evil]: [1, 2, 3, 4, 5, 6, 7, 8], c: ["a", "b", "a", "b", "a", "b", "a", "b"] });
    const current = Frame.fromColumns({ [evil]: [5, 6, 7, 8, 9, 10, 11, 12], c: ["a", '"><img src=x onerror=alert(2)>', "a", "b", "a", "b", "a", "b"] });
    const report = new DataDriftDetector({ minRows: 3 }).fit(reference).evaluate(current);
    const html = renderDriftReport(report, { title: "t<i>" });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(escapeHtml(evil));
    expect(html).toContain("t&lt;i&gt;");
    expect(html.match(/<tr class=/g)).toHaveLength(2);
    expect(html).toContain("<svg");
  });

  it("refuses a report or title of the wrong shape with a clear error", () => {
    expect(message(() => renderDriftReport({} as never))).toBe("DATA_ERROR: renderDriftReport: report must be a DriftReport from DataDriftDetector.evaluate; its columns are not an array of column results");
    expect(message(() => renderDriftReport(null as never))).toBe("DATA_ERROR: renderDriftReport: report must be a DriftReport from DataDriftDetector.evaluate; got null");
    const report = new DataDriftDetector({ minRows: 3 }).fit(Frame.fromColumns({ a: [1, 2, 3, 4] })).evaluate(Frame.fromColumns({ a: [2, 3, 4, 5] }));
    expect(message(() => renderDriftReport({ ...report, shareDrifted: "0.5" } as never))).toMatch(/; its shareDrifted is not a number$/);
    expect(message(() => renderDriftReport(report, { title: 42 as never }))).toBe("VALIDATION_ERROR: renderDriftReport: title must be a string, got number");
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

import { DataError, ValidationError } from "../core/errors.js";
import type { ColumnDrift, DriftHistogram } from "./column-drift.js";
import type { DriftReport } from "./data-drift-detector.js";

export interface RenderDriftReportOptions {
  /** Page title (escaped). Default "Data drift report". */
  title?: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function formatNumber(value: number | null): string {
  if (value === null) return "–";
  if (value === 0 || (Math.abs(value) >= 1e-4 && Math.abs(value) < 1e6)) return String(Math.round(value * 1e6) / 1e6);
  return value.toExponential(3);
}

/** How strongly a column drifts, comparable across p-values and distances (larger = more). */
function severity(c: ColumnDrift): number {
  if (c.score === null || c.threshold === null) return -Infinity;
  const score = c.adjustedScore ?? c.score;
  return c.scoreKind === "distance" ? score / Math.max(c.threshold, 1e-300) : c.threshold / Math.max(score, 1e-300);
}

/** Overlaid reference (blue) and current (orange) histogram bars as inline SVG. */
function histogramSvg(h: DriftHistogram | null, width: number, height: number, labelled: boolean): string {
  if (h === null || h.reference.length === 0) return '<span class="muted">no data</span>';
  const bins = h.reference.length;
  const top = Math.max(...h.reference, ...h.current, 1e-12);
  const axis = labelled ? 18 : 0;
  const plot = height - axis;
  const w = width / bins;
  const bar = (share: number, i: number, cls: string, inset: number) => {
    const bh = (share / top) * (plot - 2);
    return `<rect class="${cls}" x="${(i * w + inset).toFixed(2)}" y="${(plot - bh).toFixed(2)}" width="${Math.max(w - 2 * inset, 0.5).toFixed(2)}" height="${bh.toFixed(2)}"><title>${cls === "ref" ? "reference" : "current"} ${escapeHtml(binLabel(h, i))}: ${(share * 100).toFixed(2)}%</title></rect>`;
  };
  const parts = [`<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`];
  for (let i = 0; i < bins; i++) parts.push(bar(h.reference[i], i, "ref", 0.5), bar(h.current[i], i, "cur", w * 0.25));
  parts.push(`<line x1="0" y1="${plot}" x2="${width}" y2="${plot}" class="axis"/>`);
  if (labelled) {
    if (h.kind === "bins") {
      parts.push(`<text x="0" y="${height - 4}" class="tick">${escapeHtml(formatNumber(h.edges[0]))}</text>`);
      parts.push(`<text x="${width}" y="${height - 4}" class="tick" text-anchor="end">${escapeHtml(formatNumber(h.edges[h.edges.length - 1]))}</text>`);
    } else {
      for (let i = 0; i < bins && bins <= 12; i++) {
        const label = h.categories[i].length > 12 ? `${h.categories[i].slice(0, 11)}…` : h.categories[i];
        parts.push(`<text x="${(i * w + w / 2).toFixed(2)}" y="${height - 4}" class="tick" text-anchor="middle">${escapeHtml(label)}</text>`);
      }
    }
  }
  parts.push("</svg>");
  return parts.join("");
}

function binLabel(h: DriftHistogram, i: number): string {
  return h.kind === "bins" ? `[${formatNumber(h.edges[i])}, ${formatNumber(h.edges[i + 1])}${i === h.edges.length - 2 ? "]" : ")"}` : h.categories[i];
}

function verdict(c: ColumnDrift): string {
  if (c.drift === null) return `<span class="badge none">${escapeHtml(c.status.replace(/_/g, " "))}</span>`;
  return c.drift ? '<span class="badge drift">Detected</span>' : '<span class="badge ok">Not detected</span>';
}

function row(c: ColumnDrift): string {
  const name = c.role === "feature" ? escapeHtml(c.column) : `${escapeHtml(c.column)} <span class="role">${c.role}</span>`;
  const score = c.adjustedScore !== null ? `${formatNumber(c.score)} <span class="muted">(adj. ${formatNumber(c.adjustedScore)})</span>` : formatNumber(c.score);
  return (
    `<tr class="${c.drift === true ? "drifted" : ""}"><td class="name">${name}</td><td>${c.type}</td>` +
    `<td>${histogramSvg(c.histogram, 140, 36, false)}</td><td>${verdict(c)}</td>` +
    `<td>${escapeHtml(c.methodName ?? "–")}</td><td class="num">${score}</td><td class="num">${formatNumber(c.threshold)}</td></tr>`
  );
}

function details(c: ColumnDrift): string {
  const notes = [c.note, c.exact ? null : "score computed on the merged reference summary"].filter((x): x is string => x !== null);
  return (
    `<details><summary>${escapeHtml(c.column)} — ${verdict(c)}</summary><div class="detail">` +
    histogramSvg(c.histogram, 560, 160, true) +
    `<p>reference: ${c.reference.rows} values (${c.reference.missing} missing, ${c.reference.nonFinite} non-finite); ` +
    `current: ${c.current.rows} values (${c.current.missing} missing, ${c.current.nonFinite} non-finite)</p>` +
    notes.map((n) => `<p class="muted">${escapeHtml(n)}</p>`).join("") +
    `</div></details>`
  );
}

const STYLE = `body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2933;background:#fff}
h1{font-size:22px;margin:0 0 16px}h2{font-size:16px;margin:24px 0 8px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d9e2ec;border-radius:8px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:20px}.card.alert{border-color:#e12d39;background:#ffe3e3}.card.fine{border-color:#3ebd93;background:#effcf6}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e4e7eb;padding:6px 8px;text-align:left;vertical-align:middle}
th{background:#f5f7fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}tr.drifted td.name{font-weight:600}
.badge{border-radius:10px;padding:2px 8px;font-size:12px;white-space:nowrap}.badge.drift{background:#ffe3e3;color:#a61b1b}
.badge.ok{background:#effcf6;color:#147d64}.badge.none{background:#f0f4f8;color:#52606d}.role{font-size:11px;color:#7b8794;border:1px solid #cbd2d9;border-radius:6px;padding:0 4px}
.muted{color:#7b8794}rect.ref{fill:#4c78a8;opacity:.55}rect.cur{fill:#f58518;opacity:.75}.axis{stroke:#9aa5b1}.tick{font-size:10px;fill:#52606d}
details{border:1px solid #e4e7eb;border-radius:6px;margin:6px 0;padding:4px 10px}summary{cursor:pointer}.detail{padding:8px 0}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}`;

const NUMBER_FIELDS = ["referenceRows", "currentRows", "nColumns", "nTested", "nDrifted", "shareDrifted", "driftShare"] as const;

/** Refuses anything but a report from DataDriftDetector.evaluate, naming the first field that is wrong. */
function checkReport(report: DriftReport): void {
  const fail = (what: string) => {
    throw new DataError(`renderDriftReport: report must be a DriftReport from DataDriftDetector.evaluate; ${what}`);
  };
  if (report === null || typeof report !== "object") fail(`got ${report === null ? "null" : typeof report}`);
  if (!Array.isArray(report.columns) || report.columns.some((c) => c === null || typeof c !== "object")) fail("its columns are not an array of column results");
  for (const field of NUMBER_FIELDS) if (typeof report[field] !== "number") fail(`its ${field} is not a number`);
  if (typeof report.datasetDrift !== "boolean") fail("its datasetDrift is not a boolean");
  if (!Array.isArray(report.newColumns)) fail("its newColumns is not an array");
}

/**
 * The drift report as one self-contained HTML page: no scripts, fonts or external resources;
 * summary counters, a table of columns sorted by how strongly they drift (target and prediction
 * first), and overlaid reference/current histograms as inline SVG. Every text taken from the
 * data (column names, categories, notes) is HTML-escaped.
 */
export function renderDriftReport(report: DriftReport, options: RenderDriftReportOptions = {}): string {
  checkReport(report);
  if (options === null || typeof options !== "object") throw new ValidationError("renderDriftReport: options must be an object", [{ path: "", message: "must be an object" }]);
  const { title = "Data drift report" } = options;
  if (typeof title !== "string") throw new ValidationError(`renderDriftReport: title must be a string, got ${typeof title}`, [{ path: "title", message: "must be a string" }]);
  const pinned = (c: ColumnDrift) => (c.role === "feature" ? 1 : 0);
  const order = [...report.columns].sort((a, b) => pinned(a) - pinned(b) || severity(b) - severity(a));
  const percent = (report.shareDrifted * 100).toFixed(1);
  const cards = [
    ["Columns", String(report.nColumns)],
    ["Tested", String(report.nTested)],
    ["Drifted columns", String(report.nDrifted)],
    ["Share of drifted columns", `${percent}%`],
    ["Drift share threshold", `${(report.driftShare * 100).toFixed(1)}%`],
    ["Rows (reference / current)", `${report.referenceRows} / ${report.currentRows}`],
  ];
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<div class="cards"><div class="card ${report.datasetDrift ? "alert" : "fine"}" id="dataset-verdict"><b>${report.datasetDrift ? "Dataset drift detected" : "Dataset drift not detected"}</b>at least ${(report.driftShare * 100).toFixed(0)}% of tested columns must drift</div>`,
    ...cards.map(([label, value]) => `<div class="card"><b>${escapeHtml(value)}</b>${escapeHtml(label)}</div>`),
    "</div>",
    `<h2>Drift is detected for ${percent}% of columns (${report.nDrifted} out of ${report.nTested})</h2>`,
    '<p class="legend">Distribution:<span style="background:#4c78a8;opacity:.55"></span>reference<span style="background:#f58518;opacity:.75"></span>current</p>',
    '<table class="drift"><thead><tr><th>Column</th><th>Type</th><th>Distribution</th><th>Data drift</th><th>Stat test</th><th>Drift score</th><th>Threshold</th></tr></thead><tbody>',
    ...order.map(row),
    "</tbody></table>",
    report.newColumns.length > 0 ? `<p class="muted">Columns only in the current window (not tested): ${report.newColumns.map(escapeHtml).join(", ")}</p>` : "",
    "<h2>Column details</h2>",
    ...order.map(details),
    "</body></html>",
  ].join("\n");
}

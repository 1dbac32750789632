import { DataError } from "../../core/errors.js";
import type { SortedSample } from "./sorted-sample.js";

/**
 * numpy's `histogram_bin_edges(data, bins="sturges")` from the data's range and size: width =
 * range / (log2(size) + 1) (at least 1 for integer data), ceil(range / width) equal bins spaced
 * as `linspace` spaces them; a constant sample gets one bin [v - 0.5, v + 0.5]. A range wider
 * than the largest double (values near ±1.8e308) is handled in halves, where numpy gives NaN.
 */
export function sturgesBinEdges(min: number, max: number, size: number, integerData = false): Float64Array {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) throw new DataError(`sturgesBinEdges: min and max must be finite with min <= max, got ${min} and ${max}`);
  if (!Number.isInteger(size) || size < 1) throw new DataError(`sturgesBinEdges: size must be a positive integer, got ${size}`);
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  // Halving is exact, so ordinary ranges get numpy's arithmetic bit for bit.
  const half = Number.isFinite(last - first) ? 1 : 0.5;
  let width = (max * half - min * half) / (Math.log2(size) + 1);
  let bins = 1;
  if (width) {
    if (integerData && width < half) width = half;
    bins = Math.ceil((last * half - first * half) / width);
  }
  return linspace(first, last, bins + 1);
}

/** numpy's `linspace(start, stop, num)` (endpoint included, computed as i × step + start). */
export function linspace(start: number, stop: number, num: number): Float64Array {
  // One point is the start, as numpy gives (the step below would divide by 0).
  if (num === 1) return Float64Array.of(start);
  const out = new Float64Array(num);
  const div = num - 1;
  // A span beyond the largest double is stepped in halves (exact), where numpy gives NaN.
  const half = Number.isFinite(stop - start) ? 1 : 0.5;
  const delta = stop * half - start * half;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = (step === 0 ? (i / div) * delta + start * half : i * step + start * half) / half;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * Counts per bin as numpy's `histogram(data, edges)`: bins are [e_i, e_{i+1}), the last one
 * closed; values outside the edges are not counted.
 */
export function histogramCounts(sample: SortedSample, edges: Float64Array): Float64Array {
  if (edges.length < 2) throw new DataError(`histogramCounts: edges must hold at least 2 values, got ${edges.length}`);
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i]) || (i > 0 && !(edges[i] >= edges[i - 1]))) throw new DataError(`histogramCounts: edges must be finite and non-decreasing; edges[${i}] = ${edges[i]}`);
  }
  const bins = edges.length - 1;
  const out = new Float64Array(bins);
  let b = 0;
  for (let i = 0; i < sample.values.length; i++) {
    const v = sample.values[i];
    if (v < edges[0] || v > edges[bins]) continue;
    while (b < bins - 1 && v >= edges[b + 1]) b++;
    out[b] += sample.counts[i];
  }
  return out;
}

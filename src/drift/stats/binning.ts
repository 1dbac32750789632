import type { SortedSample } from "./sorted-sample.js";

/**
 * numpy's `histogram_bin_edges(data, bins="sturges")` from the data's range and size: width =
 * range / (log2(size) + 1) (at least 1 for integer data), ceil(range / width) equal bins spaced
 * as `linspace` spaces them; a constant sample gets one bin [v - 0.5, v + 0.5].
 */
export function sturgesBinEdges(min: number, max: number, size: number, integerData = false): Float64Array {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let width = (max - min) / (Math.log2(size) + 1);
  let bins = 1;
  if (width) {
    if (integerData && width < 1) width = 1;
    bins = Math.ceil((last - first) / width);
  }
  return linspace(first, last, bins + 1);
}

/** numpy's `linspace(start, stop, num)` (endpoint included, computed as i × step + start). */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? ((i / div) * delta) + start : i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * Counts per bin as numpy's `histogram(data, edges)`: bins are [e_i, e_{i+1}), the last one
 * closed; values outside the edges are not counted.
 */
export function histogramCounts(sample: SortedSample, edges: Float64Array): Float64Array {
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

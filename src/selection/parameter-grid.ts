import { ValidationError } from "../core/errors.js";
import { compareCodePoints } from "../core/ordering.js";
import { paramPathProblem } from "./nested-params.js";

/** One grid: param path -> candidate values. A list of grids is searched one after the other. */
export type ParamGrid = Readonly<Record<string, readonly unknown[]>>;

/** scikit-learn's snake_case spelling of a camelCase param path, used to order keys as it does. */
export function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Keys in scikit-learn's order (sorted by their snake_case spelling). */
export function sortedKeys(grid: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(grid).sort((a, b) => compareCodePoints(snakeKey(a), snakeKey(b)) || compareCodePoints(a, b));
}

/** Checks a grid or list of grids. */
export function paramGridCheck(value: unknown): string | undefined {
  const grids = Array.isArray(value) ? value : [value];
  // scikit-learn fails later with "no candidates"; an empty list is refused here instead.
  if (grids.length === 0) return "must not be an empty list (there would be no candidate to search)";
  for (const grid of grids) {
    if (grid === null || typeof grid !== "object" || Array.isArray(grid)) return "must be a record of param -> array of values, or an array of such records";
    for (const [key, values] of Object.entries(grid)) {
      const problem = paramPathProblem(key);
      if (problem !== undefined) return problem;
      if (!Array.isArray(values) || values.length === 0) return `entry ${JSON.stringify(key)} must be a non-empty array of candidate values`;
    }
  }
  return undefined;
}

/**
 * scikit-learn's `ParameterGrid`: for each grid in order, the Cartesian product of its values
 * with keys in sorted order and the last key varying fastest.
 */
export function expandGrid(grids: ParamGrid | readonly ParamGrid[]): Record<string, unknown>[] {
  const list = (Array.isArray(grids) ? grids : [grids]) as readonly ParamGrid[];
  const out: Record<string, unknown>[] = [];
  for (const grid of list) {
    const keys = sortedKeys(grid);
    if (keys.length === 0) {
      out.push({});
      continue;
    }
    const sizes = keys.map((k) => grid[k].length);
    const total = sizes.reduce((a, b) => a * b, 1);
    for (let index = 0; index < total; index++) out.push(gridPoint(grid, keys, sizes, index));
  }
  return out;
}

/** The `index`-th point of one grid (last key fastest). */
function gridPoint(grid: ParamGrid, keys: readonly string[], sizes: readonly number[], index: number): Record<string, unknown> {
  const point: Record<string, unknown> = {};
  let rest = index;
  for (let k = keys.length - 1; k >= 0; k--) {
    point[keys[k]] = grid[keys[k]][rest % sizes[k]];
    rest = Math.floor(rest / sizes[k]);
  }
  return Object.fromEntries(keys.map((k) => [k, point[k]]));
}

/** The number of points of a grid or list of grids. */
export function gridSize(grids: ParamGrid | readonly ParamGrid[]): number {
  const list = (Array.isArray(grids) ? grids : [grids]) as readonly ParamGrid[];
  return list.reduce((sum, grid) => sum + Object.values(grid).reduce((p, v) => p * v.length, 1), 0);
}

/** A grid point by its global index, as `ParameterGrid.__getitem__` (which lists the keys in reverse sorted order). */
export function gridAt(grids: ParamGrid | readonly ParamGrid[], index: number): Record<string, unknown> {
  const list = (Array.isArray(grids) ? grids : [grids]) as readonly ParamGrid[];
  let rest = index;
  for (const grid of list) {
    const keys = sortedKeys(grid);
    const sizes = keys.map((k) => grid[k].length);
    const total = sizes.reduce((a, b) => a * b, 1);
    if (rest < total) {
      const point = gridPoint(grid, keys, sizes, rest);
      return Object.fromEntries(keys.reverse().map((k) => [k, point[k]]));
    }
    rest -= total;
  }
  throw new ValidationError(`ParameterGrid: index ${index} is out of range`);
}

import { ValidationError } from "../core/errors.js";
import { isEstimator, type Estimator } from "../core/estimator.js";
import { FORBIDDEN_KEYS } from "../core/state-codec.js";

type AnyEstimator = Estimator<object, unknown>;
type Patch = Readonly<Record<string, unknown>>;

/** Why a `name__param` path cannot be set (a reserved name or an empty part), or undefined. */
export function paramPathProblem(path: string): string | undefined {
  const parts = path.split("__");
  // A key holding "__" ("__proto__") never survives the split, so it is looked for in the whole path.
  const reserved = [...FORBIDDEN_KEYS].some((key) => (key.includes("__") ? path.includes(key) : parts.includes(key)));
  if (reserved) return `param path ${JSON.stringify(path)} uses a reserved name (${[...FORBIDDEN_KEYS].join(", ")})`;
  if (parts.some((part) => part === "")) return `param path ${JSON.stringify(path)} has an empty part; write a param name or step__param`;
  return undefined;
}

/**
 * scikit-learn's `set_params` with `name__param` paths, as a new unfitted estimator (params are
 * frozen, so nothing is mutated). A path's first part is a param holding an estimator, or the
 * name of a Pipeline step / ColumnTransformer entry (lists of `[name, estimator, ...]`).
 */
export function withNestedParams<E extends AnyEstimator>(estimator: E, patch: Patch, owner = "withNestedParams"): E {
  return setNested(estimator, patch, owner, true);
}

/**
 * Throws the ValidationError `withNestedParams` would for a path that names no param or step,
 * without building anything: the values themselves are not checked (scikit-learn's `set_params`).
 */
export function checkNestedParamPaths(estimator: AnyEstimator, patch: Patch, owner: string): void {
  setNested(estimator, patch, owner, false);
}

/** `withNestedParams`; with `build` false only the paths are followed and the estimator is returned as is. */
function setNested<E extends AnyEstimator>(estimator: E, patch: Patch, owner: string, build: boolean): E {
  const own: Record<string, unknown> = {};
  const nested = new Map<string, Record<string, unknown>>();
  for (const [path, value] of Object.entries(patch)) {
    const problem = paramPathProblem(path);
    if (problem !== undefined) throw new ValidationError(`${owner}: ${problem}`, [{ path, message: problem }]);
    const cut = path.indexOf("__");
    if (cut < 0) {
      own[path] = value;
      continue;
    }
    const head = path.slice(0, cut);
    if (!nested.has(head)) nested.set(head, {});
    nested.get(head)![path.slice(cut + 2)] = value;
  }
  const params = estimator.params as Record<string, unknown>;
  for (const key of Object.keys(own)) {
    if (!Object.prototype.hasOwnProperty.call(params, key) && !namedChild(params, key)) {
      throw new ValidationError(`${owner}: ${estimator.kind} has no parameter "${key}"; valid ones are ${Object.keys(params).join(", ")}`, [{ path: key, message: "unknown parameter" }]);
    }
  }
  const next: Record<string, unknown> = { ...params };
  for (const [key, value] of Object.entries(own)) {
    if (Object.prototype.hasOwnProperty.call(params, key)) next[key] = value;
    else replaceNamed(next, key, () => value);
  }
  for (const [head, subPatch] of nested) {
    // A param holding an estimator; otherwise a named step, which `next` already holds replaced
    // when the patch also gave `head` itself ({ clf: new LR(), clf__C: 5 }).
    const child = Object.prototype.hasOwnProperty.call(params, head) ? (own[head] ?? params[head]) : undefined;
    if (isEstimator(child)) {
      next[head] = setNested(child, subPatch, owner, build);
      continue;
    }
    if (!replaceNamed(next, head, (current) => {
      if (!isEstimator(current)) throw new ValidationError(`${owner}: "${head}" of ${estimator.kind} is not an estimator, so "${head}__..." cannot be set`, [{ path: head, message: "not an estimator" }]);
      return setNested(current, subPatch, owner, build);
    })) {
      throw new ValidationError(`${owner}: ${estimator.kind} has no parameter or step named "${head}"`, [{ path: head, message: "unknown" }]);
    }
  }
  return build ? estimator.withParams(next as never) : estimator;
}

/** True when a list param (steps, transformers) has an entry named `name`. */
function namedChild(params: Record<string, unknown>, name: string): boolean {
  return Object.values(params).some((v) => Array.isArray(v) && v.some((e) => Array.isArray(e) && e[0] === name));
}

/** Replaces the estimator of the list entry named `name` (copying the list); false if none. */
function replaceNamed(params: Record<string, unknown>, name: string, update: (current: unknown) => unknown): boolean {
  for (const [key, value] of Object.entries(params)) {
    if (!Array.isArray(value)) continue;
    const at = value.findIndex((e) => Array.isArray(e) && e[0] === name);
    if (at < 0) continue;
    const list = [...value];
    const entry = [...(list[at] as unknown[])];
    entry[1] = update(entry[1]);
    list[at] = entry;
    params[key] = list;
    return true;
  }
  return false;
}

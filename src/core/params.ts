import { showValue, ValidationError, type ValidationIssue } from "./errors.js";

/** Checks one parameter value: returns a message when the value is unacceptable. */
export type ParamCheck = (value: unknown) => string | undefined;

/** A parameter's default and its check. */
export interface ParamSpec<T> {
  readonly default: T | (() => T);
  readonly check: ParamCheck;
}

/** A class's parameter declarations, one spec per parameter name. */
export type ParamSchema<P> = { readonly [K in keyof P]-?: ParamSpec<P[K]> };

/** Declares a parameter with its default and check. */
export function param<T>(defaultValue: T | (() => T), check: ParamCheck): ParamSpec<T> {
  return { default: defaultValue, check };
}

/**
 * Fills defaults, rejects unknown names, runs every check, and returns a frozen copy. All
 * problems are reported at once in `ValidationError.issues`.
 */
export function resolveParams<P extends object>(owner: string, schema: ParamSchema<P>, given: unknown): Readonly<P> {
  const issues: ValidationIssue[] = [];
  if (given !== undefined && (given === null || typeof given !== "object" || Array.isArray(given))) {
    throw new ValidationError(`${owner}: parameters must be an object`, [{ path: "", message: "must be an object" }]);
  }
  const input = (given ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      issues.push({ path: key, message: `unknown parameter; valid ones are ${Object.keys(schema).join(", ")}` });
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema) as (keyof P & string)[]) {
    const spec = schema[key];
    const supplied = Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;
    const value = supplied ? input[key] : typeof spec.default === "function" ? (spec.default as () => unknown)() : spec.default;
    const problem = spec.check(value);
    if (problem !== undefined) issues.push({ path: key, message: problem });
    out[key] = value;
  }
  if (issues.length > 0) {
    const detail = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    throw new ValidationError(`${owner}: invalid parameters: ${detail}`, issues);
  }
  return deepFreeze(out) as Readonly<P>;
}

/** Freezes plain objects and arrays recursively; class instances (child estimators) are left alone. */
function deepFreeze(value: unknown): unknown {
  if (Array.isArray(value)) {
    value.forEach(deepFreeze);
    return Object.freeze(value);
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    Object.values(value).forEach(deepFreeze);
    return Object.freeze(value);
  }
  return value;
}


/** One of a fixed set of values. */
export const oneOf =
  (...allowed: readonly unknown[]): ParamCheck =>
  (value) =>
    allowed.includes(value) ? undefined : `must be one of ${allowed.map(showValue).join(", ")}, got ${showValue(value)}`;

/** An integer within the bounds. */
export const integer =
  ({ min = -Infinity, max = Infinity }: { min?: number; max?: number } = {}): ParamCheck =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `must be an integer${rangeText(min, max)}, got ${showValue(value)}`;

/** A finite number within the bounds (`exclusiveMin` makes the lower bound strict). */
export const number =
  ({ min = -Infinity, max = Infinity, exclusiveMin = false, exclusiveMax = false }: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean } = {}): ParamCheck =>
  (value) => {
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (exclusiveMin ? value > min : value >= min) &&
      (exclusiveMax ? value < max : value <= max);
    return ok ? undefined : `must be a finite number${rangeText(min, max, exclusiveMin, exclusiveMax)}, got ${showValue(value)}`;
  };

export const boolean = (): ParamCheck => (value) => (typeof value === "boolean" ? undefined : `must be true or false, got ${showValue(value)}`);

export const string = (): ParamCheck => (value) => (typeof value === "string" ? undefined : `must be a string, got ${showValue(value)}`);

/** Accepts null as well as whatever `check` accepts. */
export const nullable =
  (check: ParamCheck): ParamCheck =>
  (value) =>
    value === null ? undefined : check(value);

/** Accepts a value that any of the checks accepts; reports every alternative otherwise. */
export const anyOf =
  (...checks: ParamCheck[]): ParamCheck =>
  (value) => {
    const problems: string[] = [];
    for (const check of checks) {
      const problem = check(value);
      if (problem === undefined) return undefined;
      problems.push(problem);
    }
    return problems.join(", or ");
  };

/** An array whose every element passes `check`. */
export const arrayOf =
  (check: ParamCheck, { minLength = 0 }: { minLength?: number } = {}): ParamCheck =>
  (value) => {
    if (!Array.isArray(value)) return `must be an array, got ${showValue(value)}`;
    if (value.length < minLength) return `must have at least ${minLength} element(s)`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i]);
      if (problem !== undefined) return `element ${i} ${problem}`;
    }
    return undefined;
  };

/** A plain object whose every value passes `check`. */
export const recordOf =
  (check: ParamCheck): ParamCheck =>
  (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return `must be an object, got ${showValue(value)}`;
    for (const [key, item] of Object.entries(value)) {
      const problem = check(item);
      if (problem !== undefined) return `entry ${JSON.stringify(key)} ${problem}`;
    }
    return undefined;
  };

/** A seed for RandomState (0 to 2^32 - 1) or null for an unseeded generator. */
export const seed = (): ParamCheck => nullable(integer({ min: 0, max: 0xffffffff }));

function rangeText(min: number, max: number, exclusiveMin = false, exclusiveMax = false): string {
  const low = Number.isFinite(min) ? `${exclusiveMin ? ">" : ">="} ${min}` : "";
  const high = Number.isFinite(max) ? `${exclusiveMax ? "<" : "<="} ${max}` : "";
  if (low && high) return ` ${low} and ${high}`;
  return low || high ? ` ${low || high}` : "";
}

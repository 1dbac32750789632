import { ValidationError } from "./errors.js";

const N = 624;
const M = 397;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MATRIX_A = 0x9908b0df;
const MAX_SEED = 0xffffffff;

/** One word of the MT19937 recurrence from the word, its successor and the word M ahead. */
function twisted(word: number, next: number, ahead: number): number {
  const y = (word & UPPER_MASK) | (next & LOWER_MASK);
  // -(y & 1) is all ones exactly when the low bit is set
  return (ahead ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A)) >>> 0;
}

/**
 * A port of numpy's legacy `RandomState` (MT19937 with numpy's derived draws), so that
 * seeded components reproduce scikit-learn and imbalanced-learn bit for bit.
 *
 * Only the draws scikit-learn uses are provided: `randomSample`, `randint` (numpy's masked
 * rejection for bounded integers), `shuffle`, `permutation` and `choice`.
 */
export class RandomState {
  private readonly mt = new Uint32Array(N);
  private pos = N;

  /** @param seed an integer in [0, 2^32 - 1], as numpy accepts. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      throw new ValidationError(`RandomState: seed must be an integer in [0, 4294967295], got ${String(seed)}`, [
        { path: "seed", message: "must be an integer in [0, 4294967295]" },
      ]);
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1];
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  /** Regenerates the state; the index ranges are split so that no wrap-around is computed per word. */
  private twist(): void {
    const mt = this.mt;
    let i = 0;
    for (; i < N - M; i++) mt[i] = twisted(mt[i], mt[i + 1], mt[i + M]);
    for (; i < N - 1; i++) mt[i] = twisted(mt[i], mt[i + 1], mt[i + M - N]);
    mt[N - 1] = twisted(mt[N - 1], mt[0], mt[M - 1]);
    this.pos = 0;
  }

  /** The next raw 32-bit output of the generator. */
  nextUint32(): number {
    if (this.pos >= N) this.twist();
    let y = this.mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits: numpy's `random_sample()`. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `size` doubles in [0, 1): numpy's `random_sample(size)`. */
  randomSample(size: number): Float64Array {
    checkSize("randomSample", size);
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = this.nextDouble();
    return out;
  }

  /** `size` doubles in [low, high): numpy's `uniform(low, high, size)`. */
  uniform(low: number, high: number, size: number): Float64Array {
    // numpy refuses a range that overflows (or is NaN) rather than drawing infinities and NaN
    if (!Number.isFinite(high - low)) {
      throw new ValidationError(`RandomState.uniform: high - low must be finite, got [${low}, ${high})`);
    }
    checkSize("uniform", size);
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = low + (high - low) * this.nextDouble();
    return out;
  }

  /**
   * A uniform integer in [0, range] by numpy's masked rejection. A range of 0 consumes no draw,
   * which matters for reproducing numpy's stream.
   */
  bounded(range: number): number {
    if (range === 0) return 0;
    if (range === MAX_SEED) return this.nextUint32();
    let mask = range;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    for (;;) {
      const v = (this.nextUint32() & mask) >>> 0;
      if (v <= range) return v;
    }
  }

  /** One integer in [low, high): numpy's `randint(low, high)`. */
  randint(low: number, high: number): number {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low || high - low - 1 > MAX_SEED) {
      throw new ValidationError(`RandomState.randint: need integers low < high with high - low <= 2^32, got [${low}, ${high})`);
    }
    return low + this.bounded(high - 1 - low);
  }

  /** `size` integers in [low, high), drawn in order: numpy's `randint(low, high, size)`. */
  randintArray(low: number, high: number, size: number): Int32Array | Float64Array {
    checkSize("randintArray", size);
    const out = high <= 0x7fffffff && low >= -0x80000000 ? new Int32Array(size) : new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = this.randint(low, high);
    return out;
  }

  /** Shuffles `array` in place with numpy's Fisher-Yates order (last index first). */
  shuffle<T>(array: T[] | Int32Array | Float64Array | Uint32Array): void {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.bounded(i);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
  }

  /** A shuffled `[0, 1, ..., n - 1]`: numpy's `permutation(n)`. */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n)) throw new ValidationError(`RandomState.permutation: n must be an integer, got ${String(n)}`);
    // numpy permutes arange(n), which is empty for a negative n
    const out = indexRange(Math.max(n, 0));
    this.shuffle(out);
    return out;
  }

  /**
   * `size` indices drawn from [0, n): numpy's `choice(n, size, replace)` without probabilities.
   * Without replacement it takes the head of a full permutation, as numpy does.
   */
  choice(n: number, size: number, replace = true): Int32Array {
    checkSize("choice", size);
    if (!replace && size > n) {
      throw new ValidationError(`RandomState.choice: cannot take ${size} samples from ${n} without replacement`);
    }
    if (replace) {
      // as numpy, an empty population is fine when no sample is taken
      if (n <= 0 && size > 0) throw new ValidationError("RandomState.choice: cannot choose from an empty population");
      const out = new Int32Array(size);
      for (let i = 0; i < size; i++) out[i] = this.bounded(n - 1);
      return out;
    }
    return this.permutation(n).slice(0, size);
  }
}

/** numpy refuses a negative or fractional size; a typed array would throw a RangeError instead. */
function checkSize(method: string, size: number): void {
  if (!Number.isInteger(size) || size < 0) {
    throw new ValidationError(`RandomState.${method}: size must be a non-negative integer, got ${String(size)}`);
  }
}

/** What every `randomState` parameter accepts: a seed, a generator to continue, or nothing. */
export type RandomStateLike = number | RandomState | null | undefined;

/**
 * scikit-learn's `check_random_state`: a seed gives a fresh generator each call, a generator is
 * returned as is, and nothing gives a generator seeded from the platform's entropy source.
 */
export function checkRandomState(randomState: RandomStateLike): RandomState {
  if (randomState instanceof RandomState) return randomState;
  if (typeof randomState === "number") return new RandomState(randomState);
  return new RandomState(entropySeed());
}

function entropySeed(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return buffer[0];
}

/**
 * `[0, 1, ..., n - 1]`, numpy's `arange(n)` (alone in its function: see
 * docs/benchmarks.md, "Loops that stay optimized").
 */
export function indexRange(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

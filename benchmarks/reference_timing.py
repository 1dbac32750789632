"""The reference scripts' timer: the same rule as timeIt in lib.mjs, so both sides are timed alike."""
import time

MAX_CALLS = 200  # lib.mjs's MAX_CALLS


def median_ms(fn, repeat=5, min_ms=0.0, warmup=1):
    """Median wall time in ms of the calls of fn after `warmup` unmeasured calls: at least `repeat`
    calls, and more until they add up to min_ms (at most MAX_CALLS). The upper middle of an even
    count, as timeIt takes."""
    for _ in range(warmup):
        fn()
    times = []
    while len(times) < repeat or (sum(times) < min_ms and len(times) < MAX_CALLS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]

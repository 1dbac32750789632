/**
 * A max-heap with libstdc++'s `push_heap`/`pop_heap` algorithms, so records with equal keys
 * leave the heap in the same order as scikit-learn's best-first builder on Linux.
 */
export class FrontierHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.siftUp(this.items.length - 1, 0, item);
  }

  /** Removes and returns the largest item. */
  pop(): T {
    const h = this.items;
    const len = h.length - 1;
    if (len > 0) {
      // __pop_heap: move the root to the back, then __adjust_heap the old back from the root
      const value = h[len];
      h[len] = h[0];
      let hole = 0;
      let child = 0;
      while (child < Math.floor((len - 1) / 2)) {
        child = 2 * (child + 1);
        if (this.less(h[child], h[child - 1])) child--;
        h[hole] = h[child];
        hole = child;
      }
      if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
        child = 2 * (child + 1);
        h[hole] = h[child - 1];
        hole = child - 1;
      }
      this.siftUp(hole, 0, value);
    }
    return h.pop()!;
  }

  private siftUp(hole: number, top: number, value: T): void {
    const h = this.items;
    let parent = Math.floor((hole - 1) / 2);
    while (hole > top && this.less(h[parent], value)) {
      h[hole] = h[parent];
      hole = parent;
      parent = Math.floor((hole - 1) / 2);
    }
    h[hole] = value;
  }
}

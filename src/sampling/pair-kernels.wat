;; WebAssembly kernels of the exact k-nearest-neighbour search (nearest-neighbors.ts): the
;; projections on the principal axes, then, leaf pair by leaf pair of the k-d tree, the projected
;; lower bounds of a row against the other leaf's rows, the exact distances of the pairs that
;; survive, and the neighbour lists they are offered to. 128-bit SIMD does two doubles at a time;
;; every value is an IEEE double as in JavaScript, so an exact distance, summed column by column,
;; is bit for bit the one the scalar search computes.
;;
;; Assembled into pair-kernels-binary.ts by `npm run wasm`; a test checks that the two agree.
;; The module stays under 4 KB so that browsers compile it synchronously on the main thread.
;;
;; Memory holds, at offsets that `setup` records (per-row arrays in the search's tree order,
;; except x):
;;   x       rows x cols, row-major, in the caller's row order (tree row r is x row order[r])
;;   zt      the projections, axis-major: axis t of tree row r at zt[t * pitch + r]
;;   norm    per tree row, the sum of its projections squared
;;   order   per tree row, its row index in x
;;   dist, index   per tree row, k (distance, row index) pairs, nearest first
;;   filled, worst, bound   per tree row: pairs listed, the k-th distance, the search threshold
;;   cand    scratch: the rows of one run that pass the lower bound
;;   start, end, lo, hi   the k-d tree's nodes: their runs of tree rows and boxes (kd-tree.ts)
;; zt, norm and bound are padded to whole groups of eight rows past the last. Before the tree
;; exists, `project` reads x and writes the projections in the caller's row order.
(module
  (import "tabkit" "memory" (memory 1))
  (global $x (mut i32) (i32.const 0))
  (global $zt (mut i32) (i32.const 0))
  (global $norm (mut i32) (i32.const 0))
  (global $order (mut i32) (i32.const 0))
  (global $dist (mut i32) (i32.const 0))
  (global $index (mut i32) (i32.const 0))
  (global $filled (mut i32) (i32.const 0))
  (global $worst (mut i32) (i32.const 0))
  (global $bound (mut i32) (i32.const 0))
  (global $cand (mut i32) (i32.const 0))
  (global $cols (mut i32) (i32.const 0))
  (global $axes (mut i32) (i32.const 0))
  (global $pitch (mut i32) (i32.const 0))
  (global $k (mut i32) (i32.const 0))
  (global $band (mut i32) (i32.const 0))
  (global $start (mut i32) (i32.const 0))
  (global $end (mut i32) (i32.const 0))
  (global $lo (mut i32) (i32.const 0))
  (global $hi (mut i32) (i32.const 0))
  ;; RoundingMargin's factors, and the largest rounding error of a lower bound in Gram form
  (global $onePlusRelative (mut f64) (f64.const 0))
  (global $absolute (mut f64) (f64.const 0))
  (global $slack (mut f64) (f64.const 0))

  (func (export "setup")
    (param $x i32) (param $zt i32) (param $norm i32) (param $order i32) (param $dist i32) (param $index i32)
    (param $filled i32) (param $worst i32) (param $bound i32) (param $cand i32)
    (param $start i32) (param $end i32) (param $lo i32) (param $hi i32)
    (param $cols i32) (param $axes i32) (param $pitch i32) (param $k i32) (param $band i32)
    (param $onePlusRelative f64) (param $absolute f64) (param $slack f64)
    (global.set $x (local.get $x))
    (global.set $zt (local.get $zt))
    (global.set $norm (local.get $norm))
    (global.set $order (local.get $order))
    (global.set $dist (local.get $dist))
    (global.set $index (local.get $index))
    (global.set $filled (local.get $filled))
    (global.set $worst (local.get $worst))
    (global.set $bound (local.get $bound))
    (global.set $cand (local.get $cand))
    (global.set $cols (local.get $cols))
    (global.set $axes (local.get $axes))
    (global.set $pitch (local.get $pitch))
    (global.set $k (local.get $k))
    (global.set $band (local.get $band))
    (global.set $start (local.get $start))
    (global.set $end (local.get $end))
    (global.set $lo (local.get $lo))
    (global.set $hi (local.get $hi))
    (global.set $onePlusRelative (local.get $onePlusRelative))
    (global.set $absolute (local.get $absolute))
    (global.set $slack (local.get $slack)))

  ;; The rows of x (rows x cols) minus `mean`, projected on up to 16 axes (axesT: cols x 16,
  ;; column-major, zeros past the last axis) and written axis-major, coords[t * rows + i];
  ;; returns the largest squared distance of a row from the mean. Each coordinate is summed
  ;; column by column, the operations of principal-axes.ts's `project`, so the values are equal.
  (func (export "project") (param $x i32) (param $rows i32) (param $cols i32) (param $mean i32) (param $axesT i32) (param $coords i32) (result f64)
    (local $i i32) (local $px i32) (local $pm i32) (local $pa i32) (local $end i32) (local $out i32) (local $plane i32)
    (local $c f64) (local $r2 f64) (local $max f64) (local $v v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $plane (i32.shl (local.get $rows) (i32.const 3)))
    (local.set $px (local.get $x))
    (block $done
      (br_if $done (i32.le_s (local.get $rows) (i32.const 0)))
      (loop $row
        (local.set $a0 (v128.const f64x2 0 0))
        (local.set $a1 (v128.const f64x2 0 0))
        (local.set $a2 (v128.const f64x2 0 0))
        (local.set $a3 (v128.const f64x2 0 0))
        (local.set $a4 (v128.const f64x2 0 0))
        (local.set $a5 (v128.const f64x2 0 0))
        (local.set $a6 (v128.const f64x2 0 0))
        (local.set $a7 (v128.const f64x2 0 0))
        (local.set $r2 (f64.const 0))
        (local.set $pm (local.get $mean))
        (local.set $pa (local.get $axesT))
        (local.set $end (i32.add (local.get $px) (i32.shl (local.get $cols) (i32.const 3))))
        (loop $column
          (local.set $c (f64.sub (f64.load (local.get $px)) (f64.load (local.get $pm))))
          (local.set $r2 (f64.add (local.get $r2) (f64.mul (local.get $c) (local.get $c))))
          (local.set $v (f64x2.splat (local.get $c)))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $pa)))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $pa)))))
          (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $pa)))))
          (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $pa)))))
          (local.set $a4 (f64x2.add (local.get $a4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $pa)))))
          (local.set $a5 (f64x2.add (local.get $a5) (f64x2.mul (local.get $v) (v128.load offset=80 (local.get $pa)))))
          (local.set $a6 (f64x2.add (local.get $a6) (f64x2.mul (local.get $v) (v128.load offset=96 (local.get $pa)))))
          (local.set $a7 (f64x2.add (local.get $a7) (f64x2.mul (local.get $v) (v128.load offset=112 (local.get $pa)))))
          (local.set $px (i32.add (local.get $px) (i32.const 8)))
          (local.set $pm (i32.add (local.get $pm) (i32.const 8)))
          (local.set $pa (i32.add (local.get $pa) (i32.const 128)))
          (br_if $column (i32.lt_u (local.get $px) (local.get $end))))
        (if (i32.eqz (f64.le (local.get $r2) (local.get $max))) (then (local.set $max (local.get $r2))))
        (local.set $out (i32.add (local.get $coords) (i32.shl (local.get $i) (i32.const 3))))
        (call $store2 (local.get $out) (local.get $plane) (local.get $a0))
        (call $store2 (local.tee $out (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1)))) (local.get $plane) (local.get $a1))
        (call $store2 (local.tee $out (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1)))) (local.get $plane) (local.get $a2))
        (call $store2 (local.tee $out (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1)))) (local.get $plane) (local.get $a3))
        (call $store2 (local.tee $out (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1)))) (local.get $plane) (local.get $a4))
        (call $store2 (local.tee $out (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1)))) (local.get $plane) (local.get $a5))
        (call $store2 (local.tee $out (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1)))) (local.get $plane) (local.get $a6))
        (call $store2 (local.tee $out (i32.add (local.get $out) (i32.shl (local.get $plane) (i32.const 1)))) (local.get $plane) (local.get $a7))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $row (i32.lt_s (local.get $i) (local.get $rows)))))
    (local.get $max))

  ;; The two lanes of v to two consecutive axis planes
  (func $store2 (param $at i32) (param $plane i32) (param $v v128)
    (f64.store (local.get $at) (f64x2.extract_lane 0 (local.get $v)))
    (f64.store (i32.add (local.get $at) (local.get $plane)) (f64x2.extract_lane 1 (local.get $v))))

  ;; RoundingMargin.widen, the same operations in the same order
  (func $widen (param $worst f64) (result f64)
    (local $root f64)
    (local.set $root (f64.add (f64.mul (global.get $onePlusRelative) (f64.sqrt (local.get $worst))) (global.get $absolute)))
    (f64.add (f64.mul (f64.mul (local.get $root) (local.get $root)) (global.get $onePlusRelative)) (f64.const 1e-300)))

  ;; NeighborLists.offer: row j at distance d enters tree row `row`'s list if it ranks among the k
  (func $offer (param $row i32) (param $d f64) (param $j i32)
    (local $base i32) (local $p i32) (local $k i32) (local $at i32) (local $prev f64)
    (local.set $k (global.get $k))
    (local.set $base (i32.mul (local.get $row) (local.get $k)))
    (local.set $p (i32.load (i32.add (global.get $filled) (i32.shl (local.get $row) (i32.const 2)))))
    (if (i32.eq (local.get $p) (local.get $k))
      (then
        (local.set $prev (f64.load (i32.add (global.get $worst) (i32.shl (local.get $row) (i32.const 3)))))
        (if (f64.gt (local.get $d) (local.get $prev)) (then (return)))
        (if (i32.and (f64.eq (local.get $d) (local.get $prev))
              (i32.gt_s (local.get $j) (i32.load (i32.add (global.get $index) (i32.shl (i32.sub (i32.add (local.get $base) (local.get $k)) (i32.const 1)) (i32.const 2))))))
          (then (return)))
        (local.set $p (i32.sub (local.get $k) (i32.const 1))))
      (else
        (i32.store (i32.add (global.get $filled) (i32.shl (local.get $row) (i32.const 2))) (i32.add (local.get $p) (i32.const 1)))))
    ;; insertion: shift larger pairs (by distance, then row index) one place down
    (block $placed
      (loop $shift
        (br_if $placed (i32.eqz (local.get $p)))
        (local.set $at (i32.sub (i32.add (local.get $base) (local.get $p)) (i32.const 1)))
        (local.set $prev (f64.load (i32.add (global.get $dist) (i32.shl (local.get $at) (i32.const 3)))))
        (br_if $placed (i32.eqz (i32.or (f64.gt (local.get $prev) (local.get $d))
          (i32.and (f64.eq (local.get $prev) (local.get $d))
            (i32.gt_s (i32.load (i32.add (global.get $index) (i32.shl (local.get $at) (i32.const 2)))) (local.get $j))))))
        (f64.store offset=8 (i32.add (global.get $dist) (i32.shl (local.get $at) (i32.const 3))) (local.get $prev))
        (i32.store offset=4 (i32.add (global.get $index) (i32.shl (local.get $at) (i32.const 2)))
          (i32.load (i32.add (global.get $index) (i32.shl (local.get $at) (i32.const 2)))))
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (br $shift)))
    (local.set $at (i32.add (local.get $base) (local.get $p)))
    (f64.store (i32.add (global.get $dist) (i32.shl (local.get $at) (i32.const 3))) (local.get $d))
    (i32.store (i32.add (global.get $index) (i32.shl (local.get $at) (i32.const 2))) (local.get $j))
    (if (i32.eq (i32.load (i32.add (global.get $filled) (i32.shl (local.get $row) (i32.const 2)))) (local.get $k))
      (then
        (local.set $prev (f64.load (i32.add (global.get $dist) (i32.shl (i32.sub (i32.add (local.get $base) (local.get $k)) (i32.const 1)) (i32.const 3)))))
        (f64.store (i32.add (global.get $worst) (i32.shl (local.get $row) (i32.const 3))) (local.get $prev))
        (f64.store (i32.add (global.get $bound) (i32.shl (local.get $row) (i32.const 3))) (call $widen (local.get $prev))))))

  ;; The rows r in [from, to) whose projected lower bound, |zq|^2 + |zr|^2 - 2 zq.zr, is not
  ;; above the larger threshold of q and r plus the bound's rounding slack, written to cand;
  ;; returns their count. Eight rows at a time (four accumulators, so that the additions
  ;; overlap); a NaN bound keeps its row.
  (func $filter (param $q i32) (param $from i32) (param $to i32) (result i32)
    (local $m i32) (local $r i32) (local $t i32) (local $pq i32) (local $pr i32) (local $step i32) (local $alive i32) (local $left i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $zq v128) (local $nq v128) (local $bq v128) (local $slack v128)
    (local.set $step (i32.shl (global.get $pitch) (i32.const 3)))
    (local.set $nq (v128.load64_splat (i32.add (global.get $norm) (i32.shl (local.get $q) (i32.const 3)))))
    (local.set $bq (v128.load64_splat (i32.add (global.get $bound) (i32.shl (local.get $q) (i32.const 3)))))
    (local.set $slack (f64x2.splat (global.get $slack)))
    (local.set $r (local.get $from))
    (block $done
      (br_if $done (i32.ge_s (local.get $r) (local.get $to)))
      (loop $group
        (local.set $a0 (v128.const f64x2 0 0))
        (local.set $a1 (v128.const f64x2 0 0))
        (local.set $a2 (v128.const f64x2 0 0))
        (local.set $a3 (v128.const f64x2 0 0))
        (local.set $pq (i32.add (global.get $zt) (i32.shl (local.get $q) (i32.const 3))))
        (local.set $pr (i32.add (global.get $zt) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $t (global.get $axes))
        (loop $axis
          (local.set $zq (v128.load64_splat (local.get $pq)))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $zq) (v128.load (local.get $pr)))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $zq) (v128.load offset=16 (local.get $pr)))))
          (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $zq) (v128.load offset=32 (local.get $pr)))))
          (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $zq) (v128.load offset=48 (local.get $pr)))))
          (local.set $pq (i32.add (local.get $pq) (local.get $step)))
          (local.set $pr (i32.add (local.get $pr) (local.get $step)))
          (local.set $t (i32.sub (local.get $t) (i32.const 1)))
          (br_if $axis (local.get $t)))
        (local.set $pr (i32.add (global.get $norm) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $pq (i32.add (global.get $bound) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $alive (i32.or (i32.or
          (i64x2.bitmask (v128.not (f64x2.gt
            (f64x2.sub (f64x2.add (local.get $nq) (v128.load (local.get $pr))) (f64x2.add (local.get $a0) (local.get $a0)))
            (f64x2.add (local.get $slack) (f64x2.max (local.get $bq) (v128.load (local.get $pq)))))))
          (i32.shl (i64x2.bitmask (v128.not (f64x2.gt
            (f64x2.sub (f64x2.add (local.get $nq) (v128.load offset=16 (local.get $pr))) (f64x2.add (local.get $a1) (local.get $a1)))
            (f64x2.add (local.get $slack) (f64x2.max (local.get $bq) (v128.load offset=16 (local.get $pq))))))) (i32.const 2)))
          (i32.or
          (i32.shl (i64x2.bitmask (v128.not (f64x2.gt
            (f64x2.sub (f64x2.add (local.get $nq) (v128.load offset=32 (local.get $pr))) (f64x2.add (local.get $a2) (local.get $a2)))
            (f64x2.add (local.get $slack) (f64x2.max (local.get $bq) (v128.load offset=32 (local.get $pq))))))) (i32.const 4))
          (i32.shl (i64x2.bitmask (v128.not (f64x2.gt
            (f64x2.sub (f64x2.add (local.get $nq) (v128.load offset=48 (local.get $pr))) (f64x2.add (local.get $a3) (local.get $a3)))
            (f64x2.add (local.get $slack) (f64x2.max (local.get $bq) (v128.load offset=48 (local.get $pq))))))) (i32.const 6)))))
        ;; the padding rows past the end of the run
        (local.set $left (i32.sub (local.get $to) (local.get $r)))
        (if (i32.lt_s (local.get $left) (i32.const 8))
          (then (local.set $alive (i32.and (local.get $alive) (i32.sub (i32.shl (i32.const 1) (local.get $left)) (i32.const 1))))))
        (block $none
          (br_if $none (i32.eqz (local.get $alive)))
          (loop $lane
            (i32.store (i32.add (global.get $cand) (i32.shl (local.get $m) (i32.const 2))) (i32.add (local.get $r) (i32.ctz (local.get $alive))))
            (local.set $m (i32.add (local.get $m) (i32.const 1)))
            (local.set $alive (i32.and (local.get $alive) (i32.sub (local.get $alive) (i32.const 1))))
            (br_if $lane (local.get $alive))))
        (local.set $r (i32.add (local.get $r) (i32.const 8)))
        (br_if $group (i32.lt_s (local.get $r) (local.get $to)))))
    (local.get $m))

  ;; The pair of tree rows q and r at distance d, offered to both lists (once if q is r)
  ;; (a pair beyond a full list's k-th distance is turned away before the call)
  (func $offerBoth (param $q i32) (param $r i32) (param $d f64)
    (if (i32.eqz (f64.gt (local.get $d) (f64.load (i32.add (global.get $worst) (i32.shl (local.get $q) (i32.const 3))))))
      (then (call $offer (local.get $q) (local.get $d) (i32.load (i32.add (global.get $order) (i32.shl (local.get $r) (i32.const 2)))))))
    (if (i32.and (i32.ne (local.get $q) (local.get $r))
          (i32.eqz (f64.gt (local.get $d) (f64.load (i32.add (global.get $worst) (i32.shl (local.get $r) (i32.const 3)))))))
      (then (call $offer (local.get $r) (local.get $d) (i32.load (i32.add (global.get $order) (i32.shl (local.get $q) (i32.const 2))))))))

  ;; x row of tree row r
  (func $rowOf (param $r i32) (param $width i32) (result i32)
    (i32.add (global.get $x) (i32.mul (i32.load (i32.add (global.get $order) (i32.shl (local.get $r) (i32.const 2)))) (local.get $width))))

  ;; Exact distances from q to cand[0 .. m), each the squared differences summed column by
  ;; column, four pairs at a time in two vectors; each pair is offered to both lists.
  (func $measure (param $q i32) (param $m i32)
    (local $i i32) (local $width i32) (local $xq i32) (local $o i32) (local $last i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $s0 v128) (local $s1 v128) (local $v v128) (local $d0 v128) (local $d1 v128)
    (local.set $width (i32.shl (global.get $cols) (i32.const 3)))
    (local.set $xq (call $rowOf (local.get $q) (local.get $width)))
    (local.set $last (i32.sub (local.get $m) (i32.const 1)))
    (block $done
      (br_if $done (i32.le_s (local.get $m) (i32.const 0)))
      (loop $four
        ;; a short last group repeats its last pair, which is offered once
        (local.set $r0 (i32.load (i32.add (global.get $cand) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $r1 (i32.load (i32.add (global.get $cand) (i32.shl (select (i32.add (local.get $i) (i32.const 1)) (local.get $last) (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m))) (i32.const 2)))))
        (local.set $r2 (i32.load (i32.add (global.get $cand) (i32.shl (select (i32.add (local.get $i) (i32.const 2)) (local.get $last) (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $m))) (i32.const 2)))))
        (local.set $r3 (i32.load (i32.add (global.get $cand) (i32.shl (select (i32.add (local.get $i) (i32.const 3)) (local.get $last) (i32.lt_s (i32.add (local.get $i) (i32.const 3)) (local.get $m))) (i32.const 2)))))
        (local.set $p0 (call $rowOf (local.get $r0) (local.get $width)))
        (local.set $p1 (call $rowOf (local.get $r1) (local.get $width)))
        (local.set $p2 (call $rowOf (local.get $r2) (local.get $width)))
        (local.set $p3 (call $rowOf (local.get $r3) (local.get $width)))
        (local.set $s0 (v128.const f64x2 0 0))
        (local.set $s1 (v128.const f64x2 0 0))
        (local.set $o (i32.const 0))
        (loop $column
          (local.set $v (v128.load64_splat (i32.add (local.get $xq) (local.get $o))))
          (local.set $d0 (f64x2.sub (local.get $v)
            (v128.load64_lane 1 (i32.add (local.get $p1) (local.get $o)) (v128.load64_splat (i32.add (local.get $p0) (local.get $o))))))
          (local.set $d1 (f64x2.sub (local.get $v)
            (v128.load64_lane 1 (i32.add (local.get $p3) (local.get $o)) (v128.load64_splat (i32.add (local.get $p2) (local.get $o))))))
          (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $d0) (local.get $d0))))
          (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $d1) (local.get $d1))))
          (local.set $o (i32.add (local.get $o) (i32.const 8)))
          (br_if $column (i32.lt_s (local.get $o) (local.get $width))))
        (call $offerBoth (local.get $q) (local.get $r0) (f64x2.extract_lane 0 (local.get $s0)))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 1)) (local.get $m))
          (then (call $offerBoth (local.get $q) (local.get $r1) (f64x2.extract_lane 1 (local.get $s0)))))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 2)) (local.get $m))
          (then (call $offerBoth (local.get $q) (local.get $r2) (f64x2.extract_lane 0 (local.get $s1)))))
        (if (i32.lt_s (i32.add (local.get $i) (i32.const 3)) (local.get $m))
          (then (call $offerBoth (local.get $q) (local.get $r3) (f64x2.extract_lane 1 (local.get $s1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br_if $four (i32.lt_s (local.get $i) (local.get $m))))))

  ;; Tree row q against the tree rows [from, to): every pair that may rank for q or for r is
  ;; measured exactly and offered to both lists.
  (func $scanRow (param $q i32) (param $from i32) (param $to i32)
    (call $measure (local.get $q) (call $filter (local.get $q) (local.get $from) (local.get $to))))

  ;; i32 load of element i of the array at `base`
  (func $int (param $base i32) (param $i i32) (result i32)
    (i32.load (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2)))))

  ;; Squared distance from tree row q's projections to node b's box: kd-tree.ts's pointGap, a
  ;; lower bound of q's projected distance to every row of b
  (func $pointGap (param $q i32) (param $b i32) (result f64)
    (local $t i32) (local $step i32) (local $pz i32) (local $pl i32) (local $ph i32) (local $v f64) (local $gap f64) (local $sum f64)
    (local.set $step (i32.shl (global.get $pitch) (i32.const 3)))
    (local.set $pz (i32.add (global.get $zt) (i32.shl (local.get $q) (i32.const 3))))
    (local.set $pl (i32.add (global.get $lo) (i32.shl (i32.mul (local.get $b) (global.get $axes)) (i32.const 3))))
    (local.set $ph (i32.add (global.get $hi) (i32.shl (i32.mul (local.get $b) (global.get $axes)) (i32.const 3))))
    (local.set $t (global.get $axes))
    (loop $axis
      (local.set $v (f64.load (local.get $pz)))
      (local.set $gap (f64.add
        (f64.max (f64.sub (f64.load (local.get $pl)) (local.get $v)) (f64.const 0))
        (f64.max (f64.sub (local.get $v) (f64.load (local.get $ph))) (f64.const 0))))
      (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $gap) (local.get $gap))))
      (local.set $pz (i32.add (local.get $pz) (local.get $step)))
      (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
      (local.set $ph (i32.add (local.get $ph) (i32.const 8)))
      (local.set $t (i32.sub (local.get $t) (i32.const 1)))
      (br_if $axis (local.get $t)))
    (local.get $sum))

  ;; Every row of a leaf against itself and the `band` rows after it, measured without a filter:
  ;; before the leaf's own scan, each row then has k distances from leaf mates, so a finite
  ;; threshold
  (func (export "seedLeaf") (param $a i32)
    (local $q i32) (local $last i32) (local $count i32) (local $i i32)
    (local.set $q (call $int (global.get $start) (local.get $a)))
    (local.set $last (i32.sub (call $int (global.get $end) (local.get $a)) (i32.const 1)))
    (block $done
      (br_if $done (i32.gt_s (local.get $q) (local.get $last)))
      (loop $row
        (local.set $count (i32.add (i32.const 1)
          (select (global.get $band) (i32.sub (local.get $last) (local.get $q))
            (i32.lt_s (global.get $band) (i32.sub (local.get $last) (local.get $q))))))
        (local.set $i (i32.const 0))
        (loop $mate
          (i32.store (i32.add (global.get $cand) (i32.shl (local.get $i) (i32.const 2))) (i32.add (local.get $q) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $mate (i32.lt_s (local.get $i) (local.get $count))))
        (call $measure (local.get $q) (local.get $count))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br_if $row (i32.le_s (local.get $q) (local.get $last))))))

  ;; Every row of leaf a against leaf b (within one leaf, against the rows past its band),
  ;; skipping the rows whose gap to b's box exceeds both their threshold and gapBound, the
  ;; largest threshold in b
  (func (export "scanLeaves") (param $a i32) (param $b i32) (param $gapBound f64)
    (local $q i32) (local $qEnd i32) (local $to i32) (local $from i32)
    (local.set $q (call $int (global.get $start) (local.get $a)))
    (local.set $qEnd (call $int (global.get $end) (local.get $a)))
    (local.set $to (call $int (global.get $end) (local.get $b)))
    (block $done
      (br_if $done (i32.ge_s (local.get $q) (local.get $qEnd)))
      (loop $row
        (block $skip
          (if (i32.ne (local.get $a) (local.get $b))
            (then
              (br_if $skip (f64.gt (call $pointGap (local.get $q) (local.get $b))
                (f64.max (f64.load (i32.add (global.get $bound) (i32.shl (local.get $q) (i32.const 3)))) (local.get $gapBound))))))
          (local.set $from (select
            (i32.add (i32.add (local.get $q) (global.get $band)) (i32.const 1))
            (call $int (global.get $start) (local.get $b))
            (i32.eq (local.get $a) (local.get $b))))
          (br_if $skip (i32.ge_s (local.get $from) (local.get $to)))
          (call $scanRow (local.get $q) (local.get $from) (local.get $to)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br_if $row (i32.lt_s (local.get $q) (local.get $qEnd))))))
)

;; WebAssembly lookup of a column's distinct values (distinct-values.ts's `lookUpByHash`, the same
;; results): each value's 64 bits hashed into an open-addressing table (linear probing), compared
;; as one 64-bit word, and its position among the distinct values in order of first appearance
;; written to the index. All NaNs are one value, which has no slot. V8's JavaScript took 6–9 ns
;; an entry for this loop; this one, with the column copied in and the index out, 2.5–4.5.
;;
;; Assembled into distinct-values-binary.ts by `npm run wasm`; a test checks that the two agree.
;;
;; Memory (imported, sized by the caller): the n values (f64), the index (n i32), the distinct
;; values found (up to `limit` f64) and the table of 2^(32 − shift) slots (i32, zeroed by the
;; caller), each slot 0 (empty) or 1 + the position of its value.
(module
  (import "tabkit" "memory" (memory 1))
    ;; Fills the index and the distinct values; returns how many, or −1 as soon as there would be
  ;; more than `limit`.
  (func (export "lookUp") (param $values i32) (param $n i32) (param $index i32) (param $found i32) (param $limit i32) (param $slots i32) (param $shift i32) (result i32)
    (local $i i32) (local $count i32) (local $nanAt i32) (local $slot i32) (local $held i32) (local $mask i32) (local $bits i64) (local $v f64)
    (local.set $mask (i32.sub (i32.shl (i32.const 1) (i32.sub (i32.const 32) (local.get $shift))) (i32.const 1)))
    (local.set $nanAt (i32.const -1))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $entries
        (local.set $bits (i64.load (i32.add (local.get $values) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $slot (i32.shr_u
          (i32.mul (i32.xor (i32.wrap_i64 (local.get $bits)) (i32.mul (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))) (i32.const 0x9e3779b1))) (i32.const 0x85ebca6b))
          (local.get $shift)))
        (local.set $held (i32.sub (i32.load (i32.add (local.get $slots) (i32.shl (local.get $slot) (i32.const 2)))) (i32.const 1)))
        (block $probed
          (loop $probe
            (br_if $probed (i32.lt_s (local.get $held) (i32.const 0)))
            (br_if $probed (i64.eq (i64.load (i32.add (local.get $found) (i32.shl (local.get $held) (i32.const 3)))) (local.get $bits)))
            (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
            (local.set $held (i32.sub (i32.load (i32.add (local.get $slots) (i32.shl (local.get $slot) (i32.const 2)))) (i32.const 1)))
            (br $probe)))
        (if (i32.lt_s (local.get $held) (i32.const 0))
          (then
            (local.set $v (f64.reinterpret_i64 (local.get $bits)))
            (if (i32.or (f64.eq (local.get $v) (local.get $v)) (i32.lt_s (local.get $nanAt) (i32.const 0)))
              (then
                (if (i32.ge_s (local.get $count) (local.get $limit)) (then (return (i32.const -1))))
                (local.set $held (local.get $count))
                (i64.store (i32.add (local.get $found) (i32.shl (local.get $count) (i32.const 3))) (local.get $bits))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (if (f64.eq (local.get $v) (local.get $v))
                  (then (i32.store (i32.add (local.get $slots) (i32.shl (local.get $slot) (i32.const 2))) (local.get $count)))
                  (else (local.set $nanAt (local.get $held)))))
              (else (local.set $held (local.get $nanAt))))))
        (i32.store (i32.add (local.get $index) (i32.shl (local.get $i) (i32.const 2))) (local.get $held))
        (br_if $entries (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))))
    (local.get $count)))

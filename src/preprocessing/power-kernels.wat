;; The WebAssembly kernel of the Yeo-Johnson lambda search (power-functions.ts), two values at a
;; time with 128-bit SIMD: the transform of fixed points for one lambda after another, from their
;; correctly rounded logs. Every operation is an IEEE double operation as in JavaScript (the
;; relaxed build's multiply-adds round once, see below), and a value is written only where a
;; rounding test proves it equal to what the JavaScript functions return; the other positions are
;; listed for the caller to compute in JavaScript.
;;
;; From the signed logs (log1p(|x|), negated where x < 0): the correctly rounded expm1 of
;; λ·log1p(x) (x >= 0) or of (2 − λ)·log1p(−x) (x < 0) through the fast path of
;; correctly-rounded.ts's `expm1Fast`, replayed operation for operation (but for the relaxed
;; build's multiply-adds), then the division by λ or λ − 2. Each test decides only correctly
;; rounded values; about 1 in 1,000, and every value outside the fast path's range, is listed.
;;
;; Assembled twice by `npm run wasm` (a test checks that each build agrees with this source):
;; `f64x2.madd a b c` (a·b + c) and `f64x2.nmadd a b c` (c − a·b) are relaxed SIMD's multiply-adds
;; in power-fma-kernels-binary.ts, fused where the processor has an FMA, and a multiplication and
;; an addition in power-kernels-binary.ts. They stay out of the error-free transformations
;; (Veltkamp's split, 2Sum, h − 1); one takes exact products (rh), which round alike either way;
;; in the others a fused one rounds once where the pair rounds twice, within the bounds the
;; rounding test allows. So both builds decide only correctly rounded values (not always the same
;; ones), and the caller computes the rest: the results are the same.
;;
;; Memory (imported, so that its size is chosen by the caller) holds, at offsets the caller
;; gives: the expm1 table (EXPM1_TABLE: 256 pairs th, τ), the signed logs, the results and the
;; list of undecided positions (32-bit). The logs and results are read and written in pairs: an
;; odd count needs one double of room past each.
;;
;; The loop reads its constants from locals set before it: V8's optimizing compiler in Node 24
;; rebuilt each v128.const inside the loop, three or four instructions every time (14.4 ns a
;; value on 100k values instead of 11.7 ns; Node 20's 11.5 ns did not change).
(module
  (import "tabkit" "memory" (memory 1))
  (global $table (mut i32) (i32.const 0))
  (global $ln2Hi (mut f64) (f64.const 0))
  (global $ln2Lo (mut f64) (f64.const 0))
  (global $splitter (mut f64) (f64.const 0))
  (global $boundSquare (mut f64) (f64.const 0))
  (global $bound (mut f64) (f64.const 0))

  ;; The table's offset and the fast path's constants: ln2/256 = ln2Hi + ln2Lo, Veltkamp's
  ;; splitter and the two factors of the rounding test's error bound.
  (func (export "setup") (param $tableAt i32) (param $hi f64) (param $lo f64) (param $split f64) (param $square f64) (param $relative f64)
    (global.set $table (local.get $tableAt))
    (global.set $ln2Hi (local.get $hi))
    (global.set $ln2Lo (local.get $lo))
    (global.set $splitter (local.get $split))
    (global.set $boundSquare (local.get $square))
    (global.set $bound (local.get $relative)))

  ;; out[i] = y = expm1(t) / f for the n signed logs v at $logs, where f = λ for v >= 0 and λ − 2
  ;; below, t = f·v (so (2 − λ)·|v| below 0, and −expm1(t) / (2 − λ) is the same double as
  ;; expm1(t) / (λ − 2)). Writes the undecided positions (NaN logs among them) at $list and
  ;; returns their count. A decided y is finite: |y| = |expm1(t)|·log1p(|x|) / |t| with t <= 708
  ;; and log1p(|x|) <= 709.8, at most 709.8 / 708 · expm1(708).
  (func (export "yeoJohnson") (param $logs i32) (param $out i32) (param $n i32) (param $lambda f64) (param $list i32) (result i32)
    (local $zero v128) (local $tFrom v128) (local $tTo v128) (local $perLn2 v128) (local $shifter v128) (local $half v128)
    (local $inv6 v128) (local $inv24 v128) (local $inv120 v128) (local $inv720 v128) (local $bias v128) (local $one v128)
    (local $i i32) (local $at i32) (local $count i32) (local $mask i32)
    (local $v v128) (local $f v128) (local $t v128) (local $shifted v128) (local $k v128) (local $rh v128) (local $c v128)
    (local $r1 v128) (local $rl v128) (local $rho v128) (local $r v128) (local $z v128) (local $p v128) (local $pairA v128)
    (local $pairB v128) (local $th v128) (local $tau v128) (local $h v128) (local $s v128) (local $bb v128) (local $e v128)
    (local $q v128) (local $y v128) (local $low v128) (local $margin v128) (local $up v128) (local $ok v128)
    (local $lam v128) (local $lamMinusTwo v128) (local $hi v128) (local $lo v128) (local $split v128) (local $square v128) (local $relative v128)
    (local.set $lam (f64x2.splat (local.get $lambda)))
    (local.set $lamMinusTwo (f64x2.splat (f64.sub (local.get $lambda) (f64.const 2))))
    (local.set $hi (f64x2.splat (global.get $ln2Hi)))
    (local.set $lo (f64x2.splat (global.get $ln2Lo)))
    (local.set $split (f64x2.splat (global.get $splitter)))
    (local.set $square (f64x2.splat (global.get $boundSquare)))
    (local.set $relative (f64x2.splat (global.get $bound)))
    ;; the loop's constants
    (local.set $zero (v128.const f64x2 0 0))
    (local.set $tFrom (v128.const f64x2 -38 -38))
    (local.set $tTo (v128.const f64x2 708 708))
    (local.set $perLn2 (v128.const f64x2 0x1.71547652b82fep+8 0x1.71547652b82fep+8))
    (local.set $shifter (v128.const f64x2 0x1.8p+52 0x1.8p+52))
    (local.set $half (v128.const f64x2 0.5 0.5))
    (local.set $inv6 (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
    (local.set $inv24 (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5))
    (local.set $inv120 (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7))
    (local.set $inv720 (v128.const f64x2 0x1.6c16c16c16c17p-10 0x1.6c16c16c16c17p-10))
    (local.set $bias (v128.const i64x2 1023 1023))
    (local.set $one (v128.const f64x2 1 1))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pairs
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $v (v128.load (i32.add (local.get $logs) (local.get $at))))
        (local.set $f (v128.bitselect (local.get $lam) (local.get $lamMinusTwo) (f64x2.ge (local.get $v) (local.get $zero))))
        (local.set $t (f64x2.mul (local.get $f) (local.get $v)))
        ;; expm1Fast's domain: t in [−38, 708], t ≠ 0 (NaN fails every comparison)
        (local.set $ok (v128.and (v128.and (f64x2.ge (local.get $t) (local.get $tFrom)) (f64x2.le (local.get $t) (local.get $tTo)))
                                 (f64x2.ne (local.get $t) (local.get $zero))))
        ;; k = round(256t / ln2): shifted = 256t/ln2 + 1.5·2^52 holds k in its low bits
        (local.set $shifted (f64x2.add (f64x2.mul (local.get $t) (local.get $perLn2)) (local.get $shifter)))
        (local.set $k (f64x2.sub (local.get $shifted) (local.get $shifter)))
        (local.set $rh (f64x2.nmadd (local.get $k) (local.get $hi) (local.get $t)))
        (local.set $c (f64x2.mul (local.get $split) (local.get $rh)))
        (local.set $r1 (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $rh))))
        (local.set $rl (f64x2.mul (local.get $k) (local.get $lo)))
        (local.set $rho (f64x2.sub (f64x2.sub (local.get $rh) (local.get $r1)) (local.get $rl)))
        (local.set $r (f64x2.sub (local.get $rh) (local.get $rl)))
        (local.set $z (f64x2.mul (local.get $r) (local.get $r)))
        ;; P = z·(1/2 + r/6 + z·(1/24 + r/120 + z/720))
        (local.set $p (f64x2.mul (local.get $z)
          (f64x2.madd (local.get $z)
            (f64x2.madd (local.get $z) (local.get $inv720) (f64x2.madd (local.get $r) (local.get $inv120) (local.get $inv24)))
            (f64x2.madd (local.get $r) (local.get $inv6) (local.get $half)))))
        ;; the table entries of k mod 256 (th and τ of each lane), and h = 2^floor(k/256)·th
        (local.set $pairA (v128.load (i32.add (global.get $table) (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $shifted)) (i32.const 255)) (i32.const 4)))))
        (local.set $pairB (v128.load (i32.add (global.get $table) (i32.shl (i32.and (i32x4.extract_lane 2 (local.get $shifted)) (i32.const 255)) (i32.const 4)))))
        (local.set $th (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $pairA) (local.get $pairB)))
        (local.set $tau (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $pairA) (local.get $pairB)))
        (local.set $h (f64x2.mul
          (i64x2.shl (i64x2.add (i64x2.shr_s (i64x2.sub (local.get $shifted) (local.get $shifter)) (i32.const 8)) (local.get $bias)) (i32.const 52))
          (local.get $th)))
        ;; h − 1 = s + e exactly, then y = s + h·r1 and the low part
        (local.set $s (f64x2.sub (local.get $h) (local.get $one)))
        (local.set $bb (f64x2.sub (local.get $s) (local.get $h)))
        (local.set $e (f64x2.sub (f64x2.sub (local.get $h) (f64x2.sub (local.get $s) (local.get $bb))) (f64x2.add (local.get $bb) (local.get $one))))
        (local.set $q (f64x2.mul (local.get $h) (local.get $r1)))
        (local.set $y (f64x2.add (local.get $s) (local.get $q)))
        (local.set $low (f64x2.madd (local.get $h)
          (f64x2.madd (local.get $tau) (f64x2.add (f64x2.add (local.get $r) (local.get $p)) (local.get $one)) (f64x2.add (local.get $rho) (local.get $p)))
          (f64x2.add (f64x2.sub (local.get $q) (f64x2.sub (local.get $y) (local.get $s))) (local.get $e))))
        ;; decided when y + (low ± margin) round alike
        (local.set $margin (f64x2.madd (f64x2.mul (local.get $square) (local.get $h)) (local.get $z) (f64x2.mul (local.get $relative) (f64x2.abs (local.get $y)))))
        (local.set $up (f64x2.add (local.get $y) (f64x2.add (local.get $low) (local.get $margin))))
        (local.set $ok (v128.and (local.get $ok) (f64x2.eq (local.get $up) (f64x2.add (local.get $y) (f64x2.sub (local.get $low) (local.get $margin))))))
        (local.set $up (f64x2.div (local.get $up) (local.get $f)))
        (v128.store (i32.add (local.get $out) (local.get $at)) (local.get $up))
        (if (i32.ne (local.tee $mask (i64x2.bitmask (local.get $ok))) (i32.const 3))
          (then (local.set $count (call $listUndecided (local.get $list) (local.get $count) (local.get $i) (local.get $mask)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br_if $pairs (i32.lt_s (local.get $i) (local.get $n)))))
    (local.get $count))

  ;; Appends to the list at $list, holding $count positions, those of the pair at $i whose bit in
  ;; $mask is 0 (undecided); returns the new count.
  (func $listUndecided (param $list i32) (param $count i32) (param $i i32) (param $mask i32) (result i32)
    (if (i32.eqz (i32.and (local.get $mask) (i32.const 1)))
      (then
        (i32.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))) (local.get $i))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (if (i32.eqz (i32.and (local.get $mask) (i32.const 2)))
      (then
        (i32.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))) (i32.add (local.get $i) (i32.const 1)))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (local.get $count))
)

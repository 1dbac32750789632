;; The Yeo-Johnson transform of PowerTransformer's `transform` (yeo-johnson-transform.ts), four
;; values at a time: two pairs whose statements interleave (`npm run wasm` writes each statement
;; of the `interleave` region for lane pair A, then B), so that the processor overlaps the two
;; long dependency chains. Every operation is an IEEE double operation, in the order of
;; `yeoJohnsonTransform` in yeo-johnson-transform.ts, which replays it value by value: the two
;; give the same doubles (a test compares them). No fused multiply-add, so that every processor
;; gives them too.
;;
;; Per value x: log1p(|x|) through a table (1 + |x| = u + e exactly, u = 2^k·m, z = m·c − 1 with
;; c from the table entry of m's top 8 bits, a degree-7 series in z, and the sum of the large
;; terms split exactly); t = λ·log1p(x) (x >= 0) or (2 − λ)·log1p(−x) (x < 0); expm1(t) through
;; a table of 2^(j/256) (t = (256i + j)·ln2/256 + r, a degree-5 series in r); the division by
;; λ or λ − 2, then the standardization (y − shift) / divisor where shift or divisor is not the
;; identity's. The values this does not decide are listed for the caller (NaN and |x| >= 2^1023,
;; t = 0, where the sign of a zero matters, and t > 708, near overflow); below t = −38,
;; expm1(t) is −1.
;;
;; Memory (imported, so that its size is chosen by the caller) holds, at offsets `setup` gives:
;; the expm1 table (EXPM1_TABLE: 256 pairs th, τ with 2^(j/256) = th·(1 + τ)), the log1p table
;; (256 entries c, m_j·c − 1, −log(c) high and low, with c = 1 at j = 0), then the input, the
;; results and the list of undecided positions (32-bit). The input and results are read and
;; written four at a time: a count that is not a multiple of four needs room for the rest of
;; the last four, whose values (whatever the memory holds) are transformed and ignored, and
;; whose listed positions come last in the list, for the caller to drop.
;;
;; The loop reads its constants from locals set before it: V8's optimizing compiler in Node 24
;; rebuilt each v128.const inside a loop (see power-kernels.wat).
(module
  (import "tabkit" "memory" (memory 1))
  (global $expTable (mut i32) (i32.const 0))
  (global $logTable (mut i32) (i32.const 0))

  (func (export "setup") (param $expTableAt i32) (param $logTableAt i32)
    (global.set $expTable (local.get $expTableAt))
    (global.set $logTable (local.get $logTableAt)))

  ;; out[i] = the transform of the n values at $in, standardized; writes the undecided positions
  ;; at $list and returns their count.
  (func (export "transform") (param $in i32) (param $out i32) (param $n i32) (param $lambda f64) (param $shift f64) (param $divisor f64) (param $list i32) (result i32)
    (local $i i32) (local $count i32) (local $mask i32) (local $standardize i32) (local $atA i32) (local $atB i32)
    (local $x@ v128) (local $a@ v128) (local $positive@ v128) (local $u@ v128) (local $e@ v128) (local $exponent@ v128) (local $scale@ v128)
    (local $ef@ v128) (local $entry0@ i32) (local $entry1@ i32) (local $c0@ v128) (local $c1@ v128) (local $h0@ v128) (local $h1@ v128)
    (local $c@ v128) (local $m@ v128) (local $z@ v128) (local $z2@ v128) (local $p@ v128) (local $low@ v128) (local $hi@ v128) (local $s@ v128)
    (local $log@ v128) (local $t@ v128) (local $ok@ v128) (local $shifted@ v128) (local $k@ v128) (local $r@ v128) (local $r2@ v128) (local $q@ v128)
    (local $pair0@ v128) (local $pair1@ v128) (local $h@ v128) (local $y@ v128)
    (local $lam v128) (local $mirrored v128) (local $lamMinusTwo v128) (local $shifts v128) (local $divisors v128)
    (local $zero v128) (local $one v128) (local $minusOne v128) (local $twiceBias v128) (local $twoTo52 v128) (local $twoTo52PlusBias v128)
    (local $topBits v128) (local $minusHalf v128) (local $third v128) (local $quarter v128) (local $fifth v128) (local $sixth v128)
    (local $seventh v128) (local $ln2Hi v128) (local $ln2Lo v128) (local $aLimit v128) (local $tFrom v128) (local $tTo v128)
    (local $perLn2 v128) (local $shifter v128) (local $ln2By256Hi v128) (local $ln2By256Lo v128) (local $half v128) (local $inv6 v128)
    (local $inv24 v128) (local $inv120 v128) (local $bias v128)
    (local.set $lam (f64x2.splat (local.get $lambda)))
    (local.set $mirrored (f64x2.splat (f64.sub (f64.const 2) (local.get $lambda))))
    (local.set $lamMinusTwo (f64x2.splat (f64.sub (local.get $lambda) (f64.const 2))))
    (local.set $standardize (i32.or (f64.ne (local.get $shift) (f64.const 0)) (f64.ne (local.get $divisor) (f64.const 1))))
    (local.set $shifts (f64x2.splat (local.get $shift)))
    (local.set $divisors (f64x2.splat (local.get $divisor)))
    ;; the loop's constants
    (local.set $zero (v128.const f64x2 0 0))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $minusOne (v128.const f64x2 -1 -1))
    (local.set $twiceBias (v128.const i64x2 2046 2046))
    (local.set $twoTo52 (v128.const i64x2 0x4330000000000000 0x4330000000000000))
    (local.set $twoTo52PlusBias (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52))
    (local.set $topBits (v128.const i64x2 0xfffff00000000000 0xfffff00000000000))
    (local.set $minusHalf (v128.const f64x2 -0.5 -0.5))
    (local.set $third (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2))
    (local.set $quarter (v128.const f64x2 0.25 0.25))
    (local.set $fifth (v128.const f64x2 0x1.999999999999ap-3 0x1.999999999999ap-3))
    (local.set $sixth (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
    (local.set $seventh (v128.const f64x2 0x1.2492492492492p-3 0x1.2492492492492p-3))
    ;; ln2 = ln2Hi + ln2Lo (LN2_HI, LN2_LO), ln2/256 = ln2By256Hi + ln2By256Lo (LN2_256_HI, LN2_256_LO)
    (local.set $ln2Hi (v128.const f64x2 0x1.62e42fefa38p-1 0x1.62e42fefa38p-1))
    (local.set $ln2Lo (v128.const f64x2 0x1.ef35793c7673p-45 0x1.ef35793c7673p-45))
    (local.set $aLimit (v128.const f64x2 0x1p1023 0x1p1023))
    (local.set $tFrom (v128.const f64x2 -38 -38))
    (local.set $tTo (v128.const f64x2 708 708))
    (local.set $perLn2 (v128.const f64x2 0x1.71547652b82fep+8 0x1.71547652b82fep+8))
    (local.set $shifter (v128.const f64x2 0x1.8p+52 0x1.8p+52))
    (local.set $ln2By256Hi (v128.const f64x2 0x1.62e42fefcp-9 0x1.62e42fefcp-9))
    (local.set $ln2By256Lo (v128.const f64x2 -0x1.c610ca86c3899p-45 -0x1.c610ca86c3899p-45))
    (local.set $half (v128.const f64x2 0.5 0.5))
    (local.set $inv6 (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
    (local.set $inv24 (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5))
    (local.set $inv120 (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7))
    (local.set $bias (v128.const i64x2 1023 1023))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $fours
        (local.set $atA (i32.shl (local.get $i) (i32.const 3)))
        (local.set $atB (i32.add (local.get $atA) (i32.const 16)))
        ;; interleave {
        (local.set $x@ (v128.load (i32.add (local.get $in) (local.get $at@))))
        (local.set $a@ (f64x2.abs (local.get $x@)))
        (local.set $positive@ (f64x2.ge (local.get $x@) (local.get $zero)))
        ;; 1 + a = u + e: a − (u − 1) is exact while u <= 2^53, and negligible beyond
        (local.set $u@ (f64x2.add (local.get $a@) (local.get $one)))
        (local.set $e@ (f64x2.sub (local.get $a@) (f64x2.sub (local.get $u@) (local.get $one))))
        ;; u = 2^k·m: 2^-k, and k as a double (2^52 + K − (2^52 + 1023), exact)
        (local.set $exponent@ (i64x2.shr_u (local.get $u@) (i32.const 52)))
        (local.set $scale@ (i64x2.shl (i64x2.sub (local.get $twiceBias) (local.get $exponent@)) (i32.const 52)))
        (local.set $ef@ (f64x2.sub (v128.or (local.get $exponent@) (local.get $twoTo52)) (local.get $twoTo52PlusBias)))
        ;; the log table's entries of m's top 8 bits
        (local.set $entry0@ (i32.add (global.get $logTable) (i32.shr_u (i32.and (i32x4.extract_lane 1 (local.get $u@)) (i32.const 0xff000)) (i32.const 7))))
        (local.set $entry1@ (i32.add (global.get $logTable) (i32.shr_u (i32.and (i32x4.extract_lane 3 (local.get $u@)) (i32.const 0xff000)) (i32.const 7))))
        (local.set $c0@ (v128.load (local.get $entry0@)))
        (local.set $c1@ (v128.load (local.get $entry1@)))
        (local.set $h0@ (v128.load offset=16 (local.get $entry0@)))
        (local.set $h1@ (v128.load offset=16 (local.get $entry1@)))
        (local.set $c@ (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $c0@) (local.get $c1@)))
        ;; z = (m − m_j)·c + (m_j·c − 1), m − m_j = m with its top 8 fraction bits cleared, minus 1
        (local.set $m@ (f64x2.mul (local.get $u@) (local.get $scale@)))
        (local.set $z@ (f64x2.add (f64x2.mul (f64x2.sub (local.get $m@) (v128.and (local.get $m@) (local.get $topBits))) (local.get $c@))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $c0@) (local.get $c1@))))
        (local.set $z2@ (f64x2.mul (local.get $z@) (local.get $z@)))
        ;; p = z²·((−1/2 + z·(1/3 − z/4)) + z³·((1/5 − z/6) + z²/7))
        (local.set $p@ (f64x2.mul (local.get $z2@)
          (f64x2.add
            (f64x2.add (local.get $minusHalf) (f64x2.mul (local.get $z@) (f64x2.sub (local.get $third) (f64x2.mul (local.get $z@) (local.get $quarter)))))
            (f64x2.mul (f64x2.mul (local.get $z2@) (local.get $z@))
              (f64x2.add (f64x2.sub (local.get $fifth) (f64x2.mul (local.get $z@) (local.get $sixth))) (f64x2.mul (local.get $z2@) (local.get $seventh)))))))
        ;; the small terms: k·ln2Lo, −log(c)'s low part, e/u as e·2^-k·c·(1 − z), and p
        (local.set $low@ (f64x2.add
          (f64x2.add
            (f64x2.add (f64x2.mul (local.get $ef@) (local.get $ln2Lo)) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $h0@) (local.get $h1@)))
            (f64x2.mul (f64x2.mul (f64x2.mul (local.get $e@) (local.get $scale@)) (local.get $c@)) (f64x2.sub (local.get $one) (local.get $z@))))
          (local.get $p@)))
        ;; the large ones, hi + z split exactly (Fast2Sum: |hi| > |z| or hi = 0), then the sum
        (local.set $hi@ (f64x2.add (f64x2.mul (local.get $ef@) (local.get $ln2Hi)) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $h0@) (local.get $h1@))))
        (local.set $s@ (f64x2.add (local.get $hi@) (local.get $z@)))
        (local.set $log@ (f64x2.add (local.get $s@) (f64x2.add (f64x2.sub (local.get $z@) (f64x2.sub (local.get $s@) (local.get $hi@))) (local.get $low@))))
        (local.set $t@ (f64x2.mul (v128.bitselect (local.get $lam) (local.get $mirrored) (local.get $positive@)) (local.get $log@)))
        ;; decided: |x| < 2^1023, t <= 708 and t ≠ 0 (NaN fails each)
        (local.set $ok@ (v128.and (v128.and (f64x2.lt (local.get $a@) (local.get $aLimit)) (f64x2.le (local.get $t@) (local.get $tTo)))
          (f64x2.ne (local.get $t@) (local.get $zero))))
        ;; t = k·ln2/256 + r: shifted = 256t/ln2 + 1.5·2^52 holds k = round(256t/ln2) in its low bits
        (local.set $shifted@ (f64x2.add (f64x2.mul (local.get $t@) (local.get $perLn2)) (local.get $shifter)))
        (local.set $k@ (f64x2.sub (local.get $shifted@) (local.get $shifter)))
        (local.set $r@ (f64x2.sub (f64x2.sub (local.get $t@) (f64x2.mul (local.get $k@) (local.get $ln2By256Hi))) (f64x2.mul (local.get $k@) (local.get $ln2By256Lo))))
        (local.set $r2@ (f64x2.mul (local.get $r@) (local.get $r@)))
        ;; q = e^r − 1 = r + r²·((1/2 + r/6) + r²·(1/24 + r/120))
        (local.set $q@ (f64x2.add (local.get $r@) (f64x2.mul (local.get $r2@)
          (f64x2.add (f64x2.add (local.get $half) (f64x2.mul (local.get $r@) (local.get $inv6)))
            (f64x2.mul (local.get $r2@) (f64x2.add (local.get $inv24) (f64x2.mul (local.get $r@) (local.get $inv120))))))))
        ;; the expm1 table's entries of k mod 256, and h = 2^floor(k/256)·th (from shifted's bits:
        ;; 1.5·2^52's are a multiple of 2^12 after the shift, so they leave the exponent field)
        (local.set $pair0@ (v128.load (i32.add (global.get $expTable) (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $shifted@)) (i32.const 255)) (i32.const 4)))))
        (local.set $pair1@ (v128.load (i32.add (global.get $expTable) (i32.shl (i32.and (i32x4.extract_lane 2 (local.get $shifted@)) (i32.const 255)) (i32.const 4)))))
        (local.set $h@ (f64x2.mul (i64x2.shl (i64x2.add (i64x2.shr_u (local.get $shifted@) (i32.const 8)) (local.get $bias)) (i32.const 52))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $pair0@) (local.get $pair1@))))
        ;; expm1(t) = (h − 1) + h·(q + τ·(q + 1)), −1 below t = −38
        (local.set $y@ (f64x2.add (f64x2.sub (local.get $h@) (local.get $one))
          (f64x2.mul (local.get $h@) (f64x2.add (local.get $q@)
            (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $pair0@) (local.get $pair1@)) (f64x2.add (local.get $q@) (local.get $one)))))))
        (local.set $y@ (v128.bitselect (local.get $minusOne) (local.get $y@) (f64x2.lt (local.get $t@) (local.get $tFrom))))
        ;; expm1(t) / λ, or / (λ − 2) below 0 (the same double as −expm1(t) / (2 − λ))
        (local.set $y@ (f64x2.div (local.get $y@) (v128.bitselect (local.get $lam) (local.get $lamMinusTwo) (local.get $positive@))))
        (if (local.get $standardize)
          (then (local.set $y@ (f64x2.div (f64x2.sub (local.get $y@) (local.get $shifts)) (local.get $divisors)))))
        (v128.store (i32.add (local.get $out) (local.get $at@)) (local.get $y@))
        ;; } interleave
        (if (i32.ne (local.tee $mask (i64x2.bitmask (local.get $okA))) (i32.const 3))
          (then (local.set $count (call $listUndecided (local.get $list) (local.get $count) (local.get $i) (local.get $mask)))))
        (if (i32.ne (local.tee $mask (i64x2.bitmask (local.get $okB))) (i32.const 3))
          (then (local.set $count (call $listUndecided (local.get $list) (local.get $count) (i32.add (local.get $i) (i32.const 2)) (local.get $mask)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br_if $fours (i32.lt_s (local.get $i) (local.get $n)))))
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

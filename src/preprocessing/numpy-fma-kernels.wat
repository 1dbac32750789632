;; numpy's `exp` and `log1p` (SVML's float64 kernels on AVX-512 machines, numpy-exp.ts and
;; numpy-log.ts) replayed with the hardware's fused multiply-add, two values at a time: the same
;; operations as numpy-kernels.wat, each FMA of SVML's kernels a `f64x2.relaxed_madd`, so every
;; value comes out as SVML's without the rounding tests and exact products that emulate the FMA
;; there. `relaxed_madd` rounds once where the processor has an FMA instruction (x86-64 with FMA3,
;; ARM64) and twice elsewhere; `fused` tells which, and numpy-kernels.ts uses this module only
;; where it returns 1 (and only where the runtime has relaxed SIMD: Node 22 and later, current
;; browsers). The values outside the kernels' ranges are listed for the caller, as there.
;;
;; Assembled into numpy-fma-kernels-binary.ts by `npm run wasm`; a test checks that the two agree.
;; Memory as numpy-kernels.wat's: the same constants at the offsets `setup` gives, then the input,
;; the results and the list, read and written in pairs.
;;
;; The loops read their constants from locals set before them: V8's optimizing compiler in
;; Node 24 rebuilt each v128.const inside the loop (see power-kernels.wat).
(module
  (import "tabkit" "memory" (memory 1))
  (global $expConstants (mut i32) (i32.const 0))
  (global $logConstants (mut i32) (i32.const 0))

  ;; The offsets of numpy-exp.ts's EXP_KERNEL_CONSTANTS and numpy-log.ts's LOG1P_KERNEL_CONSTANTS.
  (func (export "setup") (param $expAt i32) (param $logAt i32)
    (global.set $expConstants (local.get $expAt))
    (global.set $logConstants (local.get $logAt)))

  ;; 1 where `relaxed_madd` rounds once: (1 + 2^-30)(1 − 2^-30) − 1 is −2^-60 fused and 0 unfused.
  (func (export "fused") (result i32)
    (f64x2.extract_lane 0 (f64x2.relaxed_madd (f64x2.splat (f64.const 0x1.00000004p+0)) (f64x2.splat (f64.const 0x1.fffffff8p-1)) (f64x2.splat (f64.const -1))))
    (f64.const -0x1p-60)
    (f64.eq))

  ;; out[i] = np.exp(x) for the n values x at $in; lists |x| >= 707.70 and NaN (SVML's rare-case
  ;; path) at $list and returns their count.
  (func (export "numpyExp") (param $in i32) (param $out i32) (param $n i32) (param $list i32) (result i32)
    (local $zero v128) (local $minus16 v128) (local $bias v128)
    (local $i i32) (local $at i32) (local $count i32) (local $mask i32) (local $c i32) (local $j0 i32) (local $j1 i32)
    (local $x v128) (local $shifted v128) (local $m v128) (local $r v128) (local $r2 v128) (local $q v128) (local $jv v128)
    (local $tab v128) (local $tail v128) (local $y v128)
    (local $invLn2 v128) (local $shifter v128) (local $ulp v128) (local $ln2Hi v128) (local $ln2Lo v128) (local $q1 v128) (local $q2 v128)
    (local $q3 v128) (local $q4 v128) (local $q5 v128) (local $q6 v128) (local $rare v128)
    (local.set $c (global.get $expConstants))
    (local.set $invLn2 (v128.load64_splat offset=0 (local.get $c)))
    (local.set $shifter (v128.load64_splat offset=8 (local.get $c)))
    (local.set $ulp (v128.load64_splat offset=16 (local.get $c)))
    (local.set $ln2Hi (v128.load64_splat offset=24 (local.get $c)))
    (local.set $ln2Lo (v128.load64_splat offset=32 (local.get $c)))
    (local.set $q1 (v128.load64_splat offset=40 (local.get $c)))
    (local.set $q2 (v128.load64_splat offset=48 (local.get $c)))
    (local.set $q3 (v128.load64_splat offset=56 (local.get $c)))
    (local.set $q4 (v128.load64_splat offset=64 (local.get $c)))
    (local.set $q5 (v128.load64_splat offset=72 (local.get $c)))
    (local.set $q6 (v128.load64_splat offset=80 (local.get $c)))
    (local.set $rare (v128.load64_splat offset=88 (local.get $c)))
    ;; the loop's constants
    (local.set $zero (v128.const f64x2 0 0))
    (local.set $minus16 (v128.const f64x2 -16 -16))
    (local.set $bias (v128.const i64x2 1023 1023))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pairs
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $x (v128.load (i32.add (local.get $in) (local.get $at))))
        ;; −N: x·INV_LN2 + SHIFTER rounded towards zero, from the rounded FMA and the sign of its
        ;; exact remainder (SHIFTER − shifted is exact)
        (local.set $shifted (f64x2.relaxed_madd (local.get $x) (local.get $invLn2) (local.get $shifter)))
        (local.set $shifted (v128.bitselect (f64x2.sub (local.get $shifted) (local.get $ulp)) (local.get $shifted)
          (f64x2.lt (f64x2.relaxed_madd (local.get $x) (local.get $invLn2) (f64x2.sub (local.get $shifter) (local.get $shifted))) (local.get $zero))))
        (local.set $m (f64x2.sub (local.get $shifter) (local.get $shifted)))
        (local.set $r (f64x2.relaxed_madd (local.get $m) (local.get $ln2Lo) (f64x2.relaxed_madd (local.get $m) (local.get $ln2Hi) (local.get $x))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $q (f64x2.relaxed_madd (local.get $r2)
          (f64x2.relaxed_madd (local.get $r2) (f64x2.relaxed_madd (local.get $q6) (local.get $r) (local.get $q5)) (f64x2.relaxed_madd (local.get $q4) (local.get $r) (local.get $q3)))
          (f64x2.relaxed_madd (local.get $q2) (local.get $r) (local.get $q1))))
        ;; j = −16·m mod 16: the table entry and its tail (constants 25 and 41 on)
        (local.set $jv (i32x4.trunc_sat_f64x2_s_zero (f64x2.mul (local.get $m) (local.get $minus16))))
        (local.set $j0 (i32.add (local.get $c) (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $jv)) (i32.const 15)) (i32.const 3))))
        (local.set $j1 (i32.add (local.get $c) (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $jv)) (i32.const 15)) (i32.const 3))))
        (local.set $tab (v128.load64_lane offset=200 1 (local.get $j1) (v128.load64_zero offset=200 (local.get $j0))))
        (local.set $tail (v128.load64_lane offset=328 1 (local.get $j1) (v128.load64_zero offset=328 (local.get $j0))))
        ;; T + T·(tail + q·r), scaled by 2^floor(N) = 2^(−ceil(m))
        (local.set $y (f64x2.relaxed_madd (local.get $tab) (f64x2.relaxed_madd (local.get $q) (local.get $r) (local.get $tail)) (local.get $tab)))
        (v128.store (i32.add (local.get $out) (local.get $at)) (f64x2.mul (local.get $y)
          (i64x2.shl (i64x2.sub (local.get $bias) (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (f64x2.ceil (local.get $m))))) (i32.const 52))))
        (if (i32.ne (local.tee $mask (i64x2.bitmask (f64x2.lt (f64x2.abs (local.get $x)) (local.get $rare)))) (i32.const 3))
          (then (local.set $count (call $listUndecided (local.get $list) (local.get $count) (local.get $i) (local.get $mask)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br_if $pairs (i32.lt_s (local.get $i) (local.get $n)))))
    (local.get $count))

  ;; out[i] = np.log1p(v) for the n values v at $in; lists those outside the kernel's range
  ;; (v <= −1, v >= 2^1000, |v| < 2^-60, NaN) at $list and returns their count.
  (func (export "numpyLog1p") (param $in i32) (param $out i32) (param $n i32) (param $list i32) (result i32)
    (local $one v128) (local $fractionBits v128) (local $oneBits v128) (local $twoTo52 v128) (local $twoTo52PlusBias v128) (local $inv32 v128) (local $minusOne v128) (local $twiceBias v128) (local $twentyFour v128)
    (local $i i32) (local $at i32) (local $count i32) (local $mask i32) (local $c i32) (local $kA i32) (local $kB i32) (local $entryA i32) (local $entryB i32)
    (local $v v128) (local $y v128) (local $low v128) (local $biased v128) (local $m v128) (local $e v128) (local $k v128) (local $cr v128)
    (local $rh v128) (local $rl v128) (local $r v128) (local $r2 v128) (local $pairA v128) (local $pairB v128) (local $head v128) (local $sum v128) (local $poly v128)
    (local $ln2Hi v128) (local $ln2Lo v128) (local $p2 v128) (local $p3 v128) (local $p4 v128) (local $p5 v128) (local $p6 v128) (local $p7 v128)
    (local $p8 v128) (local $p9 v128) (local $tiny v128) (local $huge v128)
    (local.set $c (global.get $logConstants))
    (local.set $ln2Hi (v128.load64_splat offset=0 (local.get $c)))
    (local.set $ln2Lo (v128.load64_splat offset=8 (local.get $c)))
    (local.set $p2 (v128.load64_splat offset=16 (local.get $c)))
    (local.set $p3 (v128.load64_splat offset=24 (local.get $c)))
    (local.set $p4 (v128.load64_splat offset=32 (local.get $c)))
    (local.set $p5 (v128.load64_splat offset=40 (local.get $c)))
    (local.set $p6 (v128.load64_splat offset=48 (local.get $c)))
    (local.set $p7 (v128.load64_splat offset=56 (local.get $c)))
    (local.set $p8 (v128.load64_splat offset=64 (local.get $c)))
    (local.set $p9 (v128.load64_splat offset=72 (local.get $c)))
    (local.set $tiny (v128.load64_splat offset=104 (local.get $c)))
    (local.set $huge (v128.load64_splat offset=112 (local.get $c)))
    ;; the loop's constants
    (local.set $one (v128.const f64x2 1 1))
    (local.set $fractionBits (v128.const i64x2 0x000fffffffffffff 0x000fffffffffffff))
    (local.set $oneBits (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000))
    (local.set $twoTo52 (v128.const i64x2 0x4330000000000000 0x4330000000000000))
    (local.set $twoTo52PlusBias (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52))
    (local.set $inv32 (v128.const f64x2 0.03125 0.03125))
    (local.set $minusOne (v128.const f64x2 -1 -1))
    (local.set $twiceBias (v128.const i64x2 2046 2046))
    (local.set $twentyFour (v128.const f64x2 24 24))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pairs
        (local.set $at (i32.shl (local.get $i) (i32.const 3)))
        (local.set $v (v128.load (i32.add (local.get $in) (local.get $at))))
        ;; 1 + v = y + low exactly; y = 2^e·m with m in [1, 2), e as a double
        (local.set $y (f64x2.add (local.get $one) (local.get $v)))
        (local.set $low (v128.bitselect (f64x2.sub (local.get $one) (f64x2.sub (local.get $y) (local.get $v)))
          (f64x2.sub (local.get $v) (f64x2.sub (local.get $y) (local.get $one))) (f64x2.gt (local.get $v) (local.get $one))))
        (local.set $biased (i64x2.shr_u (local.get $y) (i32.const 52)))
        (local.set $m (v128.or (v128.and (local.get $y) (local.get $fractionBits)) (local.get $oneBits)))
        (local.set $e (f64x2.sub (v128.or (local.get $biased) (local.get $twoTo52)) (local.get $twoTo52PlusBias)))
        ;; 32·c from the top 15 fraction bits of m, and the entries (−log c, its tail) of 32·c − 16
        (local.set $kA (i32.load8_u offset=448 (i32.add (local.get $c) (i32.and (i32.shr_u (i32x4.extract_lane 1 (local.get $y)) (i32.const 5)) (i32.const 0x7fff)))))
        (local.set $kB (i32.load8_u offset=448 (i32.add (local.get $c) (i32.and (i32.shr_u (i32x4.extract_lane 3 (local.get $y)) (i32.const 5)) (i32.const 0x7fff)))))
        (local.set $entryA (i32.add (local.get $c) (i32.shl (i32.and (i32.sub (local.get $kA) (i32.const 16)) (i32.const 15)) (i32.const 4))))
        (local.set $entryB (i32.add (local.get $c) (i32.shl (i32.and (i32.sub (local.get $kB) (i32.const 16)) (i32.const 15)) (i32.const 4))))
        (local.set $pairA (v128.load offset=192 (local.get $entryA)))
        (local.set $pairB (v128.load offset=192 (local.get $entryB)))
        (local.set $k (f64x2.convert_low_i32x4_s (i32x4.replace_lane 1 (i32x4.splat (local.get $kA)) (local.get $kB))))
        (local.set $cr (f64x2.mul (local.get $k) (local.get $inv32)))
        ;; r = (c·m − 1, exact) + c·low·2^-e; then e + 1 where c < 0.75 (the table holds −log 2c)
        (local.set $rh (f64x2.relaxed_madd (local.get $cr) (local.get $m) (local.get $minusOne)))
        (local.set $rl (f64x2.mul (local.get $cr) (f64x2.mul (local.get $low)
          (i64x2.shl (i64x2.sub (local.get $twiceBias) (local.get $biased)) (i32.const 52)))))
        (local.set $e (f64x2.add (local.get $e) (v128.and (f64x2.lt (local.get $k) (local.get $twentyFour)) (local.get $one))))
        (local.set $r (f64x2.add (local.get $rh) (local.get $rl)))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $head (f64x2.add (f64x2.mul (local.get $e) (local.get $ln2Hi)) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $pairA) (local.get $pairB))))
        (local.set $sum (f64x2.add (local.get $head) (local.get $r)))
        ;; the polynomial by FMAs, its last one adding the head's rounding error
        (local.set $poly (f64x2.relaxed_madd (f64x2.mul (local.get $r2) (local.get $r2))
          (f64x2.relaxed_madd (local.get $r2) (f64x2.relaxed_madd (local.get $p9) (local.get $r) (local.get $p8)) (f64x2.relaxed_madd (local.get $p7) (local.get $r) (local.get $p6)))
          (f64x2.relaxed_madd (local.get $r2) (f64x2.relaxed_madd (local.get $p5) (local.get $r) (local.get $p4)) (f64x2.relaxed_madd (local.get $p3) (local.get $r) (local.get $p2)))))
        (v128.store (i32.add (local.get $out) (local.get $at))
          (f64x2.add (local.get $sum) (f64x2.add
            (f64x2.relaxed_madd (local.get $r2) (local.get $poly) (f64x2.sub (local.get $r) (f64x2.sub (local.get $sum) (local.get $head))))
            (f64x2.add (f64x2.mul (local.get $e) (local.get $ln2Lo))
              (f64x2.add (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $pairA) (local.get $pairB))
                (f64x2.sub (local.get $rl) (f64x2.sub (local.get $r) (local.get $rh))))))))
        (if (i32.ne (local.tee $mask (i64x2.bitmask (v128.and (v128.and (f64x2.gt (local.get $v) (local.get $minusOne)) (f64x2.lt (local.get $v) (local.get $huge)))
              (f64x2.ge (f64x2.abs (local.get $v)) (local.get $tiny))))) (i32.const 3))
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
    (local.get $count)))

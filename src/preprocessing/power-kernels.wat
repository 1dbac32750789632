;; WebAssembly kernels of the Yeo-Johnson transform (power-functions.ts), two values at a time
;; with 128-bit SIMD. Every operation is an IEEE double operation as in JavaScript (the relaxed
;; build's multiply-adds round once, see below), and a value is written only where a rounding test
;; proves it equal to what the JavaScript functions return;
;; the other positions are listed for the caller to compute in JavaScript.
;;
;; From the values or from their logs (`signedLogs`, `yeoJohnson`): the correctly rounded
;; log1p(|x|) through the table-driven fast path of correctly-rounded.ts's `log1pRounded`, then
;; the correctly rounded expm1 of λ·log1p(x) (x >= 0) or of (2 − λ)·log1p(−x) (x < 0) through the
;; fast path of its `expm1Fast`, both replayed operation for operation (but for one polynomial,
;; see `signedLogs`, and the relaxed build's multiply-adds), then the division by λ or λ − 2. Each test decides only correctly rounded
;; values; about 1 in 1,000, and every value outside the fast paths' ranges, is listed.
;;
;; Assembled twice by `npm run wasm` (a test checks that each build agrees with this source):
;; `f64x2.madd a b c` (a·b + c) and `f64x2.nmadd a b c` (c − a·b) are relaxed SIMD's multiply-adds
;; in power-fma-kernels-binary.ts, fused where the processor has an FMA, and a multiplication and
;; an addition in power-kernels-binary.ts. They stay out of the error-free transformations
;; (Veltkamp's split, 2Sum, h − 1); three take exact products (z, logHi, rh), which round alike
;; either way; in the others a fused one rounds once where the pair rounds twice, within the
;; bounds the rounding tests allow. So both builds decide only correctly rounded values (not always
;; the same ones), and the caller computes the rest: the results are the same.
;; The module stays under 4 KB so that browsers compile it synchronously on the main thread.
;;
;; Memory (imported, so that its size is chosen by the caller) holds, at offsets the caller
;; gives: the expm1 table (EXPM1_TABLE: 256 pairs th, τ), the log1p table (LOG_TABLE: 256
;; entries c, m_j·c − 1, −log(c) high and low), the input (values, or signed logs: log1p(|x|),
;; negated where x < 0), the results and the list of undecided positions (32-bit). The input and
;; results are read and written in pairs: an odd count needs one double of room past each.
;;
;; The loops read their constants from locals set before them: V8's optimizing compiler in Node 24
;; rebuilt each v128.const inside the loop, three or four instructions every time (both passes
;; took 14.4 ns a value on 100k values instead of 11.7 ns; Node 20's 11.5 ns did not change).
(module
  (import "tabkit" "memory" (memory 1))
  (global $table (mut i32) (i32.const 0))
  (global $ln2Hi (mut f64) (f64.const 0))
  (global $ln2Lo (mut f64) (f64.const 0))
  (global $splitter (mut f64) (f64.const 0))
  (global $boundSquare (mut f64) (f64.const 0))
  (global $bound (mut f64) (f64.const 0))
  (global $logTable (mut i32) (i32.const 0))
  (global $logLn2Hi (mut f64) (f64.const 0))
  (global $logLn2Lo (mut f64) (f64.const 0))
  (global $logBound (mut f64) (f64.const 0))

  ;; The tables' offsets and the fast paths' constants: for expm1, ln2/256 = ln2Hi + ln2Lo,
  ;; Veltkamp's splitter and the two factors of the rounding test's error bound; for log1p,
  ;; ln2 = logLn2Hi + logLn2Lo and the error bound.
  (func (export "setup") (param $tableAt i32) (param $hi f64) (param $lo f64) (param $split f64) (param $square f64) (param $relative f64)
                         (param $logTableAt i32) (param $logHi f64) (param $logLo f64) (param $logError f64)
    (global.set $table (local.get $tableAt))
    (global.set $ln2Hi (local.get $hi))
    (global.set $ln2Lo (local.get $lo))
    (global.set $splitter (local.get $split))
    (global.set $boundSquare (local.get $square))
    (global.set $bound (local.get $relative))
    (global.set $logTable (local.get $logTableAt))
    (global.set $logLn2Hi (local.get $logHi))
    (global.set $logLn2Lo (local.get $logLo))
    (global.set $logBound (local.get $logError)))

  ;; Replaces the n values at $values, in place, by their signed logs (log1p(|x|), negated where
  ;; x < 0), or NaN where log1pRounded's fast path does not decide the rounding or does not apply
  ;; (|x| outside [0.07, 1e300], NaN). A pass of its own: the logs' dependency chain and the
  ;; exponential's, in one loop, left the processor waiting on both.
  (func (export "signedLogs") (param $values i32) (param $n i32)
    (local $fastFrom v128) (local $fastTo v128) (local $one v128) (local $twiceBias v128) (local $twoTo52 v128) (local $twoTo52PlusBias v128)
    (local $topBits v128) (local $inv3 v128) (local $inv4 v128) (local $inv5 v128) (local $inv6 v128) (local $inv7 v128) (local $inv8 v128)
    (local $minusHalf v128) (local $zero v128) (local $nan v128)
    (local $at i32) (local $end i32)
    (local $x v128) (local $a v128) (local $uh v128) (local $bb v128) (local $ul v128) (local $exponent v128) (local $scale v128) (local $ef v128)
    (local $entryA i32) (local $entryB i32) (local $cA v128) (local $cB v128) (local $hA v128) (local $hB v128) (local $cj v128) (local $m v128)
    (local $z v128) (local $zl v128) (local $z2 v128) (local $p v128) (local $logLo v128) (local $logHi v128) (local $s v128) (local $low v128)
    (local $up v128) (local $logOk v128) (local $logHiC v128) (local $logLoC v128) (local $logMargin v128)
    (local.set $logHiC (f64x2.splat (global.get $logLn2Hi)))
    (local.set $logLoC (f64x2.splat (global.get $logLn2Lo)))
    (local.set $logMargin (f64x2.splat (global.get $logBound)))
    (local.set $at (local.get $values))
    (local.set $end (i32.add (local.get $values) (i32.shl (local.get $n) (i32.const 3))))
    ;; the loop's constants
    (local.set $fastFrom (v128.const f64x2 0x1.1eb851eb851ecp-4 0x1.1eb851eb851ecp-4))
    (local.set $fastTo (v128.const f64x2 0x1.7e43c8800759cp+996 0x1.7e43c8800759cp+996))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $twiceBias (v128.const i64x2 2046 2046))
    (local.set $twoTo52 (v128.const i64x2 0x4330000000000000 0x4330000000000000))
    (local.set $twoTo52PlusBias (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52))
    (local.set $topBits (v128.const i64x2 0xfffff00000000000 0xfffff00000000000))
    (local.set $inv3 (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2))
    (local.set $inv4 (v128.const f64x2 0.25 0.25))
    (local.set $inv5 (v128.const f64x2 0x1.999999999999ap-3 0x1.999999999999ap-3))
    (local.set $inv6 (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
    (local.set $inv7 (v128.const f64x2 0x1.2492492492492p-3 0x1.2492492492492p-3))
    (local.set $inv8 (v128.const f64x2 0.125 0.125))
    (local.set $minusHalf (v128.const f64x2 -0.5 -0.5))
    (local.set $zero (v128.const f64x2 0 0))
    (local.set $nan (v128.const f64x2 nan nan))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pairs
        (local.set $x (v128.load (local.get $at)))
        ;; log1pRounded's fast path on a = |x| in [0.07, 1e300]: 1 + a = uh + ul exactly,
        ;; uh = 2^e·m, the table entry j of m's top 8 bits, z = m·c − 1 exactly, the
        ;; polynomial, and the rounding test
        (local.set $a (f64x2.abs (local.get $x)))
        (local.set $logOk (v128.and (f64x2.ge (local.get $a) (local.get $fastFrom))
                                    (f64x2.le (local.get $a) (local.get $fastTo))))
        (local.set $uh (f64x2.add (local.get $one) (local.get $a)))
        (local.set $bb (f64x2.sub (local.get $uh) (local.get $a)))
        (local.set $ul (f64x2.add (f64x2.sub (local.get $one) (local.get $bb)) (f64x2.sub (local.get $a) (f64x2.sub (local.get $uh) (local.get $bb)))))
        (local.set $exponent (i64x2.shr_u (local.get $uh) (i32.const 52)))
        ;; 2^-e, and e as a double (2^52 + E − (2^52 + 1023), exact)
        (local.set $scale (i64x2.shl (i64x2.sub (local.get $twiceBias) (local.get $exponent)) (i32.const 52)))
        (local.set $ef (f64x2.sub (v128.or (local.get $exponent) (local.get $twoTo52)) (local.get $twoTo52PlusBias)))
        (local.set $entryA (i32.add (global.get $logTable) (i32.shr_u (i32.and (i32x4.extract_lane 1 (local.get $uh)) (i32.const 0xff000)) (i32.const 7))))
        (local.set $entryB (i32.add (global.get $logTable) (i32.shr_u (i32.and (i32x4.extract_lane 3 (local.get $uh)) (i32.const 0xff000)) (i32.const 7))))
        (local.set $cA (v128.load (local.get $entryA)))
        (local.set $cB (v128.load (local.get $entryB)))
        (local.set $hA (v128.load offset=16 (local.get $entryA)))
        (local.set $hB (v128.load offset=16 (local.get $entryB)))
        (local.set $cj (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $cA) (local.get $cB)))
        ;; z = (m_j·c − 1) + (m − m_j)·c, m − m_j = m with its top 8 fraction bits cleared, minus 1
        (local.set $m (f64x2.mul (local.get $uh) (local.get $scale)))
        (local.set $z (f64x2.madd (f64x2.sub (local.get $m) (v128.and (local.get $m) (local.get $topBits))) (local.get $cj)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $cA) (local.get $cB))))
        (local.set $zl (f64x2.mul (f64x2.mul (local.get $ul) (local.get $scale)) (local.get $cj)))
        (local.set $z2 (f64x2.mul (local.get $z) (local.get $z)))
        ;; P = z²·(z·q − 1/2) with q = (1/3 − z/4) + z²·((1/5 − z/6) + z²·(1/7 − z/8)): q in
        ;; Estrin's order rather than log1pRounded's Horner (a shorter dependency chain); its
        ;; rounding errors, below 2^-52·|z|³ < 2^-77, stay far inside the test's bound (2^-66
        ;; for an error of 2^-68.3), so a decided value is still the correctly rounded log1p
        ;; that log1pRounded returns
        (local.set $p (f64x2.mul (local.get $z2) (f64x2.madd (local.get $z)
          (f64x2.madd (local.get $z2)
            (f64x2.madd (local.get $z2) (f64x2.nmadd (local.get $z) (local.get $inv8) (local.get $inv7)) (f64x2.nmadd (local.get $z) (local.get $inv6) (local.get $inv5)))
            (f64x2.nmadd (local.get $z) (local.get $inv4) (local.get $inv3)))
          (local.get $minusHalf))))
        (local.set $logLo (f64x2.add
          (f64x2.madd (local.get $zl) (f64x2.add (f64x2.sub (local.get $one) (local.get $z)) (local.get $z2))
            (f64x2.madd (local.get $ef) (local.get $logLoC) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $hA) (local.get $hB))))
          (local.get $p)))
        (local.set $logHi (f64x2.madd (local.get $ef) (local.get $logHiC) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $hA) (local.get $hB))))
        (local.set $s (f64x2.add (local.get $logHi) (local.get $z)))
        (local.set $low (f64x2.add (f64x2.sub (local.get $z) (f64x2.sub (local.get $s) (local.get $logHi))) (local.get $logLo)))
        (local.set $up (f64x2.add (local.get $s) (f64x2.add (local.get $low) (local.get $logMargin))))
        (local.set $logOk (v128.and (local.get $logOk) (f64x2.eq (local.get $up) (f64x2.add (local.get $s) (f64x2.sub (local.get $low) (local.get $logMargin))))))
        ;; the signed log, NaN where undecided
        (v128.store (local.get $at) (v128.bitselect
          (v128.bitselect (local.get $up) (f64x2.neg (local.get $up)) (f64x2.ge (local.get $x) (local.get $zero)))
          (local.get $nan) (local.get $logOk)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br_if $pairs (i32.lt_u (local.get $at) (local.get $end))))))

  ;; out[i] = (y − shift) / divisor with y = expm1(t) / f for the n signed logs v at $logs,
  ;; where f = λ for v >= 0 and λ − 2 below, t = f·v (so (2 − λ)·|v| below 0, and
  ;; −expm1(t) / (2 − λ) is the same double as expm1(t) / (λ − 2)); shift 0 and divisor 1 give y
  ;; itself, others the standardization. Writes the undecided positions (NaN logs among them) at
  ;; $list and returns their count. A decided y is finite: |y| = |expm1(t)|·log1p(|x|) / |t| with
  ;; t <= 708 and log1p(|x|) <= 709.8, at most 709.8 / 708 · expm1(708).
  (func (export "yeoJohnson") (param $logs i32) (param $out i32) (param $n i32) (param $lambda f64) (param $shift f64) (param $divisor f64) (param $list i32) (result i32)
    (local $zero v128) (local $tFrom v128) (local $tTo v128) (local $perLn2 v128) (local $shifter v128) (local $half v128)
    (local $inv6 v128) (local $inv24 v128) (local $inv120 v128) (local $inv720 v128) (local $bias v128) (local $one v128)
    (local $i i32) (local $at i32) (local $count i32) (local $mask i32) (local $standardize i32)
    (local $v v128) (local $f v128) (local $t v128) (local $shifted v128) (local $k v128) (local $rh v128) (local $c v128)
    (local $r1 v128) (local $rl v128) (local $rho v128) (local $r v128) (local $z v128) (local $p v128) (local $pairA v128)
    (local $pairB v128) (local $th v128) (local $tau v128) (local $h v128) (local $s v128) (local $bb v128) (local $e v128)
    (local $q v128) (local $y v128) (local $low v128) (local $margin v128) (local $up v128) (local $ok v128)
    (local $lam v128) (local $lamMinusTwo v128) (local $shifts v128) (local $divisors v128) (local $hi v128) (local $lo v128) (local $split v128) (local $square v128) (local $relative v128)
    (local.set $lam (f64x2.splat (local.get $lambda)))
    (local.set $standardize (i32.or (f64.ne (local.get $shift) (f64.const 0)) (f64.ne (local.get $divisor) (f64.const 1))))
    (local.set $shifts (f64x2.splat (local.get $shift)))
    (local.set $divisors (f64x2.splat (local.get $divisor)))
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
        ;; the division by the scale only where standardizing (it slowed the lambda search by 8%)
        (local.set $up (f64x2.div (local.get $up) (local.get $f)))
        (if (local.get $standardize)
          (then (local.set $up (f64x2.div (f64x2.sub (local.get $up) (local.get $shifts)) (local.get $divisors)))))
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

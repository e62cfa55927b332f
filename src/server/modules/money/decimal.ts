// Exact money: yuan as BigInt fen (分), fractions kept as numerator/denominator until one rounding,
// half up, at the very end. No binary floating point touches a sum.

/** "1550000.00" / "12.5" / "3" → fen. The string is already checked by ZYuan (digits, ≤ 2 decimals). */
export function fenOf(yuan: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!m) throw new RangeError(`not a sum in yuan: ${JSON.stringify(yuan)}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
}

/** A stored numeric(14,2) read as a JS number (at most 12 integer digits: exact to the fen). */
export function fenOfNumber(n: number): bigint {
  return fenOf(n.toFixed(2));
}

/** fen → "1550000.00" */
export function yuanOf(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** An exact non-negative fraction of fen. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export const frac = (num: bigint, den: bigint = 1n): Fraction => ({ num, den });

/** a + b, exactly. */
export const addFrac = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });

/** The fraction rounded to whole fen, half up (0.005 yuan → 0.01): the one rounding of a calculation. */
export function roundHalfUp(f: Fraction): bigint {
  if (f.num < 0n || f.den <= 0n) throw new RangeError('roundHalfUp takes a non-negative fraction');
  return (2n * f.num + f.den) / (2n * f.den);
}

/** "155000.00" from fen × num / den, rounded once. */
export const yuanOfFrac = (f: Fraction): string => yuanOf(roundHalfUp(f));

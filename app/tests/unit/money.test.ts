import { describe, expect, it } from 'vitest';
import { FINE, demurragePercent, formatFine, formatSmallest, parseAmount } from '../../src/features/money/amounts';
import { devAccount } from '../../src/features/money/accounts';

describe('amounts', () => {
  it('formats smallest and fine units with the currency decimals', () => {
    expect(formatSmallest(1200n, 2)).toBe('12.00');
    expect(formatSmallest(5n, 3)).toBe('0.005');
    expect(formatSmallest(-150n, 2)).toBe('−1.50');
    expect(formatSmallest(7n, 0)).toBe('7');
    expect(formatFine(1234n * FINE + FINE / 2n, 2)).toBe('12.34');
  });

  it('parses what a member types, and refuses what a call would refuse', () => {
    expect(parseAmount('12', 2)).toBe(1200n);
    expect(parseAmount('12,5', 2)).toBe(1250n);
    expect(parseAmount(' 0.01 ', 2)).toBe(1n);
    for (const bad of ['', '0', '0.00', '-1', '1.234', 'abc', '1e3']) expect(() => parseAmount(bad, 2), bad).toThrow('bad-amount');
  });

  it('shows a Perbill rate as a percentage', () => {
    expect(demurragePercent(100_000_000)).toBe('10');
    expect(demurragePercent(50_000_000)).toBe('5');
  });
});

describe('dev accounts', () => {
  it('derive the well-known addresses of the dev phrase', () => {
    expect(devAccount('Alice').address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect(devAccount('Bob').address).toBe('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty');
  });
});

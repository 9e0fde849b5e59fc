import { describe, expect, it } from 'vitest';
import { judgedName } from '../../src/features/vote/elections';

const reg = (display: { type: string; value?: unknown }, ...verdicts: string[]) => ({
  judgements: verdicts.map((type, i) => [i, { type }] as [number, { type: string }]),
  info: { display },
});
const bob = { type: 'Raw3', value: '0x426f62' };

describe('a candidate’s name on the ballot', () => {
  it('is the display name a registrar vouches for', () => {
    expect(judgedName(reg(bob, 'Reasonable'))).toBe('Bob');
    expect(judgedName(reg(bob, 'FeePaid', 'KnownGood'))).toBe('Bob');
    expect(judgedName(reg({ type: 'Raw1', value: 0x42 }, 'Reasonable'))).toBe('B');
  });

  it('is withheld (the address shows) when no registrar vouches, or one objects', () => {
    expect(judgedName(undefined)).toBeUndefined();
    expect(judgedName(reg(bob))).toBeUndefined();
    expect(judgedName(reg(bob, 'FeePaid'))).toBeUndefined();
    expect(judgedName(reg(bob, 'Reasonable', 'Erroneous'))).toBeUndefined();
    expect(judgedName(reg(bob, 'KnownGood', 'LowQuality'))).toBeUndefined();
  });

  it('is withheld when the display is not plain text or is blank', () => {
    expect(judgedName(reg({ type: 'None' }, 'Reasonable'))).toBeUndefined();
    expect(judgedName(reg({ type: 'BlakeTwo256', value: '0x' + '00'.repeat(32) }, 'Reasonable'))).toBeUndefined();
    expect(judgedName(reg({ type: 'Raw2', value: '0x2020' }, 'Reasonable'))).toBeUndefined();
  });
});

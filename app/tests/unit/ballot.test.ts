import { describe, expect, it } from 'vitest';
import { ballotChoice, generalTransaction, nextSequence } from '../../src/lib/ballot';
import { compact, fromHex, toHex } from '../../src/lib/bytes';

describe('general transaction', () => {
  it('prefixes the v5 general header and the unsigned extension data, then the call', () => {
    const call = Uint8Array.of(0x07, 0x00, 0xaa);
    // compact(8) = 0x20; 0x45 general v5; 0x00 extension version; era, nonce, tip.
    expect(toHex(generalTransaction(call))).toBe('0x20450000000007' + '00aa');
  });

  it('uses a two-byte length once the body passes 63 bytes, as a ballot always does', () => {
    const call = new Uint8Array(830).fill(1);
    const tx = generalTransaction(call);
    expect(Array.from(tx.slice(0, 2))).toEqual(Array.from(compact(835)));
    expect(tx.length).toBe(2 + 835);
    expect(tx[2]).toBe(0x45);
  });
});

describe('compact', () => {
  it('encodes the boundaries of each mode as SCALE does', () => {
    expect(toHex(compact(0))).toBe('0x00');
    expect(toHex(compact(63))).toBe('0xfc');
    expect(toHex(compact(64))).toBe('0x0101');
    expect(toHex(compact(16383))).toBe('0xfdff');
    expect(toHex(compact(16384))).toBe('0x02000100');
    expect(() => compact(-1)).toThrow();
    expect(() => compact(2 ** 30)).toThrow();
  });
});

describe('ballot choice', () => {
  const yesNo = { type: 'YesNo' } as const;
  const approval = { type: 'Approval', value: { options: 5, max: 2 } } as const;
  const lists = { type: 'PartyList', value: { lists: 3, preferences: 2 } } as const;

  it('sorts and deduplicates the marks, and a blank ballot marks nothing', () => {
    expect(ballotChoice(approval, [3, 1, 3])).toEqual([1, 3]);
    expect(ballotChoice(yesNo, [])).toEqual([]);
  });

  it('refuses what the pallet refuses', () => {
    expect(() => ballotChoice(yesNo, [2])).toThrow('choice-out-of-range');
    expect(() => ballotChoice(yesNo, [0, 1])).toThrow('too-many-marks');
    expect(() => ballotChoice(approval, [0, 1, 2])).toThrow('too-many-marks');
    expect(() => ballotChoice(lists, [1], [0, 1, 2], 5)).toThrow('too-many-preferences');
    expect(() => ballotChoice(lists, [1], [5], 5)).toThrow('place-not-on-list');
    expect(() => ballotChoice(yesNo, [0], [1])).toThrow('preferences-without-list');
  });

  it('puts a party list first, then its preferred places in ascending order', () => {
    expect(ballotChoice(lists, [2], [4, 1], 5)).toEqual([2, 1, 4]);
  });
});

describe('sequence', () => {
  it('starts at 1 and re-votes one above the recorded ballot', () => {
    expect(nextSequence(undefined)).toBe(1);
    expect(nextSequence({ sequence: 4 })).toBe(5);
  });
});

describe('hex', () => {
  it('round-trips and refuses malformed input', () => {
    expect(toHex(fromHex('0xA0b1'))).toBe('0xa0b1');
    expect(() => fromHex('0x123')).toThrow();
    expect(() => fromHex('zz')).toThrow();
  });
});

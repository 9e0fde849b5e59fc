// Juries in the citizen app: the messages a volunteer's proofs sign (the same bytes as
// veche_prover's, checked against the bytes the pallet's test fixes), the stage as the chain
// encodes it, and when a volunteer may still enrol.
import { describe, expect, it } from 'vitest';
import { acceptMessage, enrolMessage, enrolling, stageOf, type JuryEntry } from '../../src/features/juries/juries';
import { toHex } from '../../src/lib/bytes';

describe('jury messages', () => {
  it('are the bytes the runtime checks', () => {
    expect(toHex(enrolMessage(3))).toBe('0x76656368652f6a7572792d656e726f6c03000000');
    expect(toHex(acceptMessage(3))).toBe('0x76656368652f6a7572792d61636365707403000000');
    expect(toHex(enrolMessage(0x01020304)).endsWith('04030201')).toBe(true);
  });
});

describe('stages', () => {
  it('flattens the chain’s stage', () => {
    expect(stageOf({ type: 'Voting', value: { poll: 9 } })).toEqual({ type: 'Voting', poll: 9 });
    expect(stageOf({ type: 'Decided', value: { adopted: true, poll: 9 } })).toEqual({ type: 'Decided', adopted: true, poll: 9 });
    expect(stageOf({ type: 'Drawing', value: { stratum: 2 } })).toEqual({ type: 'Drawing', stratum: 2 });
    expect(stageOf({ type: 'Failed' })).toEqual({ type: 'Failed' });
  });

  it('lets volunteers enrol only before the freeze', () => {
    const j = { stage: { type: 'Enrolling' }, freeze: 100 } as JuryEntry;
    expect(enrolling(j, 99)).toBe(true);
    expect(enrolling(j, 100)).toBe(false);
    expect(enrolling({ ...j, stage: { type: 'Seating' } }, 50)).toBe(false);
  });
});

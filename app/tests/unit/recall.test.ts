import { describe, expect, it } from 'vitest';
import type { Api } from '../../src/lib/chain.svelte';
import { documentHash, recallOfPoll } from '../../src/features/officials/recall';

describe('a response document’s hash', () => {
  it('is BLAKE2b-256 of its bytes (the published test values)', () => {
    expect(documentHash(new Uint8Array())).toBe('0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
    expect(documentHash(new TextEncoder().encode('abc'))).toBe('0xbddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319');
  });
});

// The chain as recallOfPoll reads it: petitions by (office, who), procedures under way by the same
// key, and the procedures themselves.
function chain(
  petitions: [[number, string], { poll: number; end: number }][],
  running: [[number, string], number][],
  procedures: Record<number, { office: number; who: string; stage: { type: string; value?: { poll: number } } }>,
): Api {
  const entries = <T>(list: [unknown[], T][]) => async () => list.map(([keyArgs, value]) => ({ keyArgs, value }));
  return {
    query: {
      Recall: {
        Petitions: { getEntries: entries(petitions) },
        Running: { getEntries: entries(running) },
        Procedures: { getValue: async (id: number) => procedures[id] },
      },
    },
  } as unknown as Api;
}

describe('what a yes/no poll decides when recall opened it', () => {
  const api = chain(
    [
      [[7, 'bob'], { poll: 12, end: 500 }],
      [[2, 'ann'], { poll: 3, end: 90 }],
    ],
    [
      [[7, 'bob'], 4],
      [[2, 'ann'], 5],
    ],
    {
      4: { office: 7, who: 'bob', stage: { type: 'Voting', value: { poll: 20 } } },
      5: { office: 2, who: 'ann', stage: { type: 'Notice' } },
    },
  );

  it('names a petition by its office and official', async () => {
    expect(await recallOfPoll(api, 12)).toEqual({ type: 'petition', office: 7, who: 'bob' });
    expect(await recallOfPoll(api, 3)).toEqual({ type: 'petition', office: 2, who: 'ann' });
  });

  it('names a confidence vote by its procedure', async () => {
    expect(await recallOfPoll(api, 20)).toEqual({ type: 'confidence', office: 7, who: 'bob', procedure: 4 });
  });

  it('names no other poll', async () => {
    for (const poll of [0, 4, 5, 13, 21]) expect(await recallOfPoll(api, poll)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { findRollRing, MAX_RING_READS, remember, remembered, type RingReader, type RingSet } from '../../src/lib/ring';
import { toHex } from '../../src/lib/bytes';

/** localStorage's interface over a Map. */
class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

const key = (n: number) => Uint8Array.from({ length: 32 }, () => n);
const hex = (n: number) => toHex(key(n));

/**
 * A small country: 0 ⊃ 1 ⊃ {2, 3}, 0 ⊃ 4; unit 3's rings: [keys 1, 2] and [key 3]; unit 4's
 * ring: [key 4]; unit 1 is a pool (its ring holds key 5). Every read is recorded.
 */
function chain(rollOf: (unit: number, index: number) => number = () => 7) {
  const kids: Record<number, number[]> = { 0: [1, 4], 1: [2, 3], 2: [], 3: [], 4: [] };
  const parents: Record<number, number | undefined> = { 0: undefined, 1: 0, 2: 1, 3: 1, 4: 0 };
  const rings: Record<number, number[][]> = { 1: [[5]], 3: [[1, 2], [3]], 4: [[4]] };
  const reads: string[] = [];
  const reader: RingReader = {
    async rollRing(set: RingSet, index: number, roll: number) {
      reads.push(`ring ${set.value}/${index}@${roll}`);
      const members = rings[set.value]?.[index];
      if (!members || roll < rollOf(set.value, index)) return undefined;
      return [rollOf(set.value, index), members.map(hex)];
    },
    async children(unit: number) {
      reads.push(`children ${unit}`);
      return kids[unit] ?? [];
    },
    async parent(unit: number) {
      reads.push(`parent ${unit}`);
      return parents[unit];
    },
  };
  return { reader, reads };
}

describe('finding the voter’s ring without asking the node for the key', () => {
  it('searches the poll’s territories, finds the ring, and remembers it', async () => {
    const { reader, reads } = chain();
    const storage = new MemoryStorage();
    const found = await findRollRing(reader, key(3), 9, [3], storage);
    expect(found).toEqual({ set: { type: 'Constituency', value: 3 }, index: 1, revision: 7, members: [hex(3)] });
    expect(remembered(hex(3), storage)).toEqual({ set: { type: 'Constituency', value: 3 }, index: 1 });
    // No read names the key: only units and rings.
    expect(reads.every((r) => !r.includes(hex(3)))).toBe(true);
  });

  it('uses the remembered position first, with a single read', async () => {
    const { reader, reads } = chain();
    const storage = new MemoryStorage();
    remember(hex(2), { set: { type: 'Constituency', value: 3 }, index: 0 }, storage);
    const found = await findRollRing(reader, key(2), 9, [0], storage);
    expect(found?.index).toBe(0);
    expect(reads).toEqual(['ring 3/0@9']);
  });

  it('searches again when the remembered ring no longer holds the key, and remembers the new one', async () => {
    const { reader } = chain();
    const storage = new MemoryStorage();
    remember(hex(4), { set: { type: 'Constituency', value: 3 }, index: 0 }, storage);
    const found = await findRollRing(reader, key(4), 9, [0], storage);
    expect(found?.set).toEqual({ type: 'Constituency', value: 4 });
    expect(remembered(hex(4), storage)?.set.value).toBe(4);
  });

  it('ignores a position remembered for another key', async () => {
    const storage = new MemoryStorage();
    remember(hex(1), { set: { type: 'Constituency', value: 3 }, index: 0 }, storage);
    expect(remembered(hex(2), storage)).toBeUndefined();
    storage.setItem('veche.ring-position.v1', '{not json');
    expect(remembered(hex(1), storage)).toBeUndefined();
  });

  it('finds a pooled village’s persons in the rings above the poll’s unit', async () => {
    const { reader } = chain();
    const found = await findRollRing(reader, key(5), 9, [3], new MemoryStorage());
    expect(found?.set).toEqual({ type: 'Constituency', value: 1 });
  });

  it('finds nothing for a key outside the poll’s territories or outside its roll', async () => {
    const { reader } = chain();
    expect(await findRollRing(reader, key(4), 9, [1], new MemoryStorage())).toBeUndefined();
    expect(await findRollRing(reader, key(9), 9, [0], new MemoryStorage())).toBeUndefined();
    // Ring 3/1 got its first revision at roll 7: a poll whose roll is 6 does not hold key 3.
    expect(await findRollRing(reader, key(3), 6, [3], new MemoryStorage())).toBeUndefined();
  });

  it('stops after the bound of reads', async () => {
    // A chain of MAX_RING_READS units, each the parent of the next.
    const reader: RingReader = {
      rollRing: async () => undefined,
      children: async (u) => (u < MAX_RING_READS ? [u + 1] : []),
      parent: async () => undefined,
    };
    await expect(findRollRing(reader, key(1), 1, [0], new MemoryStorage())).rejects.toThrow('search-too-long');
  });
});

// Which ring holds the voter's key, found without telling the node the key when voting.
//
// "Check my registration" asks the node (`ring_of_key`) and says so on screen. Casting never does:
// a node that saw the public key and, moments later, a ballot from the same connection could link
// the person to the ballot's alias. Casting uses the ring position remembered on this device (from
// the check or the last ballot), and otherwise reads the rings of the poll's territories — their
// members are public — and looks for the key here. Either way the node only learns that someone
// in that ring is voting, which the ballot shows anyway.
import type { Api } from './chain.svelte';
import { toHex } from './bytes';

export type RingSet = { type: 'Constituency'; value: number } | { type: 'Credential'; value: number };
export type RingAt = { set: RingSet; index: number };
export type RollRing = RingAt & { revision: number; members: string[] };

export const POSITION_KEY = 'veche.ring-position.v1';
/** The most rings (and units) a search reads before asking the voter to check their registration. */
export const MAX_RING_READS = 400;

type Remembered = { member: string; set: RingSet; index: number };

/** The position last remembered for `member` on this device, if any. */
export function remembered(member: string, storage: Storage = localStorage): RingAt | undefined {
  try {
    const r = JSON.parse(storage.getItem(POSITION_KEY) ?? 'null') as Remembered | null;
    return r && r.member === member ? { set: r.set, index: r.index } : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers where `member` was found (public data: the ring's members are on chain). */
export function remember(member: string, at: RingAt, storage: Storage = localStorage) {
  const r: Remembered = { member, set: at.set, index: at.index };
  storage.setItem(POSITION_KEY, JSON.stringify(r));
}

export function forgetPosition(storage: Storage = localStorage) {
  storage.removeItem(POSITION_KEY);
}

/** The chain reads a search needs (an interface, so that unit tests can give a small chain). */
export interface RingReader {
  /** The revision of ring `index` of `set` in roll `roll`, with its members; undefined past the last. */
  rollRing(set: RingSet, index: number, roll: number): Promise<[number, string[]] | undefined>;
  children(unit: number): Promise<number[]>;
  parent(unit: number): Promise<number | undefined>;
}

export function chainReader(api: Api): RingReader {
  return {
    rollRing: (set, index, roll) => api.view.Personhood.roll_ring(set, index, roll),
    children: async (unit) => (await api.view.Jurisdictions.children(unit)).map(([id]) => id),
    parent: async (unit) => (await api.query.Jurisdictions.Units.getValue(unit))?.parent,
  };
}

export class RingSearchError extends Error {}

/**
 * The ring of the roll `roll` that holds `member`, for a poll over `units`: the remembered
 * position if the key is still there, else every territory ring set under the poll's units (then
 * above them, for pooled villages), read ring by ring. Undefined when no ring of the roll holds the key;
 * throws `search-too-long` after {@link MAX_RING_READS} reads.
 */
export async function findRollRing(
  reader: RingReader,
  member: Uint8Array,
  roll: number,
  units: number[],
  storage: Storage = localStorage,
): Promise<RollRing | undefined> {
  const memberHex = toHex(member);
  const at = remembered(memberHex, storage);
  if (at) {
    const found = await reader.rollRing(at.set, at.index, roll);
    if (found?.[1].includes(memberHex)) {
      return { ...at, revision: found[0], members: found[1] };
    }
  }
  let reads = 0;
  const read = () => {
    if (++reads > MAX_RING_READS) throw new RingSearchError('search-too-long');
  };
  // The poll's units and everything under them, breadth first; then their ancestors (a pooled
  // village's persons are in its parent's rings).
  const seen = new Set<number>();
  const order: number[] = [];
  const queue = [...units];
  while (queue.length) {
    const u = queue.shift()!;
    if (seen.has(u)) continue;
    seen.add(u);
    order.push(u);
    read();
    queue.push(...(await reader.children(u)));
  }
  for (const u of units) {
    for (let p = await reader.parent(u); p !== undefined && !seen.has(p); p = await reader.parent(p)) {
      read();
      seen.add(p);
      order.push(p);
    }
  }
  for (const unit of order) {
    const found = await findInSet(reader, { type: 'Constituency', value: unit }, roll, memberHex, read);
    if (found) {
      remember(memberHex, found, storage);
      return found;
    }
  }
  return undefined;
}

/**
 * The ring of `set` in roll `roll` that holds `memberHex`, read ring by ring (`read` before each),
 * among the first `limit` rings.
 */
export async function findInSet(
  reader: RingReader,
  set: RingSet,
  roll: number,
  memberHex: string,
  read: () => void = () => {},
  limit = Infinity,
): Promise<RollRing | undefined> {
  for (let index = 0; index < limit; index++) {
    read();
    const found = await reader.rollRing(set, index, roll);
    if (!found) return undefined;
    if (found[1].includes(memberHex)) return { set, index, revision: found[0], members: found[1] };
  }
  return undefined;
}

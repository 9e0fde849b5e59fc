// Ballots as the chain takes them: `Ballots.cast(ballot)` in a v5 general transaction with no
// signer and no fee (the ballot authorizes itself with its ring-VRF proof; runtime/src/lib.rs,
// `TxExtension`).
import { compact, concat } from './bytes';

/** Version 5, general (0b01 << 6 | 5). */
export const GENERAL_V5 = 0x45;
/** The runtime's transaction extension version. */
export const EXTENSION_VERSION = 0;
/**
 * The explicit data of the runtime's extensions for a transaction without an account: an
 * immortal era (0x00), nonce 0 (compact 0x00) and tip 0 (compact 0x00). AuthorizeCall,
 * CheckNonZeroSender, the version and genesis checks, CheckWeight and the weight reclaim carry
 * none.
 */
export const EXTENSIONS_UNSIGNED = Uint8Array.of(0x00, 0x00, 0x00);

/** The length-prefixed general transaction carrying `call` (its SCALE bytes). */
export function generalTransaction(call: Uint8Array): Uint8Array {
  const body = concat(Uint8Array.of(GENERAL_V5, EXTENSION_VERSION), EXTENSIONS_UNSIGNED, call);
  return concat(compact(body.length), body);
}

/** The next sequence number: one above the recorded ballot's, or 1 for a first ballot. */
export function nextSequence(recorded: { sequence: number } | undefined): number {
  return recorded ? recorded.sequence + 1 : 1;
}

/** What a poll asks, as the chain describes it (`PollKind`). */
export type PollKind =
  | { type: 'YesNo'; value?: undefined }
  | { type: 'SingleChoice'; value: { options: number } }
  | { type: 'Approval'; value: { options: number; max: number } }
  | { type: 'PartyList'; value: { lists: number; preferences: number } }
  | { type: 'Rating'; value: { spheres: number } };

/** How many options (for a party-list poll: lists) a poll has. */
export function optionCount(kind: PollKind): number {
  switch (kind.type) {
    case 'YesNo':
    case 'Rating':
      return 2;
    case 'SingleChoice':
    case 'Approval':
      return kind.value.options;
    case 'PartyList':
      return kind.value.lists;
  }
}

/** The most options one ballot may mark. */
export function maxMarks(kind: PollKind): number {
  return kind.type === 'Approval' ? kind.value.max : 1;
}

/**
 * The choice a ballot carries, checked as the ballots pallet checks it (`check_choice`), so that
 * the voter hears of a mistake before a proof is made: for a party-list poll the list, then the
 * places preferred on it (each below the list's `length`); otherwise the options marked. An
 * empty selection is a blank ballot.
 */
export function ballotChoice(kind: PollKind, marks: number[], places: number[] = [], length = 0): number[] {
  const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  const options = optionCount(kind);
  const m = sorted(marks);
  if (m.some((x) => !Number.isInteger(x) || x < 0 || x >= options)) throw new RangeError('choice-out-of-range');
  if (m.length > maxMarks(kind)) throw new RangeError('too-many-marks');
  if (kind.type !== 'PartyList' || m.length === 0) {
    if (places.length > 0) throw new RangeError('preferences-without-list');
    return m;
  }
  const p = sorted(places);
  if (p.length > kind.value.preferences) throw new RangeError('too-many-preferences');
  if (p.some((x) => !Number.isInteger(x) || x < 0 || x >= length)) throw new RangeError('place-not-on-list');
  return [m[0], ...p];
}

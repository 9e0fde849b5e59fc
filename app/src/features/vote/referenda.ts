// A poll that decides a people's referendum: what the referendum would enact (its call, decoded
// with the runtime's metadata), where it stands, and its tally as the referendum sees it.
import type { Api } from '../../lib/chain.svelte';
import { toHex } from '../../lib/bytes';

export type PollReferendum = {
  index: number;
  track?: number;
  /** `Pallet.call`, or undefined if the proposal's preimage is not on chain. */
  call?: string;
  /** The call's arguments, readable (texts decoded, numbers as written). */
  args?: string;
  /** Ongoing stages: `preparing` (no decision deposit or not deciding yet), `deciding`, `confirming`. */
  state: 'preparing' | 'deciding' | 'confirming' | 'Approved' | 'Rejected' | 'Cancelled' | 'TimedOut' | 'Killed';
  since?: number;
  tally?: { ayes: bigint; nays: bigint; turnout: bigint; electorate: bigint };
};

/** A value of a decoded call as readable text: bytes as text when printable, else hex. */
export function readable(v: unknown): unknown {
  if (v instanceof Uint8Array) {
    const s = new TextDecoder('utf-8', { fatal: false }).decode(v);
    return /^[\p{L}\p{N}\p{P}\p{Zs}]*$/u.test(s) ? s : toHex(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(readable);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // An enum without a value reads as its variant's name.
    if (typeof o.type === 'string' && Object.keys(o).length <= 2 && o.value === undefined) return o.type;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, readable(x)]));
  }
  return v;
}

export async function referendumOfPoll(api: Api, poll: number): Promise<PollReferendum | undefined> {
  const index = await api.query.Ballots.PollReferenda.getValue(poll);
  if (index === undefined) return undefined;
  const info = await api.query.PeoplesReferenda.ReferendumInfoFor.getValue(index);
  if (!info) return undefined;
  if (info.type !== 'Ongoing') return { index, state: info.type };
  const r = info.value;
  let bytes: Uint8Array | undefined;
  if (r.proposal.type === 'Inline') bytes = r.proposal.value;
  else if (r.proposal.type === 'Lookup') {
    bytes = await api.query.Preimage.PreimageFor.getValue([r.proposal.value.hash, r.proposal.value.len]);
  }
  let call: string | undefined;
  let args: string | undefined;
  if (bytes) {
    try {
      const decoded = (await api.txFromCallData(bytes)).decodedCall as { type: string; value: { type: string; value: unknown } };
      call = `${decoded.type}.${decoded.value.type}`;
      args = JSON.stringify(readable(decoded.value.value));
    } catch {
      call = undefined;
    }
  }
  const state = r.deciding ? (r.deciding.confirming !== undefined ? 'confirming' : 'deciding') : 'preparing';
  return { index, track: r.track, call, args, state, since: r.deciding?.since, tally: r.tally };
}

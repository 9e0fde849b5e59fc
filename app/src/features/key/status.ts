// Where a voter's key stands on chain: in which ring of which constituency (or credential class),
// at which revision.
import type { Api } from '../../lib/chain.svelte';
import { text } from '../../lib/chain.svelte';
import { toHex } from '../../lib/bytes';

export type KeyStatus =
  | { kind: 'none' }
  | { kind: 'ring'; set: 'Constituency' | 'Credential'; id: number; unit: string; index: number; revision: number; members: number };

export async function keyStatus(api: Api, member: Uint8Array): Promise<KeyStatus> {
  const at = await api.view.Personhood.ring_of_key(toHex(member));
  if (!at) return { kind: 'none' };
  const [set, index] = at;
  const [members, revision] = await api.view.Personhood.ring(set, index);
  let unit = String(set.value);
  if (set.type === 'Constituency') {
    const u = await api.query.Jurisdictions.Units.getValue(set.value);
    if (u) unit = text(u.name);
  }
  return { kind: 'ring', set: set.type, id: set.value, unit, index, revision, members: members.length };
}

// Where a voter's key stands on chain: in which ring of which constituency (or credential class),
// at which revision.
import type { Api } from '../../lib/chain.svelte';
import { text } from '../../lib/chain.svelte';
import { toHex } from '../../lib/bytes';

export type KeyStatus =
  | { kind: 'none' }
  | { kind: 'queued'; unit: string }
  | { kind: 'suspended'; unit: string }
  | { kind: 'ring'; set: 'Constituency' | 'Credential'; id: number; unit: string; index: number; revision: number; members: number; covered: number };

export async function keyStatus(api: Api, member: Uint8Array): Promise<KeyStatus> {
  const at = await api.view.Personhood.ring_of_key(toHex(member));
  if (!at) {
    // Registered (a person holds this key) but in no ring: waiting for its cohort, or suspended.
    const tag = await api.query.Personhood.Keys.getValue(toHex(member));
    const person = tag === undefined ? undefined : await api.query.Personhood.People.getValue(tag);
    if (!person) return { kind: 'none' };
    const u = await api.query.Jurisdictions.Units.getValue(person.constituency);
    const unit = u ? text(u.name) : String(person.constituency);
    return person.status.type === 'Suspended' ? { kind: 'suspended', unit } : { kind: 'queued', unit };
  }
  const [set, index] = at;
  const [members, revision, covered] = await api.view.Personhood.ring(set, index);
  let unit = String(set.value);
  if (set.type === 'Constituency') {
    const u = await api.query.Jurisdictions.Units.getValue(set.value);
    if (u) unit = text(u.name);
  }
  return { kind: 'ring', set: set.type, id: set.value, unit, index, revision, members: members.length, covered };
}

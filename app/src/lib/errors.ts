// The names of a pallet's errors by index, read from the connected runtime's metadata: the pool
// reports a refused ballot as `InvalidTransaction::Custom(index)` of the ballots pallet's error.
import type { PolkadotClient } from 'polkadot-api';
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import { getLookupFn } from '@polkadot-api/metadata-builders';

/** An error's name and its documentation, as the runtime's metadata gives them. */
export type ErrorInfo = { name: string; docs: string };

const cache = new Map<string, Promise<Map<number, ErrorInfo>>>();

export function errorNames(client: PolkadotClient, pallet: string): Promise<Map<number, ErrorInfo>> {
  let names = cache.get(pallet);
  if (!names) {
    names = (async () => {
      const { hash } = await client.getFinalizedBlock();
      const meta = unifyMetadata(decAnyMetadata(await client.getMetadata(hash)));
      const errors = meta.pallets.find((p) => p.name === pallet)?.errors;
      const out = new Map<number, ErrorInfo>();
      if (errors === undefined) return out;
      const def = getLookupFn(meta)(errors.type);
      if (def.type === 'enum')
        for (const [name, v] of Object.entries(def.value)) out.set(v.idx, { name, docs: (def.innerDocs[name] ?? []).join(' ') });
      return out;
    })();
    names.catch(() => cache.delete(pallet));
    cache.set(pallet, names);
  }
  return names;
}

/** The custom code of a transaction the pool found invalid, if that is what `e` reports. */
export function customCode(e: unknown): number | undefined {
  const err = (e as { error?: { type?: string; value?: { type?: string; value?: unknown } } })?.error;
  return err?.type === 'Invalid' && err.value?.type === 'Custom' && typeof err.value.value === 'number' ? err.value.value : undefined;
}

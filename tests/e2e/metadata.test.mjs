// The metadata decodes, names the Veche runtime, and documents everything a user sees in
// polkadot.js apps: every pallet's calls, events, errors and storage items.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, disconnect } from './lib.mjs';

after(disconnect);

test('the runtime identifies itself as veche and its metadata decodes', async () => {
  const api = await connect();
  assert.equal(api.runtimeVersion.specName.toString(), 'veche');
  const meta = api.runtimeMetadata;
  assert.ok(meta.version >= 14, `metadata v${meta.version}`);
  const pallets = meta.asLatest.pallets.map((p) => p.name.toString());
  for (const p of ['System', 'ParachainSystem', 'Balances', 'Council', 'CouncilMembership', 'Commission', 'Referenda', 'Identity', 'CollatorSelection', 'Aura', 'Sudo']) {
    assert.ok(pallets.includes(p), `pallet ${p} is in the runtime`);
  }
  assert.equal(api.registry.chainDecimals[0], 12);
  assert.equal(api.registry.chainTokens[0], 'VEC');
});

test('every pallet, call, event, error and storage item has docs', async () => {
  const api = await connect();
  const { pallets, lookup } = api.runtimeMetadata.asLatest;
  const undocumented = [];
  const variants = (kind, pallet, ref) => {
    if (ref.isNone) return;
    const def = lookup.getSiType(ref.unwrap().type).def;
    for (const v of def.asVariant.variants) {
      if (v.docs.length === 0 || v.docs.every((d) => d.toString().trim() === '')) {
        undocumented.push(`${pallet}.${kind}.${v.name}`);
      }
    }
  };
  let items = 0;
  for (const p of pallets) {
    const name = p.name.toString();
    if (p.docs && p.docs.length === 0) undocumented.push(`${name} (pallet)`);
    variants('call', name, p.calls);
    variants('event', name, p.events);
    variants('error', name, p.errors);
    if (p.storage.isSome) {
      for (const s of p.storage.unwrap().items) {
        items++;
        if (s.docs.length === 0) undocumented.push(`${name}.storage.${s.name}`);
      }
    }
  }
  assert.ok(items > 50, `saw ${items} storage items`);
  assert.deepEqual(undocumented, [], `undocumented items:\n  ${undocumented.join('\n  ')}`);
});

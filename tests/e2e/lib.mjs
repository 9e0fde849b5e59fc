// Helpers shared by the end-to-end tests. The chain under test is at $VECHE_WS; $VECHE_MODE is
// `chopsticks` (blocks built on demand, dev_newBlock) or `node` (veche-node --dev sealing a
// block every --dev-block-time ms).
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { execFile } from 'node:child_process';

export const WS = process.env.VECHE_WS ?? 'ws://127.0.0.1:9944';
export const MODE = process.env.VECHE_MODE ?? 'node';
export const UNIT = 10n ** 12n;

let api;
export async function connect() {
  if (api) return api;
  await cryptoWaitReady();
  api = await ApiPromise.create({ provider: new WsProvider(WS), noInitWarn: true, throwOnConnect: true });
  return api;
}

export async function disconnect() {
  if (api) await api.disconnect();
  api = undefined;
}

export function keyring() {
  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), k.addFromUri(`//${n}`)]),
  );
}

/// Produces `n` blocks: on chopsticks by asking for them, on the node by waiting for them.
export async function advance(n) {
  const a = await connect();
  if (MODE === 'chopsticks') {
    await a.rpc('dev_newBlock', { count: n });
    return;
  }
  const start = (await a.rpc.chain.getHeader()).number.toNumber();
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${n} blocks after ${start} in time`)), (n + 30) * 3000);
    a.rpc.chain
      .subscribeNewHeads((h) => {
        if (h.number.toNumber() >= start + n) {
          clearTimeout(timer);
          resolve();
        }
      })
      .then((unsub) => setTimeout(unsub, (n + 30) * 3000));
  });
}

/// Signs and submits `tx`, resolves once it is in a block with its events and its decoded
/// dispatch error (`section.name`) if it failed. Rejects if the pool refuses it.
export async function send(tx, signer) {
  const a = await connect();
  const nonce = await nextNonce(a, signer.address);
  return new Promise((resolve, reject) => {
    let unsub;
    // Immortal: a mortal era names the best block as its birth, and chopsticks may validate
    // against the state before that block while it finishes importing it (the implicit block
    // hash is then unknown and the signature fails as `badProof`, as it did once in CI).
    tx.signAndSend(signer, { nonce, era: 0 }, (result) => {
      if (result.status.isInBlock || result.status.isFinalized) {
        if (unsub) unsub();
        let error;
        if (result.dispatchError) {
          if (result.dispatchError.isModule) {
            const m = a.registry.findMetaError(result.dispatchError.asModule);
            error = `${m.section}.${m.name}`;
          } else if (result.dispatchError.isToken) {
            error = `token.${result.dispatchError.asToken.type}`;
          } else {
            error = result.dispatchError.toString();
          }
        }
        const blockHash = result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized;
        // Chopsticks notifies before its new head serves state: wait for the head, so that the
        // state a test reads right after `send` already includes this block.
        waitForHead(blockHash)
          .then(() => resolve({ events: result.events.map((r) => r.event), error, blockHash }))
          .catch(reject);
      } else if (result.isError) {
        if (unsub) unsub();
        reject(new Error(`transaction failed: ${result.status.toString()}`));
      }
    })
      .then((u) => {
        unsub = u;
      })
      .catch((e) => {
        usedNonces.set(signer.address, nonce);
        reject(e);
      });
  });
}

// Next nonce per signer: the chain's view can lag a block behind right after inclusion, so the
// tests also remember the last nonce they used.
const usedNonces = new Map();
async function nextNonce(a, address) {
  const onChain = (await a.rpc.system.accountNextIndex(address)).toNumber();
  const nonce = Math.max(onChain, usedNonces.get(address) ?? 0);
  usedNonces.set(address, nonce + 1);
  return nonce;
}

/// Resolves once the best block is `hash` or a descendant of it.
async function waitForHead(hash) {
  const a = await connect();
  const target = (await a.rpc.chain.getHeader(hash)).number.toNumber();
  for (let i = 0; i < 100; i++) {
    if ((await a.rpc.chain.getHeader()).number.toNumber() >= target) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`head did not reach block ${target}`);
}

/// Events of `section.method` among `events`.
export function find(events, section, method) {
  return events.filter((e) => e.section === section && e.method === method);
}

/// Waits until `predicate()` resolves truthy, producing blocks in between (up to `maxBlocks`).
export async function until(predicate, maxBlocks, step = 5) {
  for (let produced = 0; produced <= maxBlocks; produced += step) {
    const value = await predicate();
    if (value) return value;
    await advance(step);
  }
  throw new Error(`condition not met within ${maxBlocks} blocks`);
}

/// The veche-client binary scripts/e2e.sh built.
export const CLIENT = process.env.VECHE_CLIENT;

/// Runs veche-client with `args` and parses its JSON answer; rejects with its error message.
export function client(...args) {
  return new Promise((resolve, reject) => {
    execFile(CLIENT, args, { timeout: 300_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`veche-client ${args[0]} failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

/// Where `key` sits once its ring is built (revision ≥ 1, every member covered), producing
/// blocks while the cohort joins and the commitment is built; the last answer after `tries`.
export async function builtRing(key, tries = 20) {
  let where;
  for (let i = 0; i < tries; i++) {
    where = await client('where', '--url', WS, '--key', key);
    if (where.revision >= 1 && where.covered === where.members) break;
    await advance(1);
  }
  return where;
}

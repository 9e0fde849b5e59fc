// Helpers for the zombienet js-scripts. Zombienet `require`s each script and calls
// `run(nodeName, networkInfo, args)`; a script fails its step by throwing, with a message that
// says what was expected and what was seen.
const { ApiPromise, WsProvider } = require('@polkadot/api');
const { Keyring } = require('@polkadot/keyring');
const { blake2AsHex, cryptoWaitReady } = require('@polkadot/util-crypto');
const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');
const { stringToU8a } = require('@polkadot/util');

const UNIT = 10n ** 12n;

const providers = new WeakMap();

/// An API connected to the node called `name` in the running network. A node that was just
/// (re)started may not listen yet: connecting is retried for up to `timeoutMs`.
async function connect(networkInfo, name, timeoutMs = 60_000) {
  await cryptoWaitReady();
  const node = networkInfo.nodesByName[name];
  if (!node) throw new Error(`no node called ${name} in the network`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const provider = new WsProvider(node.wsUri, false);
    try {
      await provider.connect();
      const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
      providers.set(api, provider);
      return api;
    } catch (e) {
      await provider.disconnect().catch(() => {});
      if (Date.now() > deadline) throw new Error(`cannot connect to ${name} at ${node.wsUri}: ${e.message}`);
      await sleep(2000);
    }
  }
}

/// Calls an RPC method the API has no definition for (e.g. `author_rotateKeysWithOwner`).
async function rawRpc(api, method, params) {
  return providers.get(api).send(method, params);
}

/// The well-known development accounts, and any `//<Name>` account asked for.
function account(name) {
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(`//${name}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// Polls `probe()` every `everyMs` until it returns something truthy, or throws `what` after
/// `timeoutMs`.
async function until(probe, what, timeoutMs, everyMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/// Decodes a dispatch error as `section.Name` (or `token.X`, or its raw form).
function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const m = api.registry.findMetaError(dispatchError.asModule);
    return `${m.section}.${m.name}`;
  }
  if (dispatchError.isToken) return `token.${dispatchError.asToken.type}`;
  return dispatchError.toString();
}

/// Signs and submits `tx` and resolves once the block that carries it is finalized, with its
/// events, its dispatch error if any, and that block's hash. Rejects if the pool refuses it or
/// drops it. Waiting for finality, not inclusion, matters here: two relay validators fork often,
/// the parachain forks with them, and a transaction "in a block" of a retracted fork is not yet
/// in the state the next transaction is checked against (a transfer seen in a block that is
/// then retracted leaves the receiver unable to pay fees a moment later).
async function send(api, tx, signer) {
  const nonce = await api.rpc.system.accountNextIndex(signer.address);
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, { nonce }, (result) => {
      if (result.status.isFinalized) {
        if (unsub) unsub();
        const error = result.dispatchError ? describeError(api, result.dispatchError) : undefined;
        resolve({ events: result.events.map((r) => r.event), error, blockHash: result.status.asFinalized });
      } else if (result.isError) {
        if (unsub) unsub();
        reject(new Error(`${tx.method.section}.${tx.method.method} failed: ${result.status.toString()}`));
      }
    })
      .then((u) => {
        unsub = u;
      })
      .catch(reject);
  });
}

/// Like `send`, but the call must succeed: throws with the dispatch error otherwise.
async function sendOk(api, tx, signer) {
  const r = await send(api, tx, signer);
  if (r.error) throw new Error(`${tx.method.section}.${tx.method.method} by ${signer.address} failed: ${r.error}`);
  return r;
}

/// Events of `section.method` among `events`.
function find(events, section, method) {
  return events.filter((e) => e.section === section && e.method === method);
}

/// The Aura slot a block was authored in, from its pre-runtime digest.
function auraSlot(api, header) {
  for (const log of header.digest.logs) {
    if (log.isPreRuntime) {
      const [engine, data] = log.asPreRuntime;
      if (engine.toString() === 'aura') return api.createType('u64', data).toBigInt();
    }
  }
  throw new Error(`block #${header.number} carries no Aura pre-runtime digest`);
}

/// The Aura key (hex) that authored block `hash`: the authority of its slot, from the set in
/// force when it was built (its parent's state).
async function blockAuthor(api, hash) {
  const header = await api.rpc.chain.getHeader(hash);
  const authorities = await (await api.at(header.parentHash)).query.aura.authorities();
  if (authorities.length === 0) throw new Error(`no Aura authorities before block #${header.number}`);
  const slot = auraSlot(api, header);
  return { number: header.number.toNumber(), key: authorities[Number(slot % BigInt(authorities.length))].toHex() };
}

/// The first block above `after` authored with the Aura key `key`, if the node has one yet.
async function firstAuthoredAfter(api, key, after) {
  const best = await bestNumber(api);
  for (let n = after + 1; n <= best; n++) {
    const a = await blockAuthor(api, await api.rpc.chain.getBlockHash(n));
    if (a.key === key) return a.number;
  }
  return undefined;
}

/// The node's best and finalized block numbers.
async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}
async function finalizedNumber(api) {
  return (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
}

/// The hashes of blocks #1–#`upTo` on the node `api` is connected to.
async function hashes(api, upTo) {
  const out = [];
  for (let n = 1; n <= upTo; n++) out.push((await api.rpc.chain.getBlockHash(n)).toHex());
  return out;
}

/// Throws unless blocks #1–#`snapshot.length` on `api` (the node `who`) still have the hashes of
/// `snapshot`: nothing finalized changed.
async function assertUnchanged(api, who, snapshot) {
  const now = await hashes(api, snapshot.length);
  const changed = now.findIndex((h, i) => h !== snapshot[i]);
  if (changed >= 0) {
    throw new Error(`finalized block #${changed + 1} changed on ${who}: ${snapshot[changed]} → ${now[changed]}`);
  }
}

/// The key file of demo person `n` in `dir` (their ring secret is public: blake2_256 of a fixed
/// phrase).
function demoKey(dir, n) {
  const file = path.join(dir, `demo-person-${n}.key`);
  fs.writeFileSync(file, blake2AsHex(stringToU8a(`veche-demo-person-${n}`), 256));
  return file;
}

/// Runs veche-client and parses its JSON answer: the last release's (`release`), which the people
/// of a chain on that release have, or this clone's (`current`), for the chain after the upgrade.
/// scripts/zombienet.sh builds both.
function client(which, args) {
  const name = which === 'release' ? 'VECHE_CLIENT_RELEASE' : 'VECHE_CLIENT';
  const bin = process.env[name];
  if (!bin) throw new Error(`${name} is not set (scripts/zombienet.sh sets it)`);
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: 300_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`veche-client (${which}) ${args.slice(0, 2).join(' ')} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

/// The chain's state shared between steps of one test run, kept beside the network's files.
function stateFile(networkInfo) {
  return path.join(networkInfo.tmpDir, 'veche-zombienet-state.json');
}
function saveState(networkInfo, patch) {
  const now = loadState(networkInfo);
  fs.writeFileSync(stateFile(networkInfo), JSON.stringify({ ...now, ...patch }, null, 2));
}
function loadState(networkInfo) {
  const f = stateFile(networkInfo);
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : {};
}

module.exports = {
  UNIT,
  account,
  assertUnchanged,
  bestNumber,
  blockAuthor,
  client,
  connect,
  demoKey,
  finalizedNumber,
  find,
  firstAuthoredAfter,
  hashes,
  loadState,
  rawRpc,
  saveState,
  send,
  sendOk,
  sleep,
  until,
};

// The app's one connection to a Veche node: polkadot-api over WebSocket, with the typed API
// generated from the runtime of this commit (see scripts/runtime-wasm.mjs).
import { createClient, type PolkadotClient, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';

export type Api = TypedApi<typeof veche>;

/** The node's address: `?rpc=` in the page's address, else the last one used, else a local node. */
export function endpoint(): string {
  const fromQuery = new URLSearchParams(location.search).get('rpc');
  if (fromQuery) {
    localStorage.setItem('veche.rpc', fromQuery);
    return fromQuery;
  }
  return localStorage.getItem('veche.rpc') ?? 'ws://127.0.0.1:9944';
}

export const chain = $state({
  url: '',
  connected: false,
  block: 0,
  error: '',
});

let client: PolkadotClient | undefined;
let typed: Api | undefined;

/** Connects (once) and follows the best block. */
export function connect(url = endpoint()): { client: PolkadotClient; api: Api } {
  if (client && typed && chain.url === url) return { client, api: typed };
  client?.destroy();
  chain.url = url;
  chain.connected = false;
  client = createClient(getWsProvider(url));
  typed = client.getTypedApi(veche);
  client.bestBlocks$.subscribe({
    next: (blocks) => {
      chain.connected = true;
      chain.block = blocks[0]?.number ?? chain.block;
      chain.error = '';
    },
    error: (e: unknown) => {
      chain.connected = false;
      chain.error = e instanceof Error ? e.message : String(e);
    },
  });
  return { client, api: typed };
}

export function api(): Api {
  return connect().api;
}

export function polkadotClient(): PolkadotClient {
  return connect().client;
}

/** Bytes of the chain's text fields as text (in bytes.ts, which Node-side tests can import). */
export { text } from './bytes';

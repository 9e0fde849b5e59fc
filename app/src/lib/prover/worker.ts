// The prover's Web Worker: loads prover.wasm once (reporting the download), then answers
// requests one at a time. Secrets arrive in messages and stay in this worker's memory only for
// the call; no request leaves the page.
import { loadProver, ProverError, type Prover } from './abi';
import type { Request, Response } from './protocol';

let prover: Promise<Prover> | undefined;

async function load(url: string, id: number): Promise<Prover> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`prover.wasm: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    post({ id, progress: { stage: 'loading', loaded, total } });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return loadProver(bytes, (buf) => crypto.getRandomValues(buf));
}

function answer(p: Prover, req: Request): Record<string, Uint8Array> {
  switch (req.op) {
    case 'member':
      return { member: p.member(req.seed) };
    case 'alias':
      return { alias: p.alias(req.seed, req.context) };
    case 'proveBallot':
      return { ...p.proveBallot(req.input) };
    case 'prove':
      return { ...p.prove(req.input) };
    case 'profileKeySeed':
      return { seed: p.profileKeySeed(req.seed) };
    case 'sealChoice':
      return { sealed: p.sealChoice(req.input) };
    case 'readChoice': {
      // One byte, the option; empty when the answer is not the person's.
      const choice = p.readChoice(req.input);
      return { choice: choice === null ? new Uint8Array() : Uint8Array.of(choice) };
    }
    case 'opening':
      return { opening: p.opening(req.seed, req.binding, req.option) };
  }
}

function post(message: Response) {
  (self as unknown as Worker).postMessage(message);
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, wasmUrl } = event.data;
  try {
    prover ??= load(wasmUrl, id);
    const p = await prover;
    post({ id, progress: { stage: 'proving' } });
    const started = performance.now();
    const req = event.data;
    const result = answer(p, req);
    post({ id, result, ms: performance.now() - started });
  } catch (e) {
    if (!(e instanceof ProverError)) prover = undefined;
    post({ id, error: e instanceof Error ? e.message : String(e) });
  }
};

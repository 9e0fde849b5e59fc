// Writes the runtime wasm of the committed dev chain spec (chain-specs/dev-raw.json, which the
// drift tier keeps equal to the runtime's source) to .papi/veche.wasm, where `papi` reads the
// runtime's metadata to generate the app's typed chain API. So the app's types always follow
// the runtime in the same commit, with no chain running.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = JSON.parse(readFileSync(join(app, '..', 'chain-specs', 'dev-raw.json'), 'utf8'));
const code = spec?.genesis?.raw?.top?.['0x3a636f6465'];
if (typeof code !== 'string' || !code.startsWith('0x')) {
  console.error('chain-specs/dev-raw.json has no runtime code (:code)');
  process.exit(1);
}
mkdirSync(join(app, '.papi'), { recursive: true });
writeFileSync(join(app, '.papi', 'veche.wasm'), Buffer.from(code.slice(2), 'hex'));

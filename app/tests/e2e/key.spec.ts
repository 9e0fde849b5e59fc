// The voter's key in a real browser, no chain needed: create, lock, unlock, a wrong passphrase,
// import of a veche-client key file, export, the three languages, the prover's speed.
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { blake2b } from '@noble/hashes/blake2.js';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { importKey } from './helpers';

const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';

test('a first-time voter creates a key, locks it and unlocks it with the passphrase only', async ({ page }) => {
  const loaded = Date.now();
  await page.goto('./#/key');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const usable = Date.now() - loaded;
  test.info().annotations.push({ type: 'load-ms', description: String(usable) });
  console.log(`page usable (heading and forms shown) ${usable} ms after navigation`);
  await page.screenshot({ path: join(shots, 'key-first-visit.png'), fullPage: true });

  await page.getByLabel('Passphrase', { exact: true }).first().fill('short');
  await page.getByLabel('Passphrase again').fill('short');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('key-error')).toHaveText('The passphrase must have at least 8 characters.');
  await page.getByLabel('Passphrase', { exact: true }).first().fill('correct horse battery');
  await page.getByLabel('Passphrase again').fill('correct horse batter');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('key-error')).toHaveText('The two passphrases differ.');
  expect(await page.evaluate(() => localStorage.getItem('veche.voter-key.v1'))).toBeNull();

  await page.getByLabel('Passphrase', { exact: true }).first().fill('correct horse battery');
  await page.getByLabel('Passphrase again').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create key' }).click();
  const member = page.getByTestId('member');
  await expect(member).toHaveText(/^0x[0-9a-f]{64}$/, { timeout: 60_000 });
  const key = await member.textContent();
  // Nothing secret in storage: only the public key and the ciphertext.
  const stored = await page.evaluate(() => localStorage.getItem('veche.voter-key.v1'));
  expect(JSON.parse(stored!).member).toBe(key);
  expect(stored).not.toContain('"seed"');

  await page.getByRole('button', { name: 'Lock' }).click();
  await page.reload();
  await page.getByLabel('Passphrase').fill('wrong passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('key-error')).toHaveText('Wrong passphrase.');
  await page.getByLabel('Passphrase').fill('correct horse battery');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Export key file' })).toBeVisible();
  await expect(member).toHaveText(key!);
  await page.screenshot({ path: join(shots, 'key-unlocked.png'), fullPage: true });
});

test('a veche-client key file imports to the key the chain registered, and exports back as the same file', async ({ page }) => {
  // Demo person 1's secret, as veche-client's `Secret::demo(1)` derives it, and its public key
  // as the genesis of the dev chain registered it.
  const seed = blake2b(new TextEncoder().encode('veche-demo-person-1'), { dkLen: 32 });
  const hex = '0x' + Buffer.from(seed).toString('hex');
  const spec = JSON.parse(readFileSync(new URL('../../../chain-specs/dev.json', import.meta.url), 'utf8'));
  const registered = spec.genesis.runtimeGenesis.patch.personhood.people.map(
    ([, member]: [number[], number[]]) => '0x' + Buffer.from(member).toString('hex'),
  );
  const file = join(tmpdir(), `veche-key-${process.pid}.txt`);
  writeFileSync(file, `${hex}\n`);
  await importKey(page, undefined, file, 'another passphrase');
  expect(registered).toContain(await page.getByTestId('member').textContent());
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export key file' }).click();
  expect(readFileSync((await (await download).path())!, 'utf8')).toBe(`${hex}\n`);

  // Removed (after confirming), then a file that is not a key is refused and nothing is stored.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Remove the key from this browser' }).click();
  await expect(page.getByRole('button', { name: 'Import key' })).toBeVisible();
  const junk = join(tmpdir(), `veche-not-a-key-${process.pid}.txt`);
  writeFileSync(junk, 'not a key\n');
  await page.getByLabel('Key file from veche-client').setInputFiles(junk);
  await page.locator('#import-pass').fill('another passphrase');
  await page.getByRole('button', { name: 'Import key' }).click();
  await expect(page.getByTestId('key-error')).toHaveText('This is not a veche-client key file (expected hex).');
  expect(await page.evaluate(() => localStorage.getItem('veche.voter-key.v1'))).toBeNull();
});

test('the page speaks Russian and Ukrainian, and remembers the choice', async ({ page }) => {
  await page.goto('./#/key');
  await page.getByLabel('Language').selectOption('ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мой ключ для голосования');
  await page.screenshot({ path: join(shots, 'key-ru.png'), fullPage: true });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мой ключ для голосования');
  await page.getByLabel('Язык').selectOption('uk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мій ключ для голосування');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
});

test('on a phone-sized screen the sections stay reachable from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./#/key');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Vote' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/vote$/);
  await page.screenshot({ path: join(shots, 'phone-vote.png'), fullPage: true });
});

test('a ballot proof in this browser, over a ring of the larger domain', async ({ page }) => {
  await page.goto('./');
  const ms = await page.evaluate(async () => {
    const bytes = await (await fetch('prover.wasm')).arrayBuffer();
    let memory: WebAssembly.Memory;
    const { instance } = await WebAssembly.instantiate(bytes, {
      veche: { random: (p: number, n: number) => crypto.getRandomValues(new Uint8Array(memory.buffer, p, n)) },
    });
    const x = instance.exports as Record<string, (...a: number[]) => number> & { memory: WebAssembly.Memory };
    memory = x.memory;
    const put = (b: Uint8Array) => {
      const p = x.veche_alloc(b.length);
      new Uint8Array(memory.buffer, p, b.length).set(b);
      return p;
    };
    const ring = new Uint8Array(32 * 3);
    for (let i = 0; i < 3; i++) {
      const out = x.veche_alloc(32);
      x.veche_member(put(new Uint8Array(32).fill(i + 1)), out);
      ring.set(new Uint8Array(memory.buffer, out, 32), 32 * i);
    }
    const started = performance.now();
    const code = x.veche_prove_ballot(put(new Uint8Array(32).fill(2)), put(ring), 3, 767, put(new Uint8Array(32)), 1, put(Uint8Array.of(0)), 1, 1, x.veche_alloc(817));
    if (code !== 0) throw new Error(`prover code ${code}`);
    return performance.now() - started;
  });
  test.info().annotations.push({ type: 'proof-ms', description: ms.toFixed(0) });
  console.log(`browser proof (domain 2^12, first, includes the SRS setup): ${ms.toFixed(0)} ms`);
});

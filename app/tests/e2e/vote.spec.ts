// The voting flow in a real browser against veche-node --dev (the app e2e on veche-node tier:
// app/scripts/test.sh node starts the node and names it in VECHE_NODE_WS). Demo person 1 of the
// German diaspora imports their veche-client key file, votes in a poll over the whole republic,
// checks the ballot, re-votes, and sees the results follow; a key in no ring is told so.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { createClient, type PolkadotClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';
import { devAccount } from '../../src/features/money/accounts';
import { demoKeyInRing, importKey, sleep } from './helpers';

const ws = process.env.VECHE_NODE_WS;
const CLIENT = process.env.VECHE_CLIENT;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
test.skip(!ws || !CLIENT, 'VECHE_NODE_WS and VECHE_CLIENT unset: app/scripts/test.sh node runs this');

let keyFile: string;
let client: PolkadotClient;
let poll: number;
let birchwoodPoll: number;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  keyFile = await demoKeyInRing(ws!, 1);
  client = createClient(getWsProvider(ws!));
  const api = client.getTypedApi(veche);
  const now = (await client.getFinalizedBlock()).number;
  // One poll for the whole republic, where the civic-literacy credential (class 0, held by demo
  // person 1) weighs 2; one for Birchwood only (units 0 and 3).
  for (const unit of [0, 3]) {
    const create = api.tx.Ballots.create_poll({
      kind: { type: 'SingleChoice', value: { options: 3 } },
      electorate: {
        units: [unit],
        base_weight: 1,
        class_weights: unit === 0 ? [[0, 2]] : [],
        aliases: undefined,
      },
      start: now + 5,
      end: now + 400,
    });
    const r = await api.tx.Sudo.sudo({ call: create.decodedCall }).signAndSubmit(devAccount('Alice').signer);
    expect(r.ok).toBe(true);
  }
  const next = await api.query.Ballots.NextPollId.getValue();
  [poll, birchwoodPoll] = [next - 2, next - 1];
  while ((await client.getFinalizedBlock()).number < now + 5) await sleep(1000);
});

test.afterAll(() => client?.destroy());

test('a voter imports their key, votes, checks the ballot, re-votes with the weight of a credential, and the results follow', async ({ page }) => {
  // Imported without checking the registration: voting finds the ring without asking the node.
  await importKey(page, ws, keyFile, 'demo person one');

  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/vote`);
  await page.getByTestId(`poll-${poll}`).click();
  await page.getByTestId('option-1').check();
  await page.getByTestId('cast').click();
  const result = page.getByTestId('cast-result');
  await expect(result).toContainText('Your ballot #1 is recorded', { timeout: 180_000 });
  const proofMs = Number(/Proof made in (\d+) ms/.exec((await result.textContent()) ?? '')?.[1]);
  console.log(`browser proof while voting: ${proofMs} ms`);
  await page.getByTestId('check-mine').click();
  await expect(page.getByTestId('my-ballot')).toContainText('Ballot #1: Option 2 (territory 5');
  await expect(page.getByTestId('result-1')).toHaveText('1');
  await expect(page.getByTestId('territories')).toContainText('Diaspora in Germany');
  await expect(page.getByTestId('recount')).toHaveText('No on-chain recount yet.');
  await page.screenshot({ path: join(shots, 'vote-recorded.png'), fullPage: true });

  // The screen says when a re-vote is possible (RevoteCooldown blocks after the ballot); wait.
  const from = Number(/#(\d+)/.exec((await page.getByTestId('revote-from').textContent()) ?? '')?.[1]);
  await expect
    .poll(async () => Number(/Block #(\d+)/.exec((await page.getByTestId('chain-status').textContent()) ?? '')?.[1]), { timeout: 120_000 })
    .toBeGreaterThanOrEqual(from);

  // Re-vote, now with the weight of the credential (a second proof, over the credential ring):
  // the next sequence number is read from the chain; the first ballot is replaced.
  await page.getByTestId('option-0').check();
  await page.getByTestId('credential-0').check();
  await page.getByTestId('cast').click();
  await expect(result).toContainText('Your ballot #2 is recorded', { timeout: 180_000 });
  await page.getByTestId('check-mine').click();
  await expect(page.getByTestId('my-ballot')).toContainText('Ballot #2: Option 1');
  await expect(page.getByTestId('my-ballot')).toContainText('weight 2');
  await expect(page.getByTestId('result-0')).toHaveText('2');
  await expect(page.getByTestId('result-1')).toHaveText('0');
  await page.screenshot({ path: join(shots, 'vote-revoted.png'), fullPage: true });
});

test('a voter outside a poll’s electorate is refused by the pool, with the error’s name', async ({ page }) => {
  await importKey(page, ws, keyFile, 'demo person one');
  // Searching the Birchwood poll's rings finds nothing: told so before any proof.
  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/vote/${birchwoodPoll}`);
  await page.getByTestId('option-0').check();
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('cast-error')).toContainText('Your key is in none of this poll’s rings');
  // Once the registration check remembered the German ring, the proof is made there, and the
  // pool refuses it by name.
  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/key`);
  await page.getByRole('button', { name: 'Check my registration' }).click();
  await expect(page.getByTestId('key-status')).toContainText('constituency Diaspora in Germany', { timeout: 30_000 });
  // The list now keeps to the voter's polls: the republic's, not Birchwood's (unless asked).
  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/vote`);
  await expect(page.getByTestId(`yours-${poll}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`poll-${birchwoodPoll}`)).toHaveCount(0);
  await page.getByTestId('mine-only').uncheck();
  await expect(page.getByTestId(`poll-${birchwoodPoll}`)).toBeVisible();
  await expect(page.getByTestId(`yours-${birchwoodPoll}`)).toHaveCount(0);
  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/vote/${birchwoodPoll}`);
  await page.getByTestId('option-0').check();
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('cast-error')).toContainText('The chain refused the ballot: OutsideElectorate', { timeout: 180_000 });
});

test('a key in no ring is told so before any proof is made', async ({ page }) => {
  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/key`);
  await page.locator('#new-pass').fill('a fresh voter');
  await page.locator('#new-pass2').fill('a fresh voter');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('member')).toHaveText(/^0x/, { timeout: 60_000 });
  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/vote/${poll}`);
  await page.getByTestId('option-0').check();
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('cast-error')).toContainText('Your key is in none of this poll’s rings');
});

// A jury in a real browser against veche-node --dev (the app e2e on veche-node tier). The
// commission tables a Birchwood bill and sends it to a jury of one lawyer; demo person 5 (a
// Birchwood lawyer) imports their key, volunteers on the juries page (two anonymous proofs made
// in the page: the constituency's ring and the legal qualification), is drawn after the pool
// closes and two mock relay epochs begin (the page says the randomness is the mock's), accepts
// the summons, votes yes on the vote page, and sees the bill adopted.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { createClient, type PolkadotClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { Binary } from 'polkadot-api';
import { veche } from '@polkadot-api/descriptors';
import { demoKeyInRing, importKey, open, sleep, submit } from './helpers';

const ws = process.env.VECHE_NODE_WS;
const CLIENT = process.env.VECHE_CLIENT;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
test.skip(!ws || !CLIENT, 'VECHE_NODE_WS and VECHE_CLIENT unset: app/scripts/test.sh node runs this');

const HEAD_OF_BIRCHWOOD = 7;
let keyFile: string;
let client: PolkadotClient;
let jury: number;
let bill: number;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  keyFile = await demoKeyInRing(ws!, 5);
  client = createClient(getWsProvider(ws!));
  const api = client.getTypedApi(veche);
  bill = await api.query.Acts.NextAct.getValue();
  const table = api.tx.Acts.table({
    office: HEAD_OF_BIRCHWOOD,
    kind: { type: 'Bill', value: undefined },
    title: Binary.fromText('Birchwood: on the footbridge over the stream'),
    content: '0x' + '31'.repeat(32),
    locator: Binary.fromText('https://birchwood.example/bills/footbridge'),
  });
  await submit(api.tx.Sudo.sudo({ call: table.decodedCall }), 'Alice');
  const now = (await client.getFinalizedBlock()).number;
  const send = api.tx.Juries.send_to_jury({ act: bill, size: 1, credential: 1, freeze: now + 150, acceptance: 120, voting: 30 });
  await submit(api.tx.Sudo.sudo({ call: send.decodedCall }), 'Alice');
  jury = (await api.query.Juries.NextJuryId.getValue()) - 1;
});

test.afterAll(() => client?.destroy());

test('a lawyer of Birchwood volunteers anonymously, is drawn, accepts and votes; the jury adopts the bill', async ({ page }) => {
  test.setTimeout(900_000);
  const api = client.getTypedApi(veche);
  await importKey(page, ws, keyFile, 'demo person five');
  await open(page, ws, '#/juries');
  await expect(page.getByTestId(`jury-${jury}`)).toContainText('volunteers enrolling');
  await page.getByTestId(`jury-${jury}`).getByRole('link').click();
  await page.getByTestId('jury-enrol').click();
  await expect(page.getByTestId('jury-done')).toContainText('Volunteered in block', { timeout: 300_000 });
  await expect(page.getByTestId('jury-enrolled')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'jury-enrolled.png'), fullPage: true });

  // The pool closes; two relay epochs begin after it (the dev node's mock: one every ten blocks).
  const { freeze } = (await api.query.Juries.Juries.getValue(jury))!;
  for (;;) {
    const recent = await api.query.Juries.RecentEpochs.getValue();
    if (recent.filter((e) => e.block > freeze).length >= 2) break;
    await sleep(2000);
  }
  await submit(api.tx.Juries.draw({ jury, limit: 10 }), 'Ferdie');
  await expect(page.getByTestId('jury-summons')).toContainText('You were drawn', { timeout: 60_000 });
  await expect(page.getByTestId('jury-mock')).toBeVisible();
  await page.getByTestId('jury-accept').click();
  await expect(page.getByTestId('jury-done')).toContainText('Seated in block', { timeout: 300_000 });
  await expect(page.getByTestId('jury-summons')).toContainText('You are a juror', { timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'jury-seated.png'), fullPage: true });

  // The vote page: the jury's poll, the juror's ballot proven with the jury's roll and context.
  await page.getByTestId('jury-vote').click();
  await page.getByTestId('option-0').check();
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('cast-result')).toContainText('Your ballot #1 is recorded', { timeout: 300_000 });

  const info = (await api.query.Juries.Juries.getValue(jury))!;
  const poll = info.stage.type === 'Voting' ? info.stage.value.poll : -1;
  const end = (await api.query.Ballots.Polls.getValue(poll))!.end;
  while ((await client.getFinalizedBlock()).number < end) await sleep(2000);
  await submit(api.tx.Juries.conclude({ jury }), 'Ferdie');
  await open(page, ws, `#/juries/${jury}`);
  await expect(page.getByTestId('jury-outcome')).toContainText('adopted the bill', { timeout: 60_000 });
  await page.screenshot({ path: join(shots, 'jury-decided.png'), fullPage: true });
});

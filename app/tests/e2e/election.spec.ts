// An election in a real browser against veche-node --dev (the app e2e on veche-node tier). The
// commission (sudo on the dev chain) adds a one-seat office to Birchwood, the Birchwood elder,
// with short rules; Bob and Eve, identified by a registrar, stand; voting opens. Demo person 5, a
// Birchwood resident, sees the election's card with its candidates, votes for Bob, and once
// voting is over and the election counted, the card shows Bob elected.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import { createClient, type PolkadotClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';
import { devAccount } from '../../src/features/money/accounts';
import { toHex } from '../../src/lib/bytes';
import { demoKeyInRing, importKey, sleep, submit } from './helpers';

const ws = process.env.VECHE_NODE_WS;
const CLIENT = process.env.VECHE_CLIENT;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
test.skip(!ws || !CLIENT, 'VECHE_NODE_WS and VECHE_CLIENT unset: app/scripts/test.sh node runs this');

const BIRCHWOOD = 3;
/** The rules' periods, in blocks (1 s each on the dev node). */
const NOMINATION = 8;
const VOTING = 50;

let keyFile: string;
let client: PolkadotClient;
let election: number;
let poll: number;
let bob: string;
let eve: string;

const getApi = (c: PolkadotClient) => c.getTypedApi(veche);


async function waitFor(block: number) {
  while ((await client.getFinalizedBlock()).number < block) await sleep(500);
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  keyFile = await demoKeyInRing(ws!, 5);
  client = createClient(getWsProvider(ws!));
  const api = getApi(client);
  const sudo = (call: { decodedCall: unknown }) => api.tx.Sudo.sudo({ call: call.decodedCall as never });
  bob = devAccount('Bob').address;
  eve = devAccount('Eve').address;

  // A registrar (Alice) judges Bob's and Eve's public identities: candidates must be identified.
  await submit(sudo(api.tx.Identity.add_registrar({ account: { type: 'Id', value: devAccount('Alice').address } })), 'Alice');
  const registrar = (await api.query.Identity.Registrars.getValue()).length - 1;
  for (const [who, name] of [['Bob', '0x426f62'], ['Eve', '0x457665']] as const) {
    const set = api.tx.Identity.set_identity({
      info: {
        additional: [],
        display: { type: 'Raw3', value: name },
        legal: { type: 'None', value: undefined },
        web: { type: 'None', value: undefined },
        riot: { type: 'None', value: undefined },
        email: { type: 'None', value: undefined },
        pgp_fingerprint: undefined,
        image: { type: 'None', value: undefined },
        twitter: { type: 'None', value: undefined },
      },
    });
    await submit(set, who);
    // The judgement names the identity it judged: the hash of the info, whose encoding is the
    // call's after its two index bytes.
    const info = (await set.getEncodedData()).slice(2);
    await submit(
      api.tx.Identity.provide_judgement({
        reg_index: registrar,
        target: { type: 'Id', value: devAccount(who).address },
        judgement: { type: 'Reasonable', value: undefined },
        identity: toHex(blake2b(info, { dkLen: 32 })),
      }),
      'Alice',
    );
  }

  // The Birchwood elder: one seat, plurality, short periods; nominations close NOMINATION+2
  // blocks from now.
  const office = await api.query.Jurisdictions.NextOfficeId.getValue();
  await submit(sudo(api.tx.Jurisdictions.add_office({ unit: BIRCHWOOD, name: new TextEncoder().encode('Birchwood elder'), seats: 1 })), 'Alice');
  await submit(
    sudo(
      api.tx.Elections.set_rules({
        office,
        rules: { method: { type: 'Plurality', value: undefined }, term: 100_000, nomination: NOMINATION, voting: VOTING, promotion: false, primary: 0 },
      }),
    ),
    'Alice',
  );
  election = await api.query.Elections.NextElectionId.getValue();
  const start = (await client.getFinalizedBlock()).number + NOMINATION + 4;
  await submit(sudo(api.tx.Elections.schedule({ office, voting_start: start })), 'Alice');
  await submit(api.tx.Elections.nominate({ election, list: undefined }), 'Bob');
  await submit(api.tx.Elections.nominate({ election, list: undefined }), 'Eve');
  await waitFor(start);
  const size = await api.view.Elections.election_size(election);
  expect(size).toBeDefined();
  await submit(api.tx.Elections.open_voting({ election, size: size! }), 'Alice');
  const polls = await api.query.Elections.ElectionPolls.getValue(election);
  expect(polls.length).toBe(1);
  poll = polls[0][1];
});

test.afterAll(() => client?.destroy());

test('a resident sees an election’s candidates, votes, and the card shows who the count elected', async ({ page }) => {
  test.setTimeout(300_000);
  const api = getApi(client);
  await importKey(page, ws, keyFile, 'demo person five');
  await page.goto(`./?rpc=${encodeURIComponent(ws!)}#/vote/${poll}`);
  const card = page.getByTestId('election');
  await expect(card).toContainText(`Election ${election}: Birchwood elder (seats: 1)`, { timeout: 30_000 });
  // The candidates in ballot order (the order they stood), each linked to their record.
  const candidates = card.getByTestId('candidates').getByRole('link');
  await expect(candidates).toHaveCount(2);
  await expect(candidates.nth(0)).toHaveAttribute('href', `#/officials/person/${encodeURIComponent(bob)}`);
  await expect(candidates.nth(1)).toHaveAttribute('href', `#/officials/person/${encodeURIComponent(eve)}`);
  // By the names their identities display, on the card and on the ballot.
  await expect(card.getByTestId('candidates')).toContainText('Bob, Eve');
  await expect(page.getByRole('radio', { name: 'Bob' })).toHaveAttribute('data-testid', 'option-0');
  await expect(page.getByRole('radio', { name: 'Eve' })).toHaveAttribute('data-testid', 'option-1');
  await expect(card.getByTestId('elected')).toHaveCount(0);

  await page.getByTestId('option-0').check();
  await page.getByTestId('cast').click();
  await expect(page.getByTestId('cast-result')).toContainText('Your ballot #1 is recorded', { timeout: 180_000 });
  await expect(page.getByTestId('result-0')).toHaveText('1');
  await expect(page.getByTestId('result-1')).toHaveText('0');

  // Voting over, anyone counts; the card follows the chain and names the winner.
  const end = (await api.query.Ballots.Polls.getValue(poll))!.end;
  await waitFor(end);
  const size = await api.view.Elections.election_size(election);
  await submit(api.tx.Elections.count({ election, size: size! }), 'Ferdie');
  const elected = card.getByTestId('elected');
  await expect(elected).toBeVisible({ timeout: 30_000 });
  await expect(elected.getByRole('link')).toHaveCount(1);
  await expect(elected.getByRole('link')).toHaveAttribute('href', `#/officials/person/${encodeURIComponent(bob)}`);
  await expect(elected.getByRole('link')).toHaveText('Bob');
  await page.screenshot({ path: join(shots, 'election-counted.png'), fullPage: true });
});

// A recall under way as the app shows it, on the demo chain served by chopsticks (the app e2e
// tier). Chopsticks cannot take the feeless general transactions that start and move a recall (the
// node tier's recall.spec.ts makes them), so this test writes what they would leave into its
// storage (`dev_setStorage`): a procedure against Bob in its confidence vote (on period 11, with
// his response), an earlier one that ended with him staying, and an open petition, each vote a
// real poll the commission (sudo) creates. A Birchwood resident with their key unlocked sees the
// procedure's stage, trigger and response, the vote's form and counts, the petition's signatures
// against those needed, the record, and the forms to rate and sign.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { blake2b } from '@noble/hashes/blake2.js';
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import { getDynamicBuilder, getLookupFn } from '@polkadot-api/metadata-builders';
import { importKey, open, submit } from './helpers';

const ws = process.env.VECHE_WS;
const shots = process.env.VECHE_APP_SHOTS ?? 'screenshots';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const HEAD_OF_BIRCHWOOD = 7;
const BIRCHWOOD = 3;

test.skip(!ws || !!process.env.VECHE_NODE_WS, 'chopsticks only (app/scripts/test.sh e2e): it writes the chain’s storage');

/** An encoder of `Recall` storage items (key and value, hex) with the connected runtime's metadata, for `dev_setStorage`. */
async function recallItems(client: ReturnType<typeof createClient>) {
  const { hash } = await client.getFinalizedBlock();
  const storage = getDynamicBuilder(getLookupFn(unifyMetadata(decAnyMetadata(await client.getMetadata(hash))))).buildStorage;
  return (entry: string, keys: unknown[], value: unknown) => {
    const s = storage('Recall', entry);
    return [s.keys.enc(...keys), `0x${Buffer.from(s.value.enc(value)).toString('hex')}`];
  };
}

test('a recall under way: its confidence vote, response and record, the petition, and a resident’s forms', async ({ page }) => {
  const client = createClient(getWsProvider(ws!));
  let polls!: { vote: number; petition: number; other: number; now: number; roll: number; end: number };
  try {
    const api = client.getTypedApi(veche);
    // Two polls of Birchwood, as recall opens them: the confidence vote's and the petition's.
    const create = async () => {
      const now = (await client.getFinalizedBlock()).number;
      const poll = api.tx.Ballots.create_poll({
        kind: { type: 'YesNo', value: undefined },
        electorate: { units: [BIRCHWOOD], base_weight: 1, class_weights: [], aliases: undefined },
        start: now + 1,
        end: now + 1000,
      });
      await submit(api.tx.Sudo.sudo({ call: poll.decodedCall }), 'Alice');
      return (await api.query.Ballots.NextPollId.getValue()) - 1;
    };
    // A third, that recall did not open: a plain yes/no poll.
    const [vote, petition, other] = [await create(), await create(), await create()];
    const now = (await client.getFinalizedBlock()).number;
    const { roll_size: roll, end } = (await api.query.Ballots.Polls.getValue(vote))!;
    polls = { vote, petition, other, now, roll, end };

    // What start_recall, respond and advance would have stored, encoded with the runtime's metadata.
    const item = await recallItems(client);
    const [, , rules] = await api.view.Recall.status(HEAD_OF_BIRCHWOOD, BOB);
    const procedure = (trigger: unknown, noticed: number, response: unknown, stage: unknown) => ({
      office: HEAD_OF_BIRCHWOOD,
      who: BOB,
      trigger,
      rules,
      noticed,
      response_end: noticed + rules.response,
      response,
      stage,
    });
    const items = [
      item('Procedures', [0], procedure(
        { type: 'Petition', value: { poll: 999, signatures: 13n, roll_size: 120 } },
        1,
        undefined,
        { type: 'Ended', value: { outcome: { type: 'Stayed', value: undefined }, at: 3 } },
      )),
      item('Procedures', [1], procedure(
        { type: 'Rating', value: { period: 11, approvals: 9n, disapprovals: 61n, raters: 70, roll_size: 120 } },
        now,
        { document: `0x${'ab'.repeat(32)}`, fixes: [2, 5], at: now },
        { type: 'Voting', value: { poll: vote } },
      )),
      item('NextProcedure', [], 2),
      item('Running', [HEAD_OF_BIRCHWOOD, BOB], 1),
      item('Record', [BOB], [0, 1]),
      item('Last', [HEAD_OF_BIRCHWOOD, BOB], [3, 11]),
      item('Petitions', [HEAD_OF_BIRCHWOOD, BOB], { poll: petition, end: now + 500 }),
    ];
    await client._request('dev_setStorage', [items]);
    await client._request('dev_newBlock', [{ count: 1 }]);
  } finally {
    client.destroy();
  }

  // Demo person 5 lives in Birchwood: with the key unlocked, the forms to rate, sign and vote.
  const seed = blake2b(new TextEncoder().encode('veche-demo-person-5'), { dkLen: 32 });
  const file = join(tmpdir(), `veche-demo-5-${process.pid}.txt`);
  writeFileSync(file, `0x${Buffer.from(seed).toString('hex')}\n`);
  await importKey(page, ws, file, 'demo person five');
  await open(page, ws, `#/officials/person/${BOB}`);
  const card = page.getByTestId('official-7');
  const procedure = card.getByTestId('procedure');
  await expect(procedure.getByRole('heading')).toHaveText(`Recall procedure #1, notice given at block #${polls.now}`, { timeout: 60_000 });
  await expect(procedure.getByTestId('procedure-trigger')).toHaveText('Started on period 11: approval 13%, 70 of 120 rated.');
  await expect(procedure.getByTestId('procedure-stage')).toHaveText(
    `Confidence vote: poll #${polls.vote}, open until block #${polls.end}: remove 0, keep 0; 0 ballots of a roll of ${polls.roll}.`,
  );
  await expect(procedure.getByTestId('procedure-response')).toHaveText(
    `Responded at block #${polls.now}: document 0xababab…abab; promises to put right: #2, #5.`,
  );
  await expect(procedure.getByTestId('confidence-remove')).toBeVisible();
  await expect(procedure.getByTestId('confidence-keep')).toBeVisible();
  await expect(procedure.getByTestId('advance')).toHaveCount(0);
  // Voting without choosing is stopped here, before any proof.
  await procedure.getByTestId('confidence-cast').click();
  await expect(card.getByTestId('action-error')).toHaveText('Choose an answer first.');

  // No other recall while this one runs; period 11 has started one.
  await expect(card.getByTestId('recall-blocked')).toHaveText('No new recall: a procedure is under way.');
  await expect(card.getByTestId('start-recall-11')).toHaveCount(0);
  await expect(card.getByTestId('trigger-11')).toContainText('this period or a later one already started a recall');
  // The petition: signatures so far against those needed (a tenth of its roll, at least one).
  const needed = Math.max(1, Math.ceil(polls.roll / 10));
  await expect(card.getByTestId('petition')).toContainText(
    `A petition is open until block #${polls.now + 500}: 0 signatures of the ${needed} needed (a roll of ${polls.roll}).`,
  );
  await expect(card.getByTestId('petition-sign')).toHaveText('Sign the petition');
  await expect(card.getByTestId('petition-withdraw')).toBeVisible();
  await expect(card.getByTestId('start-recall-petition')).toHaveCount(0);
  // The record: the ended procedure and this one.
  const record = card.getByTestId('recall-record').getByRole('listitem');
  await expect(record).toHaveCount(2);
  await expect(record.nth(0)).toHaveText(
    'Procedure #0 (notice at block #1) — Started on a petition: 13 signatures, a roll of 120. — stayed in office (block #3).',
  );
  await expect(record.nth(1)).toContainText('Procedure #1');
  await expect(record.nth(1)).toContainText('under way');
  // Rating: approve or not, and a grade per sphere of the office (all twenty).
  await expect(card.getByTestId('rate')).toHaveText('Open the period and send my rating');
  await expect(card.getByTestId('rate-form').locator('select')).toHaveCount(20);
  await page.screenshot({ path: join(shots, 'recall-procedure.png'), fullPage: true });

  // The unit's list of holders tells of the procedure.
  await open(page, ws, `#/officials/unit/${BIRCHWOOD}`);
  await expect(page.getByTestId('holder-summary-7')).toHaveText('· approval 13% in period 11 · recall procedure #1 under way', { timeout: 30_000 });

  // The vote screen says what each of the two yes/no polls decides, and names their options so
  // that nobody votes "yes" to remove meaning to keep.
  const bob = `${BOB.slice(0, 8)}…${BOB.slice(-4)}`;
  await open(page, ws, `#/vote/${polls.vote}`);
  await expect(page.getByTestId('poll-recall').getByRole('heading')).toHaveText(`Recall procedure #1: the confidence vote on ${bob}, Head of Birchwood`, {
    timeout: 30_000,
  });
  await expect(page.getByRole('radio', { name: 'Remove from office' })).toHaveAttribute('data-testid', 'option-0');
  await expect(page.getByRole('radio', { name: 'Keep in office' })).toHaveAttribute('data-testid', 'option-1');
  await open(page, ws, `#/vote/${polls.petition}`);
  await expect(page.getByTestId('poll-recall').getByRole('heading')).toHaveText(`A petition to recall ${bob} from the office of Head of Birchwood`, {
    timeout: 30_000,
  });
  await expect(page.getByRole('radio', { name: 'Sign the petition' })).toHaveAttribute('data-testid', 'option-0');
  await expect(page.getByRole('radio', { name: 'Withdraw my signature' })).toHaveAttribute('data-testid', 'option-1');
  // A poll recall did not open has no such card.
  await open(page, ws, `#/vote/${polls.other}`);
  await expect(page.getByRole('heading', { name: `Poll #${polls.other}` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('radio', { name: 'Yes' })).toHaveAttribute('data-testid', 'option-0');
  // The lookup that names a recall poll answers within a block; give it two seconds to be wrong.
  await page.waitForTimeout(2_000);
  await expect(page.getByTestId('poll-recall')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Yes' })).toHaveAttribute('data-testid', 'option-0');
});

test('the official answers a notice from his own account: a document file by its hash; nobody else can', async ({ page }) => {
  const client = createClient(getWsProvider(ws!));
  const api = client.getTypedApi(veche);
  try {
    // Procedure #1 in its notice, with no response yet (what start_recall leaves).
    const now = (await client.getFinalizedBlock()).number;
    const item = await recallItems(client);
    const [, , rules] = await api.view.Recall.status(HEAD_OF_BIRCHWOOD, BOB);
    const procedure = {
      office: HEAD_OF_BIRCHWOOD,
      who: BOB,
      trigger: { type: 'Rating', value: { period: 11, approvals: 9n, disapprovals: 61n, raters: 70, roll_size: 120 } },
      rules,
      noticed: now,
      response_end: now + 500,
      response: undefined,
      stage: { type: 'Notice', value: undefined },
    };
    await client._request('dev_setStorage', [
      [item('Procedures', [1], procedure), item('NextProcedure', [], 2), item('Running', [HEAD_OF_BIRCHWOOD, BOB], 1), item('Record', [BOB], [1])],
    ]);
    await client._request('dev_newBlock', [{ count: 1 }]);

    await open(page, ws, `#/officials/person/${BOB}`);
    const notice = page.getByTestId('official-7').getByTestId('procedure');
    await expect(notice.getByTestId('procedure-stage')).toHaveText(`Notice: the official may respond until block #${now + 500}; the vote opens after that.`, {
      timeout: 60_000,
    });
    await expect(notice.getByTestId('procedure-response')).toHaveText('No response yet.');
    const respond = notice.getByTestId('respond');
    await respond.getByText('Respond as the official').click();
    // From a browser extension's accounts (there is none here), nobody can answer for Bob.
    await respond.getByLabel('Browser extension').check();
    await expect(respond.getByTestId('respond-not-official')).toContainText(`Only the official (${BOB.slice(0, 8)}…${BOB.slice(-4)}) can respond`);
    await expect(respond.getByTestId('respond-form')).toHaveCount(0);
    // Bob's own (development) account can. A document file: the chain records its bytes' hash.
    await respond.getByLabel('Development accounts (dev chain only)').check();
    await expect(respond.getByTestId('respond-form')).toContainText('Responding as Bob');
    const document = Buffer.from('%PDF-1.4\nResponse of the Head of Birchwood to recall procedure 1.\n');
    await respond.getByTestId('respond-file').setInputFiles({ name: 'response.pdf', mimeType: 'application/pdf', buffer: document });
    const expected = `0x${Buffer.from(blake2b(document, { dkLen: 32 })).toString('hex')}`;
    await expect(respond.getByTestId('respond-hash')).toHaveText(`The chain records the document by its BLAKE2b-256 hash: ${expected}`);
    await respond.getByTestId('respond-send').click();
    await expect(respond.getByTestId('respond-result')).toContainText('Response recorded in block #', { timeout: 60_000 });
    await expect(notice.getByTestId('procedure-response')).toHaveText(
      `Responded at block #${Number(/block #(\d+)/.exec((await respond.getByTestId('respond-result').textContent()) ?? '')?.[1])}: document ${expected.slice(0, 8)}…${expected.slice(-4)}; promises to put right: none named.`,
      { timeout: 30_000 },
    );
    // What the chain keeps is that hash, with no promises named.
    const stored = await api.query.Recall.Procedures.getValue(1);
    expect(stored?.response?.document).toBe(expected);
    expect(stored?.response?.fixes).toEqual([]);
    await page.screenshot({ path: join(shots, 'recall-response.png'), fullPage: true });
  } finally {
    client.destroy();
  }
});

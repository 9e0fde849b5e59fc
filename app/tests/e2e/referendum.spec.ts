// A people's referendum's poll in a real browser (the demo chain on chopsticks in the app e2e tier,
// veche-node in the node tier; VECHE_WS names it): Alice proposes that the people rename
// Birchwood, places the decision deposit and opens the referendum's poll; the poll's page says what
// the referendum would enact, where it stands and its tally, in English and in Russian.
import { expect, test } from '@playwright/test';
import { createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { veche } from '@polkadot-api/descriptors';
import { join } from 'node:path';
import { open, submit } from './helpers';

const ws = process.env.VECHE_WS;
test.skip(!ws, 'VECHE_WS is not set: app/scripts/test.sh e2e or node starts a chain');

test('a people’s referendum’s poll says what it would enact, where it stands, and its tally', async ({ page }) => {
  const client = createClient(getWsProvider(ws!));
  try {
    const api = client.getTypedApi(veche);
    const index = await api.query.PeoplesReferenda.ReferendumCount.getValue();
    const rename = api.tx.Jurisdictions.rename_unit({ unit: 3, name: new TextEncoder().encode('Birchwood Town') });
    await submit(
      api.tx.PeoplesReferenda.submit({
        proposal_origin: { type: 'Origins', value: { type: 'People', value: undefined } },
        proposal: { type: 'Inline', value: await rename.getEncodedData() },
        enactment_moment: { type: 'After', value: 1 },
      }),
      'Alice',
    );
    await submit(api.tx.PeoplesReferenda.place_decision_deposit({ index }), 'Alice');
    await submit(api.tx.Ballots.open_referendum({ referendum: index }), 'Alice');
    const poll = await api.query.Ballots.ReferendumPolls.getValue(index);
    expect(poll).toBeDefined();

    await open(page, ws, `#/vote/${poll}`);
    const card = page.getByTestId('referendum');
    await expect(card).toContainText(`People's referendum #${index}`, { timeout: 60_000 });
    await expect(page.getByTestId('referendum-call')).toHaveText(
      'If approved, it enacts Jurisdictions.rename_unit {"unit":3,"name":"Birchwood Town"}',
    );
    // Nobody has voted: the referendum's tally is empty, over the poll's frozen roll.
    const roll = (await api.query.Ballots.Polls.getValue(poll!))!.roll_size;
    await expect(page.getByTestId('referendum-state')).toContainText(`ayes 0, nays 0, turnout 0 of ${roll}`);
    await expect(page.getByTestId('option-0')).toHaveCount(0); // no key unlocked: no ballot form
    await page.screenshot({ path: join(process.env.VECHE_APP_SHOTS ?? 'screenshots', 'referendum.png'), fullPage: true });
    await page.getByLabel('Language').selectOption('ru');
    await expect(card).toContainText(`Народный референдум №${index}`);
    await expect(page.getByTestId('referendum-state')).toContainText(`за 0, против 0, явка 0 из ${roll}`);
  } finally {
    client.destroy();
  }
});

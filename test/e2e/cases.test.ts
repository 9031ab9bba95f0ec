import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { inboundContact, postInbound } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

/**
 * A call that needs more than an answer, in a real browser against the built app: the agent opens
 * an information request while the caller is on the line, reads out the reference, extends the
 * notice with a written reason, hands it to the owning unit, and the unit acknowledges it.
 */
describe('cases in a browser', () => {
  const e2e = useE2eServer({
    OFFER_TIMEOUT_MS: '60000',
    PRESENCE_GRACE_MS: '5000',
    CASE_SCAN_MS: '500',
  });
  const shots: string[] = [];

  afterAll(() => {
    console.log(`e2e screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  });

  async function caseCard(page: Page) {
    const card = page.getByTestId('case-panel').getByTestId('case-card');
    await card.waitFor();
    return card;
  }

  it('an information request from a call: reference, countdown, extension, hand-off, acknowledgement', async () => {
    const agent = await e2e.signedIn('agent1');
    await agent.getByTestId('current-status').waitFor();
    await agent.getByTestId('status-available').click();

    const call = await postInbound(
      e2e.server.url,
      inboundContact({
        channel: 'voice',
        text: '',
        name: 'Siti Rahayu',
        topic: 'bansos',
        segment: 'academia',
      }),
    );
    expect(call.status).toBe(201);
    await agent.getByTestId('offer-accept').first().click();
    await agent
      .getByTestId('conversation-reference')
      .filter({ hasText: String(call.body.reference) })
      .waitFor();

    // While the caller is on the line: open the request and read out its number.
    await agent.getByTestId('case-new').click();
    await agent.getByTestId('case-new-type').selectOption('information_request');
    await agent.getByTestId('case-new-subject').fill('Data penerima PKH per kecamatan');
    await agent
      .getByTestId('case-new-text')
      .fill('Jumlah penerima PKH per kecamatan di Kabupaten Bogor tahun 2025');
    await agent.getByTestId('case-new-purpose').fill('Penelitian skripsi');
    expect(await agent.getByTestId('case-new-requester').inputValue()).toBe('Siti Rahayu');
    shots.push(await screenshot(agent, 'cases-01-agent-new-request'));
    await agent.getByTestId('case-new-submit').click();
    const created = agent.getByTestId('case-created');
    await created.waitFor();
    const reference = (await (await caseCard(agent)).getByTestId('case-reference').textContent())!;
    expect(reference).toMatch(/^TGP-PIP-\d{8}-00001$/);
    expect(await created.textContent()).toContain(reference);

    const card = await caseCard(agent);
    const legal = card.getByTestId('case-countdown-legal-notice');
    const internal = card.getByTestId('case-countdown-internal-notice');
    expect(await legal.textContent()).toMatch(/Batas hukum.*\d+ hari \d+ jam lagi.*jatuh tempo/);
    expect(await internal.textContent()).toMatch(/Target internal.*lagi/);
    expect(await legal.getAttribute('data-color')).toBe('green');
    const legalBefore = await legal.textContent();
    shots.push(await screenshot(agent, 'cases-02-agent-reference-and-countdown'));

    // The one extension, with its written reason.
    await card.getByTestId('case-extend').click();
    await card.getByTestId('case-extend-days').fill('7');
    await card
      .getByTestId('case-extend-reason')
      .fill('Data tersebar di tiga dinas kabupaten dan perlu dihimpun.');
    await card.getByTestId('case-extend-submit').click();
    await card.getByTestId('case-extension').waitFor();
    expect(await card.getByTestId('case-extension').textContent()).toContain(
      'Data tersebar di tiga dinas',
    );
    await expect.poll(() => legal.textContent()).not.toBe(legalBefore);
    // Extended once: the button is gone.
    expect(await card.getByTestId('case-extend').count()).toBe(0);
    shots.push(await screenshot(agent, 'cases-03-agent-extended'));

    // Hand-off to the owning unit.
    await card.getByTestId('case-handoff-open').click();
    await card.getByTestId('case-handoff-unit').selectOption('kanwil-sulsel');
    await card.getByTestId('case-handoff-note').fill('Mohon data penerima per kecamatan.');
    await card.getByTestId('case-handoff-submit').click();
    await expect
      .poll(() => card.getByTestId('case-handoff').textContent())
      .toContain('menunggu konfirmasi');
    shots.push(await screenshot(agent, 'cases-04-agent-handed-off'));

    // The unit sees it in its inbox and acknowledges it; the agent's card follows live.
    const unit = await e2e.signedIn('unit-sulsel');
    const row = unit.getByTestId(`case-row-${reference}`);
    await row.waitFor();
    await row.getByRole('button').click();
    await unit.getByTestId('case-acknowledge').click();
    await expect
      .poll(() => unit.getByTestId('case-handoff').textContent())
      .toContain('diterima unit');
    shots.push(await screenshot(unit, 'cases-05-unit-acknowledged'));
    await expect
      .poll(() => card.getByTestId('case-handoff').textContent(), { timeout: 10_000 })
      .toContain('diterima unit');

    // The agent's follow-up board lists it with its time to breach.
    const boardRow = agent.getByTestId('case-board').getByTestId(`case-row-${reference}`);
    await boardRow.waitFor();
    expect(await boardRow.textContent()).toMatch(/lagi/);
    shots.push(await screenshot(agent, 'cases-06-agent-board'));

    const audit = await e2e.server.app.store.db
      .selectFrom('audit_log')
      .select('action')
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'case.created',
      'clock.extended',
      'handoff.sent',
      'handoff.acknowledged',
    ]);
  });
});

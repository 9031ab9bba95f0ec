import { describe, expect, it } from 'vitest';
import { inboundContact, postInbound } from '../integration/harness';
import { openPage, screenshot, useE2eServer } from './browser';

const PKH = 'pol-pkh-2026';
const QUESTION = 'Kapan PKH tahap 2 cair kalau data DTSEN sudah diperbarui?';

/**
 * Issue 7 end to end: a running campaign prompts the PKH policy in a matching chat; the agent
 * appends it to the reply, records the citizen's confusion and question at wrap-up; the lead's
 * open report picks it up live; and the public FAQ shows the policy without signing in.
 */
describe('policy publication and feedback in a browser', () => {
  const e2e = useE2eServer({ OFFER_TIMEOUT_MS: '60000' });

  it('prompts, records feedback, reports it live and publishes the FAQ', async () => {
    // The lead has the PKH report open before anything happens.
    const lead = await e2e.signedIn('lead1');
    await lead.getByTestId('console-switch').getByText('Kebijakan').click();
    await lead.locator(`[data-testid="policy-item"][data-policy-id="${PKH}"]`).click();
    const report = lead.getByTestId('policy-report');
    await report.getByText('PKH 2026: pemutakhiran data DTSEN').first().waitFor();
    await expect.poll(() => lead.getByTestId('stat-feedback').textContent()).toBe('0');

    const agent = await e2e.signedIn('agent1');
    await agent.getByTestId('current-status').waitFor();
    await agent.getByTestId('status-available').click();
    await expect
      .poll(() => agent.getByTestId('current-status').getAttribute('data-status'))
      .toBe('available');

    const created = await postInbound(
      e2e.server.url,
      inboundContact({
        channel: 'whatsapp',
        topic: 'bansos',
        segment: 'public',
        name: 'Sri Wahyuni',
        from: '081377778888',
        text: 'Selamat siang, bantuan PKH saya bulan ini belum masuk.',
      }),
    );
    expect(created.status).toBe(201);
    await agent.getByTestId('offer-accept').first().click();
    await agent
      .getByTestId('conversation-reference')
      .filter({ hasText: String(created.body.reference) })
      .waitFor();

    // The campaign (topic bansos) prompts PKH with its plain-language text.
    const prompt = agent.locator(`[data-testid="policy-prompt"][data-policy-id="${PKH}"]`);
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('DTSEN');
    console.log(`e2e screenshot: ${await screenshot(agent, '60-policy-prompt-on-desk')}`);

    // One action: the campaign message goes into the reply and the share is recorded.
    await prompt.getByTestId('policy-prompt-append').click();
    await expect.poll(() => agent.getByTestId('reply-text').inputValue()).toContain('Cek Bansos');
    await prompt.getByTestId('policy-prompt-mark').waitFor();
    expect(await prompt.getByTestId('policy-prompt-mark').textContent()).toContain(
      'Ditambahkan ke balasan',
    );
    await agent.getByTestId('reply-send').click();
    await expect.poll(() => agent.getByTestId('reply-text').inputValue()).toBe('');

    // Wrap-up: the shared policy is listed for feedback; the citizen was confused and asked.
    const row = agent.locator(`[data-testid="policy-feedback-row"][data-policy-id="${PKH}"]`);
    await row.waitFor();
    await row.getByText('Bingung').click();
    await row.getByTestId('policy-feedback-question').fill(QUESTION);
    await agent.getByTestId('wrapup-code').selectOption('answered');
    await agent.getByTestId('wrapup-notes').fill('Dijelaskan pemutakhiran DTSEN untuk PKH.');
    await row.scrollIntoViewIfNeeded();
    console.log(`e2e screenshot: ${await screenshot(agent, '61-wrapup-policy-feedback')}`);
    await agent.getByTestId('wrapup-submit').click();
    await agent.getByTestId('outcome-confirmation').waitFor();

    const stored = await e2e.server.app.store.db
      .selectFrom('policy_feedback')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ policy_id: PKH, understanding: 'confused', question: QUESTION });

    // The lead's report follows without a reload.
    await expect.poll(() => lead.getByTestId('stat-feedback').textContent()).toBe('1');
    expect(await lead.getByTestId('stat-shared').textContent()).toBe('1');
    expect(await lead.getByTestId('stat-understood').textContent()).toBe('0%');
    await lead.getByTestId('report-question').filter({ hasText: QUESTION }).waitFor();
    console.log(`e2e screenshot: ${await screenshot(lead, '62-policy-report-live')}`);
    await lead.emulateMedia({ media: 'print' });
    console.log(`e2e screenshot: ${await screenshot(lead, '63-policy-report-print')}`);
    await lead.emulateMedia({ media: 'screen' });

    // The public FAQ: no sign-in, the policy in plain words, searchable.
    const visitor = await openPage(e2e.browser);
    const response = await visitor.goto(`${e2e.server.url}/faq`);
    expect(response?.status()).toBe(200);
    await visitor.getByRole('heading', { name: 'PKH 2026: pemutakhiran data DTSEN' }).waitFor();
    expect(await visitor.content()).not.toContain(QUESTION);
    console.log(`e2e screenshot: ${await screenshot(visitor, '64-public-faq')}`);
    await visitor.getByLabel('Cari pertanyaan Anda').fill('syarat KIP Kuliah');
    await visitor.getByRole('button', { name: 'Cari' }).click();
    await visitor.getByText('jawaban ditemukan').waitFor();
    console.log(`e2e screenshot: ${await screenshot(visitor, '65-public-faq-search')}`);

    await agent.context().close();
    await lead.context().close();
    await visitor.context().close();
  });

  it('an administrator runs a campaign and words a question for the public FAQ', async () => {
    const admin = await e2e.signedIn('admin');
    await admin.getByTestId('console-switch').getByText('Kebijakan').click();
    await admin.locator(`[data-testid="policy-item"][data-policy-id="${PKH}"]`).click();
    const report = admin.getByTestId('policy-report');
    await report.getByTestId('report-question').filter({ hasText: QUESTION }).waitFor();

    // The grouped question, reworded by the editor, goes on the public FAQ.
    await report
      .getByTestId('report-question')
      .filter({ hasText: QUESTION })
      .getByRole('button', { name: 'Terbitkan di FAQ' })
      .click();
    const wording = 'Kapan PKH cair setelah data DTSEN diperbarui?';
    const questionInput = admin.getByLabel('Pertanyaan', { exact: false }).last();
    await questionInput.fill(wording);
    await admin.getByRole('dialog').getByRole('button', { name: 'Terbitkan di FAQ' }).click();
    await report.getByText(wording).waitFor();

    // A new campaign for PKH on WhatsApp only.
    await report.getByTestId('campaign-new').click();
    const form = admin.getByTestId('campaign-form');
    await form.getByLabel('Pesan kampanye').fill('Perbarui data DTSEN Anda agar PKH tetap cair.');
    // Let the dialog finish opening before the picture.
    await admin.waitForTimeout(400);
    console.log(`e2e screenshot: ${await screenshot(admin, '66-admin-new-campaign')}`);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await report
      .getByTestId('campaign-row')
      .filter({ hasText: 'Perbarui data DTSEN Anda agar PKH tetap cair.' })
      .waitFor();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    await report.getByTestId('campaign-row').last().scrollIntoViewIfNeeded();
    console.log(`e2e screenshot: ${await screenshot(admin, '67-admin-policy-report')}`);

    const faq = await (await fetch(`${e2e.server.url}/faq`)).text();
    expect(faq).toContain(wording);
    expect(faq).not.toContain(QUESTION);
    await admin.context().close();
  });
});

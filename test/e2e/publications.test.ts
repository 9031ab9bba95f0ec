import { describe, expect, it } from 'vitest';
import type { AnswerDetail } from '../../shared/schemas/knowledge';
import { sendJson, signIn } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

const DAY = 24 * 60 * 60 * 1000;
const TITLE = 'Syarat PKH setelah pemutakhiran DTSEN';

/**
 * A change reaches the floor: an administrator publishes an answer as must-read from the authoring
 * screen, it appears on an agent's desk at once and stays until she acknowledges it, and the lead
 * watches who has read it.
 */
describe('publication notices in a browser', () => {
  const e2e = useE2eServer();

  it('an admin publishes a must-read answer; the agent acknowledges it; the lead sees who has read it', async () => {
    // trainer1 has written the answer and sent it for review.
    const trainer = await signIn(e2e.server.url, 'trainer1');
    const created = await sendJson(
      `${e2e.server.url}/api/knowledge`,
      'POST',
      {
        topic: 'bansos',
        unitId: 'pusat-kontak',
        title: TITLE,
        body: 'Keluarga penerima PKH harus terdaftar di DTSEN. Bila belum, daftar melalui dinas sosial atau aplikasi Cek Bansos.',
        summary: 'Harus terdaftar di DTSEN; daftar lewat dinas sosial atau Cek Bansos.',
        sourceDocument: 'Permensos 1/2018',
        sourceArticle: 'Pasal 5',
        effectiveFrom: Date.now() - DAY,
      },
      trainer,
    );
    const answerId = (created.body as unknown as AnswerDetail).id;
    await sendJson(
      `${e2e.server.url}/api/knowledge/${answerId}/versions/1/submit`,
      'POST',
      {},
      trainer,
    );

    const agent = await e2e.signedIn('agent1');
    await agent.getByTestId('current-status').waitFor();
    const lead = await e2e.signedIn('lead1');
    await lead.getByTestId('readership-panel').waitFor();

    const admin = await e2e.signedIn('admin');
    await admin.getByTestId('console-switch').getByText('Basis pengetahuan').click();
    await admin.getByTestId('filter-status').getByText('Ditinjau').click();
    await admin.getByTestId('answer-row').filter({ hasText: TITLE }).click();
    await admin.getByTestId('answer-title').filter({ hasText: TITLE }).waitFor();
    await admin.getByTestId('workflow-note').fill('Wajib terdaftar di DTSEN mulai tahap ini.');
    await admin.getByTestId('publish-must-read').check();
    console.log(`e2e screenshot: ${await screenshot(admin, '30-pub-admin-publishes-must-read')}`);
    await admin.getByTestId('action-publish').click();
    await admin.getByTestId('history-row').first().filter({ hasText: 'Terbit' }).waitFor();

    // At once on the agent's desk, with no way to put it away but acknowledging it.
    const banner = agent.getByTestId('publication-banner').filter({ hasText: TITLE });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      `Jawaban baru: ${TITLE} (v1) — Wajib terdaftar di DTSEN mulai tahap ini.`,
    );
    expect(await banner.getAttribute('data-must-read')).toBe('true');
    expect(await banner.getByTestId('banner-dismiss').count()).toBe(0);
    console.log(`e2e screenshot: ${await screenshot(agent, '31-pub-agent-must-read-banner')}`);

    // Still there after a reload: it is kept by the server, not the page.
    await agent.reload();
    await banner.waitFor();

    const notice = lead.getByTestId('readership-notice').filter({ hasText: TITLE });
    await notice.waitFor();
    await expect
      .poll(() => notice.getByTestId('readership-count').textContent())
      .toBe('0 dari 3 agen sudah membaca');

    await banner.getByTestId('banner-open').click();
    const drawer = agent.getByTestId('notice-drawer');
    await drawer.getByTestId('notice-answer').waitFor();
    expect(await drawer.textContent()).toContain('aplikasi Cek Bansos');
    console.log(`e2e screenshot: ${await screenshot(agent, '32-pub-agent-reads-change')}`);
    await drawer.getByTestId('drawer-acknowledge').click();
    await expect.poll(() => banner.count()).toBe(0);

    // The lead's view fills in without a reload.
    await expect
      .poll(() => notice.getByTestId('readership-count').textContent())
      .toBe('1 dari 3 agen sudah membaca');
    expect(await notice.getByTestId('reader-done').textContent()).toContain('Rina Wulandari');
    expect(await notice.getByTestId('reader-pending').allTextContents()).toEqual([
      '○ Budi Santoso',
      '○ Dewi Lestari',
    ]);
    console.log(`e2e screenshot: ${await screenshot(lead, '33-pub-lead-sees-who-has-read')}`);

    await agent.reload();
    await agent.getByTestId('current-status').waitFor();
    expect(await agent.getByTestId('publication-banner').filter({ hasText: TITLE }).count()).toBe(
      0,
    );
    for (const page of [agent, lead, admin]) await page.context().close();
  });
});

import { describe, expect, it } from 'vitest';
import { inboundContact, postInbound, sendJson, signIn } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

/**
 * A shift on the lead console: the team's wallboard raises an alert when a queue goes over its
 * threshold and the lead acknowledges it; an agent escalates a conversation from the desk in one
 * action, the lead answers and joins it; the lead announces something to the team and sees who
 * has read it; and changes an agent's status, which the agent's desk shows with who and why.
 */
describe('lead console in a browser', () => {
  const e2e = useE2eServer();

  it('wallboard, alert acknowledged, escalation answered and joined, announcement acknowledged', async () => {
    // Over zero waiting is over the threshold for Bansos · Digital.
    const leadCookie = await signIn(e2e.server.url, 'lead1');
    const threshold = await sendJson(
      `${e2e.server.url}/api/lead/queues/q-bansos-digital/alert-threshold`,
      'PUT',
      { maxWaiting: 0, maxWaitMs: 180_000 },
      leadCookie,
    );
    expect(threshold.status).toBe(200);

    const lead = await e2e.signedIn('lead1');
    await lead.getByTestId('team-wallboard').waitFor();
    expect(await lead.getByTestId('wallboard-title').textContent()).toBe(
      'Papan pantau Tim Layanan 1',
    );
    const agent = await e2e.signedIn('agent1');
    await agent.getByTestId('current-status').waitFor();

    // Nobody is available: the contact waits, the queue goes over, the lead is alerted.
    await postInbound(
      e2e.server.url,
      inboundContact({ text: 'Bantuan PKH ibu saya belum cair, sudah tiga bulan.' }),
    );
    const alert = lead.getByTestId('alert-queue_over_threshold').first();
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Antrean Bansos · Digital melewati ambang');
    console.log(`e2e screenshot: ${await screenshot(lead, '40-lead-wallboard-alert')}`);
    await alert.getByRole('button', { name: 'Tandai sudah dilihat' }).click();
    await expect
      .poll(() => alert.getByTestId('alert-acknowledged-by').textContent())
      .toContain('Dilihat Agus Prasetyo');

    // The agent takes it, then asks the lead for help with it in one action.
    await agent.getByTestId('status-available').click();
    await agent.getByTestId('offer-accept').first().click();
    await agent.getByTestId('conversation-reference').waitFor();
    await agent.getByTestId('escalate-button').click();
    await agent
      .getByLabel('Apa masalahnya?')
      .fill('Penelepon marah dan mengancam melapor ke media.');
    console.log(`e2e screenshot: ${await screenshot(agent, '41-agent-escalates')}`);
    await agent.getByRole('button', { name: 'Kirim ke ketua tim' }).click();
    await agent.getByTestId('my-escalation').filter({ hasText: 'Menunggu ketua tim' }).waitFor();

    // At once on the lead's console; the lead answers and joins.
    const escalation = lead.getByTestId('escalation').filter({ hasText: 'Rina Wulandari' });
    await escalation.waitFor();
    expect(await escalation.getAttribute('data-status')).toBe('open');
    expect(await escalation.textContent()).toContain('mengancam melapor ke media');
    console.log(`e2e screenshot: ${await screenshot(lead, '42-lead-escalation-arrives')}`);
    await escalation
      .getByLabel('Jawaban untuk Rina Wulandari')
      .fill('Tawarkan jalur pengaduan resmi. Saya pantau percakapannya.');
    await escalation.getByRole('button', { name: 'Kirim jawaban' }).click();
    await agent
      .getByTestId('my-escalation')
      .filter({ hasText: 'Agus Prasetyo menjawab: Tawarkan jalur pengaduan resmi' })
      .waitFor();
    console.log(`e2e screenshot: ${await screenshot(agent, '43-agent-sees-answer')}`);
    await escalation.getByRole('button', { name: 'Dampingi' }).click();
    const drawer = lead.getByTestId('follow-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.textContent()).toContain('sudah tiga bulan');
    // Let the drawer finish sliding in before the picture.
    await lead.waitForTimeout(500);
    console.log(`e2e screenshot: ${await screenshot(lead, '44-lead-joins-conversation')}`);
    await lead.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // An announcement to the team: a banner on the desk until acknowledged; the lead sees who read.
    const panel = lead.getByTestId('announcement-panel');
    await panel
      .getByLabel('Isi pengumuman')
      .fill('Mulai pukul 13.00 antrean Bansos dibantu dua petugas tambahan.');
    await panel.getByRole('button', { name: 'Umumkan' }).click();
    const banner = agent.getByTestId('announcement-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('dibantu dua petugas tambahan');
    console.log(`e2e screenshot: ${await screenshot(agent, '45-agent-announcement-banner')}`);
    await banner.getByRole('button', { name: 'Sudah saya baca' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect
      .poll(() => panel.getByTestId('announcement-read-count').first().textContent())
      .toBe('1 dari 3 sudah membaca');

    // The lead sends the agent on a break, with a reason the desk shows.
    await lead.getByRole('button', { name: 'Aksi untuk Rina Wulandari' }).click();
    await lead.getByRole('menuitem', { name: 'Istirahatkan' }).click();
    await lead.getByLabel('Alasan (dilihat petugas)').fill('Istirahat setelah penelepon sulit');
    await lead.getByRole('button', { name: 'Ubah status' }).click();
    await agent
      .getByTestId('status-forced-banner')
      .filter({ hasText: 'Istirahat oleh Agus Prasetyo: Istirahat setelah penelepon sulit' })
      .waitFor();
    await lead.getByRole('dialog').waitFor({ state: 'detached' });
    console.log(`e2e screenshot: ${await screenshot(lead, '46-lead-console-after')}`);
    console.log(`e2e screenshot: ${await screenshot(agent, '47-agent-status-changed-by-lead')}`);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TestClient,
  inboundContact,
  postInbound,
  startServer,
  userId,
  type TestServer,
} from '../integration/harness';
import { launchBrowser, openPage, screenshot, signInAs } from './browser';

/**
 * Coaching with three people in three browsers at once: a trainee at the desk, their trainer
 * following them, and a lead on the console. The trainer whispers, a held reply is edited and
 * approved, another is rejected by the lead, the trainer scores the conversation live and the
 * trainee acknowledges it, and the lead moves the conversation to another agent.
 */
describe('coaching in three browsers', () => {
  let server: TestServer;
  let browser: Browser;
  let channel: http.Server;
  /** Every reply that reached the citizen's channel. */
  const delivered: { text?: string }[] = [];
  const shots: string[] = [];

  beforeAll(async () => {
    channel = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as never);
        res.end();
      });
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    server = await startServer('sqlite', {
      env: {
        CLIENT_DIR: path.resolve('dist/client'),
        OFFER_TIMEOUT_MS: '60000',
        PRESENCE_GRACE_MS: '5000',
        OUTBOUND_WEBHOOK_URL: `http://127.0.0.1:${(channel.address() as AddressInfo).port}/hook`,
        OUTBOUND_WEBHOOK_SECRET: 'rahasia-webhook-e2e-123',
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.destroy();
    channel?.close();
    console.log(`e2e screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  });

  const transcriptOf = (page: Page) => page.getByTestId('transcript').first();

  it('whisper, approve-before-send (edited, then rejected), a live evaluation and a reassignment', async () => {
    const traineeId = await userId(server, 'trainee1');
    const trainee = await openPage(browser);
    await signInAs(trainee, server.url, 'trainee1');
    await trainee.getByTestId('current-status').waitFor();
    await trainee.getByTestId('status-available').click();

    const trainer = await openPage(browser);
    await signInAs(trainer, server.url, 'trainer1');
    await trainer.getByTestId(`trainee-row-${traineeId}`).click();
    await trainer.getByTestId('monitor-readonly-badge').waitFor();

    const lead = await openPage(browser);
    await signInAs(lead, server.url, 'lead1');
    await lead.getByTestId('queue-wallboard').waitFor();
    // The agent the lead will move the conversation to is signed in (on a socket, not a screen).
    const agent2 = await TestClient.connect(server.url, 'agent2');
    await agent2.sendOk('agent:set-status', { status: 'break' });

    const created = await postInbound(
      server.url,
      inboundContact({
        channel: 'webchat',
        topic: 'umum',
        from: '081377770000',
        name: 'Yusuf Harahap',
        text: 'KTP saya hilang, bagaimana mengurus penggantinya?',
      }),
    );
    const reference = String(created.body.reference);
    await trainee.getByTestId('offer-accept').first().click();
    await trainee.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();
    await expect
      .poll(() => trainer.getByTestId('monitor-conversation').textContent())
      .toContain('Yusuf Harahap');

    // Whisper: trainer → trainee only.
    await trainer
      .getByTestId('whisper-input')
      .fill('Tanyakan dulu apakah sudah ada surat kehilangan dari polisi.');
    await trainer.getByTestId('whisper-send').click();
    await trainee.getByTestId('whisper-panel').getByText('surat kehilangan dari polisi').waitFor();
    await trainer.getByTestId('whisper-panel').getByText('surat kehilangan dari polisi').waitFor();
    expect(await transcriptOf(trainee).textContent()).not.toContain('surat kehilangan dari polisi');
    shots.push(await screenshot(trainer, 'coaching-01-trainer-whispers'));
    shots.push(await screenshot(trainee, 'coaching-02-trainee-sees-whisper'));

    // Approve before send: the trainee's reply waits, visibly, on both sides.
    await trainee.getByTestId('reply-text').fill('Bisa diurus besok di kantor.');
    await trainee.getByTestId('reply-send').click();
    await trainee
      .getByTestId('transcript-message')
      .filter({ hasText: 'Bisa diurus besok di kantor.' })
      .getByTestId('review-note')
      .and(trainee.locator('[data-review="pending"]'))
      .waitFor();
    const trainerItem = trainer.getByTestId('monitor-conversation').getByTestId('approval-item');
    await trainerItem.getByText('Bisa diurus besok di kantor.').waitFor();
    await lead.getByTestId('approval-item').getByText('Bisa diurus besok di kantor.').waitFor();
    shots.push(await screenshot(trainee, 'coaching-03-trainee-reply-awaiting-approval'));
    shots.push(await screenshot(trainer, 'coaching-04-trainer-approval-beside-conversation'));
    expect(delivered).toHaveLength(0);

    const edited =
      'KTP pengganti dapat diurus di Disdukcapil dengan membawa surat kehilangan dari kepolisian dan fotokopi KK.';
    await trainerItem.getByTestId('approval-edit-open').click();
    await trainerItem.getByTestId('approval-edit-text').fill(edited);
    shots.push(await screenshot(trainer, 'coaching-05-trainer-edits-reply'));
    await trainerItem.getByTestId('approval-approve-edited').click();
    const sentMessage = trainee.getByTestId('transcript-message').filter({ hasText: edited });
    await sentMessage.locator('[data-review="edited"]').waitFor();
    await expect.poll(() => delivered.map((d) => d.text)).toEqual([edited]);
    await expect
      .poll(() => sentMessage.getByTestId('delivery-status').textContent())
      .toMatch(/Terkirim|Diterima/);
    // The lead's list empties live.
    await expect.poll(() => lead.getByTestId('approval-item').count()).toBe(0);
    shots.push(await screenshot(trainee, 'coaching-06-trainee-sees-edited-and-sent'));

    // A second reply, rejected by the lead with a reason: nothing reaches the citizen.
    await trainee.getByTestId('reply-text').fill('Itu salah Bapak sendiri.');
    await trainee.getByTestId('reply-send').click();
    const leadItem = lead
      .getByTestId('approval-item')
      .filter({ hasText: 'Itu salah Bapak sendiri.' });
    await leadItem.getByTestId('approval-reject-open').click();
    await leadItem
      .getByTestId('approval-reason')
      .fill('Jangan menyalahkan penanya; jelaskan langkahnya.');
    shots.push(await screenshot(lead, 'coaching-07-lead-rejects-reply'));
    await leadItem.getByTestId('approval-reject').click();
    await trainee
      .getByTestId('transcript-message')
      .filter({ hasText: 'Itu salah Bapak sendiri.' })
      .locator('[data-review="rejected"]')
      .waitFor();
    await expect.poll(() => trainer.getByTestId('approval-item').count()).toBe(0);
    shots.push(await screenshot(trainee, 'coaching-08-trainee-sees-rejection'));
    expect(delivered).toHaveLength(1);

    // The trainer scores the conversation live; the trainee reads and acknowledges it.
    await trainer.getByTestId('evaluation-start').click();
    const answers: Record<string, string> = {
      greeting: '1',
      verify: 'T/A',
      accuracy: '4',
      plain: '3',
      reference: '0',
    };
    for (const [question, label] of Object.entries(answers)) {
      await trainer
        .getByTestId(`evaluation-question-${question}`)
        .getByText(label, { exact: true })
        .click();
    }
    await trainer
      .getByTestId('evaluation-comment')
      .fill('Jawaban akhir tepat; sebutkan nomor referensi di penutup.');
    await expect
      .poll(() => trainer.getByTestId('evaluation-scoring').textContent())
      .toContain('81.3%');
    shots.push(await screenshot(trainer, 'coaching-09-trainer-scores-live'));
    await trainer.getByTestId('evaluation-submit').click();
    const mine = trainee.getByTestId('my-evaluation').first();
    await mine.getByTestId('evaluation-acknowledge').waitFor();
    shots.push(await screenshot(trainee, 'coaching-10-trainee-sees-evaluation'));
    await mine.getByTestId('evaluation-acknowledge').click();
    await expect
      .poll(() => trainer.getByTestId('evaluation-row').first().textContent())
      .toMatch(/Dibaca/);

    // Graduated capacity: the trainer raises the trainee to two chats; the desk shows it at once.
    await trainer.getByTestId('plan-chat-cap').fill('2');
    await trainer.getByTestId('trainee-plan').getByText('Perpajakan').click();
    await trainer.getByTestId('plan-save').click();
    await expect
      .poll(() => trainee.getByText('Chat 1/2').count(), { timeout: 5000 })
      .toBeGreaterThan(0);
    shots.push(await screenshot(trainer, 'coaching-11-trainer-raises-capacity'));

    // The lead moves the conversation; the trainee loses it, the trainer's mirror follows.
    const row = lead.getByTestId(`conversation-row-${reference}`);
    await row.getByTestId('reassign-button').click();
    await lead.getByTestId('reassign-target').selectOption(await userId(server, 'agent2'));
    await lead.getByTestId('reassign-reason').fill('Penanya minta petugas senior');
    shots.push(await screenshot(lead, 'coaching-12-lead-reassigns'));
    await lead.getByTestId('reassign-submit').click();
    await agent2.next(
      'conversation:assigned',
      (f) => f.conversation.contact.reference === reference,
    );
    await expect
      .poll(() => trainee.getByTestId('desk-notices').textContent())
      .toContain('Budi Santoso');
    await trainer.getByTestId('monitor-idle').waitFor();
    shots.push(await screenshot(trainee, 'coaching-13-trainee-after-reassign'));
    shots.push(await screenshot(trainer, 'coaching-14-trainer-after-reassign'));
    expect(delivered).toHaveLength(1);

    agent2.close();
    for (const page of [trainee, trainer, lead]) await page.context().close();
  });
});

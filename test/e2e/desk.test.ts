import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inboundContact,
  postInbound,
  startServer,
  userId,
  type TestServer,
} from '../integration/harness';
import { launchBrowser, openPage, screenshot, signInAs } from './browser';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * One shift in a real browser against the built app on embedded SQLite: an agent takes a contact
 * and wraps it up while the lead watches it arrive, a trainer follows a trainee, and the lead moves
 * a conversation from one agent to another.
 */
describe('the desk in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let channel: http.Server;
  /** Every reply the channel provider received, as the webhook sent it. */
  const delivered: { contactId?: string; text?: string }[] = [];
  const shots: string[] = [];

  beforeAll(async () => {
    // The channel provider's side of the outbound webhook: it takes every reply.
    channel = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as never);
        } catch {
          // Not ours to judge here: the provider answers 200 either way.
        }
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

  async function waitForDesk(page: Page) {
    await page.getByTestId('current-status').waitFor();
  }

  /** Closes the held conversation, so the next test starts with a free agent. */
  async function wrapUp(page: Page) {
    await page.getByTestId('wrapup-code').selectOption('answered');
    await page.getByTestId('wrapup-submit').click();
    await page.getByTestId('outcome-confirmation').waitFor();
  }

  it('agent1 accepts an offer and logs an outcome with a follow-up; lead1 sees it live', async () => {
    const lead = await openPage(browser);
    await signInAs(lead, server.url, 'lead1');
    await lead.getByTestId('queue-wallboard').waitFor();

    const agent = await openPage(browser);
    await signInAs(agent, server.url, 'agent1');
    await waitForDesk(agent);
    shots.push(await screenshot(agent, '01-agent-signed-in'));
    await agent.getByTestId('status-available').click();
    await expect
      .poll(() => agent.getByTestId('current-status').textContent())
      .toMatch(/Siap|Available/);

    // A returning caller: her first question is answered and wrapped up, so the second contact
    // shows it in the caller's history.
    const first = await postInbound(
      server.url,
      inboundContact({
        name: 'Siti Rahayu',
        text: 'Kapan jadwal penyaluran BLT tahap 4 di Bogor?',
        segment: 'media',
      }),
    );
    await agent.getByTestId('offer-accept').first().click();
    await agent
      .getByTestId('conversation-reference')
      .filter({ hasText: String(first.body.reference) })
      .waitFor();
    await agent.getByTestId('wrapup-code').selectOption('answered');
    await agent
      .getByTestId('wrapup-notes')
      .fill('Dijelaskan jadwal penyaluran tahap 4 melalui PT Pos.');
    await agent.getByTestId('wrapup-submit').click();
    await agent.getByTestId('outcome-confirmation').waitFor();
    // The queue's wrap-up time runs; "Siap" ends it early.
    await expect
      .poll(() => agent.getByTestId('current-status').getAttribute('data-status'))
      .toBe('after_contact_work');
    await agent.getByTestId('status-available').click();

    const created = await postInbound(
      server.url,
      inboundContact({
        name: 'Siti Rahayu',
        text: 'Bantuan PKH ibu saya belum cair bulan ini. Mohon dicek.',
        segment: 'media',
      }),
    );
    expect(created.status).toBe(201);
    const reference = String(created.body.reference);

    const accept = agent.getByTestId('offer-accept').first();
    await accept.waitFor();
    shots.push(await screenshot(agent, '02-agent-offer'));
    await lead.getByTestId(`conversation-row-${reference}`).waitFor();
    await accept.click();

    await agent.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();
    await expect
      .poll(() => agent.getByTestId('caller-context').textContent())
      .toContain('Siti Rahayu');
    await expect
      .poll(() => agent.getByTestId('caller-context').textContent())
      .toContain('Dijelaskan jadwal penyaluran tahap 4');
    const script = agent.getByTestId('script-panel');
    expect(await script.textContent()).toContain('Siti Rahayu');
    // The guided script: on past the greeting and verification, then the citizen's answer
    // (already registered) leads to the status check, and the closing quotes the reference.
    await script.getByTestId('script-next').click();
    await expect
      .poll(() => script.getByTestId('script-current').getAttribute('data-step-id'))
      .toBe('verifikasi');
    await script.getByTestId('script-next').click();
    await script.getByTestId('script-option-sudah').click();
    await expect
      .poll(() => script.getByTestId('script-current').getAttribute('data-step-id'))
      .toBe('cek-status');
    await script.getByTestId('script-next').click();
    await expect
      .poll(() => script.getByTestId('script-current').textContent())
      .toContain(reference);
    expect(await script.textContent()).toContain('Sudah terdaftar di DTKS? — Sudah terdaftar');
    expect(await agent.getByTestId('transcript').textContent()).toContain('PKH');
    shots.push(await screenshot(agent, '03-agent-conversation'));

    await agent.getByTestId('wrapup-code').selectOption('follow-up');
    await agent
      .getByTestId('wrapup-notes')
      .fill('Nama ibu tidak muncul di data penerima; dicek ke Dinas Sosial.');
    await agent.getByTestId('followup-title').fill('Cek data DTKS ibu pelapor');
    shots.push(await screenshot(agent, '04-agent-wrapup'));
    await agent.getByTestId('wrapup-submit').click();
    await agent.getByTestId('outcome-confirmation').waitFor();
    shots.push(await screenshot(agent, '05-agent-outcome-logged'));

    // The lead's page was never reloaded: the outcome arrived as a pushed fact.
    const outcomeRow = lead.getByTestId('recent-outcomes').getByTestId(`outcome-${reference}`);
    await outcomeRow.waitFor();
    expect(await outcomeRow.textContent()).toContain('Cek data DTKS ibu pelapor');
    shots.push(await screenshot(lead, '06-lead-sees-outcome'));

    const stored = await server.app.store.db.selectFrom('follow_ups').selectAll().execute();
    expect(stored.map((f) => f.title)).toEqual(['Cek data DTKS ibu pelapor']);
    await agent.context().close();
    await lead.context().close();
  });

  it('trainer1 follows trainee1 read-only while the lead moves the conversation to agent2', async () => {
    const trainee = await openPage(browser);
    await signInAs(trainee, server.url, 'trainee1');
    await waitForDesk(trainee);
    await trainee.getByTestId('status-available').click();

    const trainer = await openPage(browser);
    await signInAs(trainer, server.url, 'trainer1');
    const traineeId = await userId(server, 'trainee1');
    await trainer.getByTestId(`trainee-row-${traineeId}`).click();
    await trainer.getByTestId('monitor-readonly-badge').waitFor();

    const created = await postInbound(
      server.url,
      inboundContact({
        topic: 'umum',
        from: '081355550000',
        name: 'Yohanes Sinaga',
        text: 'Ke mana saya menyampaikan pengaduan pelayanan kecamatan?',
      }),
    );
    const reference = String(created.body.reference);
    // From the keyboard: A accepts the first offer.
    await trainee.getByTestId('offer-accept').first().waitFor();
    await trainee.keyboard.press('a');
    await trainee.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();
    await expect
      .poll(() => trainer.getByTestId('monitor-conversation').textContent())
      .toContain('Yohanes Sinaga');
    shots.push(await screenshot(trainer, '07-trainer-monitors-trainee'));

    const agent2 = await openPage(browser);
    await signInAs(agent2, server.url, 'agent2');
    await waitForDesk(agent2);

    const lead = await openPage(browser);
    await signInAs(lead, server.url, 'lead1');
    const row = lead.getByTestId(`conversation-row-${reference}`);
    await row.getByTestId('reassign-button').click();
    await lead.getByTestId('reassign-target').selectOption(await userId(server, 'agent2'));
    await lead.getByTestId('reassign-reason').fill('Pengaduan pelayanan perlu petugas senior');
    shots.push(await screenshot(lead, '08-lead-reassign'));
    await lead.getByTestId('reassign-submit').click();

    await agent2.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();
    await expect
      .poll(() => agent2.getByTestId('desk-notices').textContent())
      .toContain('Agus Prasetyo');
    shots.push(await screenshot(agent2, '09-agent2-receives-reassigned'));
    await expect
      .poll(() => trainee.getByTestId('desk-notices').textContent())
      .toContain('Budi Santoso');
    expect(await trainee.getByTestId('conversation-reference').count()).toBe(0);
    shots.push(await screenshot(trainee, '10-trainee-loses-conversation'));
    await wrapUp(agent2);
    for (const page of [trainee, trainer, agent2, lead]) await page.context().close();
  });

  it('agent1 chats with a citizen: the reply is delivered and the answer appears live', async () => {
    const agent = await openPage(browser);
    await signInAs(agent, server.url, 'agent1');
    await waitForDesk(agent);
    await agent.getByTestId('status-available').click();
    await expect
      .poll(() => agent.getByTestId('current-status').getAttribute('data-status'))
      .toBe('available');
    const body = inboundContact({
      channel: 'webchat',
      from: '081299998888',
      name: 'Putri Nasution',
      text: 'Selamat malam, bagaimana cara mendaftar BPNT setelah pindah domisili?',
    });
    const created = await postInbound(server.url, body);
    await agent.getByTestId('offer-accept').first().click();
    await agent
      .getByTestId('conversation-reference')
      .filter({ hasText: String(created.body.reference) })
      .waitFor();

    await agent
      .getByTestId('reply-text')
      .fill(
        'Selamat malam, Bu Putri. Pendaftaran BPNT diajukan melalui desa/kelurahan domisili baru.',
      );
    await agent.keyboard.press('Control+Enter');
    const transcript = agent.getByTestId('transcript');
    await expect.poll(() => transcript.textContent()).toContain('Pendaftaran BPNT diajukan');
    await expect
      .poll(() => transcript.getByTestId('delivery-status').last().textContent())
      .toMatch(/Terkirim/);
    expect(await agent.getByTestId('reply-text').inputValue()).toBe('');

    const [reply] = await server.app.store.db
      .selectFrom('messages')
      .select('id')
      .where('contact_id', '=', String(created.body.contactId))
      .where('direction', '=', 'outbound')
      .execute();
    await fetch(`${server.url}/api/inbound/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-inbound-key-tanggap' },
      body: JSON.stringify({ messageId: reply!.id, status: 'delivered' }),
    });
    await expect
      .poll(() => transcript.getByTestId('delivery-status').last().textContent())
      .toMatch(/Diterima warga/);

    await postInbound(server.url, {
      ...body,
      externalId: `${body.externalId}-2`,
      text: 'Apakah bisa diwakilkan oleh anak saya?',
    });
    await expect.poll(() => transcript.textContent()).toContain('Apakah bisa diwakilkan');
    shots.push(await screenshot(agent, '11-agent-chat-live'));
    await wrapUp(agent);
    await agent.context().close();
  });

  it('agent1 hands a caller to agent2 with a warm transfer; agent2 reads the note, accepts, and agent1 lets go', async () => {
    const agent1 = await openPage(browser);
    await signInAs(agent1, server.url, 'agent1');
    await waitForDesk(agent1);
    await agent1.getByTestId('status-available').click();
    const agent2 = await openPage(browser);
    await signInAs(agent2, server.url, 'agent2');
    await waitForDesk(agent2);

    const created = await postInbound(
      server.url,
      inboundContact({
        from: '081244443333',
        name: 'Hendra Siregar',
        text: 'Kartu KIS saya nonaktif saat berobat di puskesmas.',
      }),
    );
    const reference = String(created.body.reference);
    await agent1.getByTestId('offer-accept').first().click();
    await agent1.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();
    // agent2 becomes ready only now, so the routing pass does not hand them the caller first.
    await agent2.getByTestId('status-available').click();
    await expect
      .poll(() => agent2.getByTestId('current-status').getAttribute('data-status'))
      .toBe('available');

    await agent1.getByTestId('transfer-open').click();
    await agent1
      .getByTestId('transfer-kind')
      .getByText(/Ke agen/)
      .click();
    await agent1.getByTestId('transfer-target').selectOption(await userId(server, 'agent2'));
    await agent1.getByTestId('transfer-mode').selectOption('warm');
    await agent1
      .getByTestId('transfer-note')
      .fill('Pak Hendra sudah diverifikasi; mohon bantu reaktivasi PBI.');
    shots.push(await screenshot(agent1, '12-agent1-warm-transfer'));
    await agent1.getByTestId('transfer-submit').click();

    const transferNote = agent2.getByTestId('offer-transfer');
    await transferNote.waitFor();
    expect(await transferNote.textContent()).toContain('Pak Hendra sudah diverifikasi');
    // Until agent2 accepts, agent1 still holds the call.
    expect(await agent1.getByTestId('conversation-reference').textContent()).toContain(reference);
    shots.push(await screenshot(agent2, '13-agent2-transfer-offer'));
    await agent2.getByTestId('offer-accept').first().click();
    await agent2.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();
    await expect.poll(() => agent1.getByTestId('conversation-reference').count()).toBe(0);
    await agent1.context().close();
    await agent2.context().close();
  });

  it('agent1 works two chats at once in tabs, with live messages both ways and an unread count per tab', async () => {
    // agent2 still holds the caller from the transfer above and has room for chats: on a break,
    // so both chats come to agent1.
    const agent2 = await openPage(browser);
    await signInAs(agent2, server.url, 'agent2');
    await waitForDesk(agent2);
    await agent2.getByTestId('status-break').click();
    await expect
      .poll(() => agent2.getByTestId('status-break').getAttribute('aria-pressed'))
      .toBe('true');
    await agent2.context().close();

    const agent = await openPage(browser);
    await signInAs(agent, server.url, 'agent1');
    await waitForDesk(agent);
    await agent.getByTestId('status-available').click();
    await expect
      .poll(() => agent.getByTestId('current-status').getAttribute('data-status'))
      .toBe('available');

    const citizens = [
      { from: '081255550001', name: 'Wulan Sari', text: 'Bagaimana cara daftar PKH?' },
      { from: '081255550002', name: 'Yusuf Hamdani', text: 'BPNT bulan ini belum masuk.' },
    ];
    const references: string[] = [];
    const contactIds: string[] = [];
    for (const citizen of citizens) {
      const created = await postInbound(server.url, inboundContact({ ...citizen }));
      references.push(String(created.body.reference));
      contactIds.push(String(created.body.contactId));
      // One offer at a time: accept it, then the next comes while the first chat stays open.
      await agent.getByTestId('offer-accept').first().click();
      await agent.getByTestId(`conversation-tab-${created.body.contactId}`).waitFor();
    }
    const tabs = agent.getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(2);
    expect(await agent.getByTestId('workload-chat').textContent()).toMatch(/2\/3/);
    const panel = (index: number) =>
      agent.locator(`[data-testid="conversation"][data-contact-id="${contactIds[index]}"]`);

    // The second chat is in front: answer it; the reply reaches the channel and shows delivered.
    await panel(1).getByTestId('reply-text').fill('Baik Pak Yusuf, saya cek datanya dulu.');
    await panel(1).getByTestId('reply-send').click();
    await expect
      .poll(() => delivered.some((reply) => reply.text?.includes('saya cek datanya')))
      .toBe(true);
    await expect
      .poll(() => panel(1).getByTestId('delivery-status').last().textContent())
      .toMatch(/Terkirim|Diterima|Sent|Delivered/);

    // Meanwhile the first citizen writes again: the first tab counts it as unread.
    await postInbound(
      server.url,
      inboundContact({ ...citizens[0]!, text: 'Syaratnya apa saja ya?' }),
    );
    const firstTab = agent.getByTestId(`conversation-tab-${contactIds[0]}`);
    await expect.poll(() => firstTab.getByTestId('unread-count').textContent()).toBe('1');
    shots.push(await screenshot(agent, '14-agent-two-chats-unread'));

    await tabs.first().click();
    await panel(0).getByText('Syaratnya apa saja ya?').waitFor();
    expect(await firstTab.getByTestId('unread-count').count()).toBe(0);
    await panel(0)
      .getByTestId('reply-text')
      .fill('Syaratnya KTP, KK dan surat keterangan tidak mampu.');
    await panel(0).getByTestId('reply-send').click();
    await expect
      .poll(() => delivered.some((reply) => reply.text?.includes('surat keterangan')))
      .toBe(true);
    shots.push(await screenshot(agent, '15-agent-first-chat-answered'));

    // Wrapping up one chat leaves the other in front.
    await panel(0).getByTestId('wrapup-code').selectOption('answered');
    await panel(0).getByTestId('wrapup-submit').click();
    await expect.poll(() => tabs.count()).toBe(1);
    await panel(1).getByTestId('wrapup-code').selectOption('answered');
    await panel(1).getByTestId('wrapup-submit').click();
    await agent.getByTestId('waiting-state').waitFor();
    await agent.context().close();
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundContact, postInbound, startServer, type TestServer } from '../integration/harness';
import { launchBrowser, openPage, screenshot, signInAs } from './browser';

/**
 * The offline outbox in a real browser: an agent holding a chat loses the connection, replies and
 * wraps up anyway, reloads the page, and once the connection is back both reach the server once.
 * "Offline" is the live connection blocked (Socket.IO's polling and WebSocket), while the page
 * itself still loads, as on a flaky office network.
 */
describe('the outbox in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let channel: http.Server;
  const delivered: { contactId?: string; text?: string }[] = [];
  const shots: string[] = [];

  beforeAll(async () => {
    channel = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as never);
        } catch {
          // The provider answers 200 either way.
        }
        res.end();
      });
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    server = await startServer('sqlite', {
      env: {
        CLIENT_DIR: path.resolve('dist/client'),
        OFFER_TIMEOUT_MS: '60000',
        PRESENCE_GRACE_MS: '60000',
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

  /** Lets the test cut and restore the page's live connection (every socket of its context). */
  async function liveConnectionSwitch(page: Page) {
    let isCut = false;
    const open: WebSocketRoute[] = [];
    const context = page.context();
    await context.route('**/socket.io/**', (route) =>
      isCut ? route.abort('internetdisconnected') : route.continue(),
    );
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (isCut) {
        void ws.close();
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });
    return {
      cut: async () => {
        isCut = true;
        for (const ws of open.splice(0)) await ws.close();
      },
      restore: () => {
        isCut = false;
      },
    };
  }

  it('a reply and a wrap-up made offline survive a reload and reach the server once', async () => {
    const agent = await openPage(browser);
    const network = await liveConnectionSwitch(agent);
    await signInAs(agent, server.url, 'agent1');
    await agent.getByTestId('current-status').waitFor();
    await agent.getByTestId('status-available').click();
    const created = await postInbound(
      server.url,
      inboundContact({ name: 'Rahmat Hidayat', text: 'Bagaimana cara mengurus KIP Kuliah?' }),
    );
    const contactId = String(created.body.contactId);
    const reference = String(created.body.reference);
    await agent.getByTestId('offer-accept').first().click();
    await agent.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();

    await network.cut();
    await agent.getByTestId('connection-banner').waitFor();
    const replyText = 'Baik Pak, syaratnya KTP, KK dan surat keterangan tidak mampu.';
    await agent.getByTestId('reply-text').fill(replyText);
    await agent.getByTestId('reply-send').click();
    const pendingReply = agent.getByTestId('pending-reply');
    await pendingReply.waitFor();
    expect(await pendingReply.textContent()).toContain('Menunggu koneksi');
    await agent.getByTestId('wrapup-code').selectOption('answered');
    await agent
      .getByTestId('wrapup-notes')
      .fill('Syarat KIP Kuliah dijelaskan saat jaringan putus.');
    await agent.getByTestId('wrapup-submit').click();
    expect(await agent.getByTestId('wrapup-pending').textContent()).toContain(
      'Tersimpan di perangkat, akan dikirim',
    );
    await expect
      .poll(() => agent.getByTestId('outbox-indicator').getAttribute('data-pending'))
      .toBe('2');
    shots.push(await screenshot(agent, 'outbox-01-offline-pending'));

    // The page is reloaded while the connection is still down: nothing typed is lost.
    await agent.reload();
    await agent.getByTestId('current-status').waitFor();
    await agent.getByTestId('conversation-reference').filter({ hasText: reference }).waitFor();
    await agent.getByTestId('pending-reply').waitFor();
    await agent.getByTestId('wrapup-pending').waitFor();
    expect(await agent.getByTestId('outbox-indicator').getAttribute('data-pending')).toBe('2');
    shots.push(await screenshot(agent, 'outbox-02-after-reload'));
    const db = server.app.store.db;
    expect(
      await db.selectFrom('outcomes').select('id').where('contact_id', '=', contactId).execute(),
    ).toHaveLength(0);

    network.restore();
    await agent.getByTestId('outcome-confirmation').waitFor({ timeout: 30_000 });
    await agent.getByTestId('outbox-indicator').waitFor({ state: 'detached' });
    shots.push(await screenshot(agent, 'outbox-03-delivered'));

    const outcomes = await db
      .selectFrom('outcomes')
      .select(['notes'])
      .where('contact_id', '=', contactId)
      .execute();
    expect(outcomes).toEqual([{ notes: 'Syarat KIP Kuliah dijelaskan saat jaringan putus.' }]);
    const replies = await db
      .selectFrom('messages')
      .select(['text'])
      .where('contact_id', '=', contactId)
      .where('direction', '=', 'outbound')
      .where('author_id', 'is not', null)
      .execute();
    expect(replies).toEqual([{ text: replyText }]);
    // The reply went before the outcome closed the conversation, and left for the citizen once.
    await expect.poll(() => delivered.filter((d) => d.text === replyText).length).toBe(1);
    await agent.context().close();
  });
});

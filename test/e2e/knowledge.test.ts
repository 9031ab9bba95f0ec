import { describe, expect, it } from 'vitest';
import { inboundContact, postInbound } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

/** An agent finds a verified answer while a citizen waits and puts it into the reply. */
describe('the knowledge base in a browser', () => {
  const e2e = useE2eServer({ OFFER_TIMEOUT_MS: '60000' });

  it('agent1 searches as she types and inserts the answer into the reply with Enter', async () => {
    const agent = await e2e.signedIn('agent1');
    await agent.getByTestId('current-status').waitFor();
    await agent.getByTestId('status-available').click();
    await expect
      .poll(() => agent.getByTestId('current-status').getAttribute('data-status'))
      .toBe('available');
    const created = await postInbound(
      e2e.server.url,
      inboundContact({
        channel: 'webchat',
        topic: 'kesehatan',
        from: '081277776666',
        name: 'Rudi Hartono',
        text: 'Kartu KIS ibu saya nonaktif, bagaimana mengaktifkannya lagi?',
      }),
    );
    await agent.getByTestId('offer-accept').first().click();
    await agent
      .getByTestId('conversation-reference')
      .filter({ hasText: String(created.body.reference) })
      .waitFor();

    await agent.getByTestId('reply-text').fill('Selamat siang, Pak Rudi.');
    await agent.getByTestId('reply-text').blur();
    await agent.keyboard.press('k');
    await agent.keyboard.type('KIS nonaktif');
    const first = agent.getByTestId('knowledge-hit').first();
    await expect.poll(() => first.textContent()).toContain('Mengaktifkan kembali KIS');
    expect(await first.textContent()).toContain('Permensos 21/2019 Pasal 18');
    await agent.keyboard.press('Enter');
    await expect
      .poll(() => agent.getByTestId('reply-text').inputValue())
      .toMatch(/^Selamat siang, Pak Rudi\.\n\nKartu Indonesia Sehat \(KIS\) PBI yang nonaktif/);
    console.log(`e2e screenshot: ${await screenshot(agent, '16-agent-knowledge-insert')}`);
    await agent.context().close();
  });
});

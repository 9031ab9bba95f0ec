import { describe, expect, it } from 'vitest';
import { inboundContact, postInbound } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

/**
 * Issue 4 end to end: an agent follows a branching script, answers from the verified knowledge
 * base, logs the outcome, and the next time the citizen gets in touch the history says which
 * answer version and which script version the earlier answer rested on.
 */
describe('provenance of an answer in a browser', () => {
  const e2e = useE2eServer({ OFFER_TIMEOUT_MS: '60000' });

  it('agent1 walks the script, inserts an answer, wraps up, and sees the provenance on the history', async () => {
    const agent = await e2e.signedIn('agent1');
    await agent.getByTestId('current-status').waitFor();
    await agent.getByTestId('status-available').click();
    await expect
      .poll(() => agent.getByTestId('current-status').getAttribute('data-status'))
      .toBe('available');

    const citizen = { channel: 'webchat', from: '081355554444', name: 'Dewi Lestari' } as const;
    const first = await postInbound(
      e2e.server.url,
      inboundContact({ ...citizen, text: 'Apa saja syarat untuk menerima PKH?' }),
    );
    expect(first.status).toBe(201);
    const firstReference = String(first.body.reference);
    await agent.getByTestId('offer-accept').first().click();
    await agent.getByTestId('conversation-reference').filter({ hasText: firstReference }).waitFor();

    // The branching script: greeting, verification, then the citizen's answer picks the branch.
    const script = agent.getByTestId('script-panel');
    await script.getByTestId('script-next').click();
    await expect
      .poll(() => script.getByTestId('script-current').getAttribute('data-step-id'))
      .toBe('verifikasi');
    await script.getByTestId('script-next').click();
    await script.getByTestId('script-option-sudah').click();
    await expect
      .poll(() => script.getByTestId('script-current').getAttribute('data-step-id'))
      .toBe('cek-status');

    // The knowledge base: K, a few words, Enter puts the verified answer into the reply.
    await agent.keyboard.press('k');
    await agent.keyboard.type('syarat PKH');
    const hit = agent.getByTestId('knowledge-hit').first();
    await expect.poll(() => hit.textContent()).toMatch(/PKH/);
    await agent.keyboard.press('Enter');
    await expect.poll(() => agent.getByTestId('reply-text').inputValue()).not.toBe('');
    const used = agent.getByTestId('used-answer').first();
    await used.waitFor();
    const usedText = (await used.textContent()) ?? '';
    await agent.getByTestId('reply-send').click();
    await expect.poll(() => agent.getByTestId('reply-text').inputValue()).toBe('');
    console.log(`e2e screenshot: ${await screenshot(agent, '30-agent-script-and-answer-used')}`);

    await agent.getByTestId('wrapup-code').selectOption('answered');
    await agent.getByTestId('wrapup-notes').fill('Dijelaskan syarat PKH dari basis pengetahuan.');
    await agent.getByTestId('wrapup-submit').click();
    await agent.getByTestId('outcome-confirmation').waitFor();

    // What was stored: the answer version cited, and the script version the conversation pinned.
    const db = e2e.server.app.store.db;
    const outcome = await db
      .selectFrom('outcomes')
      .innerJoin('contacts', 'contacts.id', 'outcomes.contact_id')
      .select(['outcomes.id as id'])
      .where('contacts.reference', '=', firstReference)
      .executeTakeFirstOrThrow();
    const sources = await db
      .selectFrom('outcome_sources')
      .selectAll()
      .where('outcome_id', '=', outcome.id)
      .execute();
    expect(sources).toHaveLength(1);

    await expect
      .poll(() => agent.getByTestId('current-status').getAttribute('data-status'))
      .toBe('after_contact_work');
    await agent.getByTestId('status-available').click();

    // The citizen writes again: the caller panel's history cites what the first answer rested on.
    const second = await postInbound(
      e2e.server.url,
      inboundContact({ ...citizen, text: 'Terima kasih. Kapan pencairan tahap berikutnya?' }),
    );
    const secondReference = String(second.body.reference);
    await agent.getByTestId('offer-accept').first().click();
    await agent
      .getByTestId('conversation-reference')
      .filter({ hasText: secondReference })
      .waitFor();
    const provenance = agent.getByTestId('caller-context').getByTestId('outcome-provenance');
    await provenance.first().waitFor();
    const cited = (await provenance.first().textContent()) ?? '';
    expect(cited).toMatch(/Jawaban: .*PKH/);
    expect(cited).toContain('Skrip: Pertanyaan bantuan sosial');
    // The same answer the agent saw listed as used is the one cited on the history.
    const title = usedText.split(/ v\d/)[0]?.trim() ?? '';
    expect(title.length).toBeGreaterThan(0);
    expect(cited).toContain(title);
    console.log(`e2e screenshot: ${await screenshot(agent, '31-agent-history-provenance')}`);
    await agent.context().close();
  });
});

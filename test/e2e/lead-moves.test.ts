import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inboundContact, postInbound, userId } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

/**
 * The lead moves conversations by dragging them on the console: a waiting one onto an agent's row
 * (reassigned to them, after the reason), and one an agent holds onto another team's queue
 * (transferred: the holder's desk is told, it leaves this lead's board).
 */
describe('moving conversations by drag and drop on the lead console', () => {
  const e2e = useE2eServer();

  async function contactArrives(text: string, from: string): Promise<string> {
    const created = await postInbound(e2e.server.url, inboundContact({ text, from }));
    expect(created.status).toBe(201);
    const contactId = String(created.body.contactId);
    const row = await e2e.server.app.store.db
      .selectFrom('contacts')
      .select('reference')
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    return row.reference;
  }

  async function deskOf(username: string, status: 'available' | 'break'): Promise<Page> {
    const page = await e2e.signedIn(username);
    await page.getByTestId('current-status').waitFor();
    await page.getByTestId(`status-${status}`).click();
    return page;
  }

  it('drags a waiting conversation onto an agent and a held one onto a queue', async () => {
    const agent1 = await deskOf('agent1', 'break');
    const agent2 = await deskOf('agent2', 'break');
    const lead = await e2e.signedIn('lead1');
    await lead.getByTestId('queue-drop-zone').waitFor();
    const agent2Id = await userId(e2e.server, 'agent2');

    // Nobody is available: it waits. The lead drags it onto Budi's row.
    const waiting = await contactArrives('Kartu KIS saya hilang, bagaimana?', '081300000001');
    const waitingRow = lead.getByTestId(`conversation-row-${waiting}`);
    await waitingRow.waitFor();
    const budiRow = lead.getByTestId(`agent-row-${agent2Id}`);
    await waitingRow.hover();
    await lead.mouse.down();
    await budiRow.hover();
    // While dragging, the rows that take it are outlined and the drop zone lists the queues.
    await expect.poll(() => budiRow.getAttribute('data-drop')).toBe('allowed');
    expect(await lead.getByTestId('queue-drop-q-bansos-digital').getAttribute('data-drop')).toBe(
      'refused',
    );
    expect(await lead.getByTestId('queue-drop-q-bansos-digital').textContent()).toContain(
      'Antrean saat ini',
    );
    expect(await lead.getByTestId('queue-drop-q-bansos-suara').textContent()).toContain(
      'Tidak melayani kanal ini',
    );
    console.log(`e2e screenshot: ${await screenshot(lead, '68-lead-drags-to-agent')}`);
    await lead.mouse.up();

    const reassignTarget = lead.getByTestId('reassign-target');
    await reassignTarget.waitFor();
    expect(await reassignTarget.inputValue()).toBe(agent2Id);
    await lead.getByTestId('reassign-reason').fill('Budi pernah menangani KIS hilang');
    await lead.getByTestId('reassign-submit').click();
    await agent2.getByTestId('conversation-reference').filter({ hasText: waiting }).waitFor();
    await expect.poll(() => waitingRow.textContent()).toContain('Budi Santoso');

    // Rina takes the next one; the lead hands it to education, another team's queue.
    await agent1.getByTestId('status-available').click();
    const held = await contactArrives('Anak saya belum dapat KIP kuliah.', '081300000002');
    await agent1.getByTestId('offer-accept').first().click();
    await agent1.getByTestId('conversation-reference').filter({ hasText: held }).waitFor();
    const heldRow = lead.getByTestId(`conversation-row-${held}`);
    await expect.poll(() => heldRow.textContent()).toContain('Rina Wulandari');

    const education = lead.getByTestId('queue-drop-q-pendidikan');
    await heldRow.dragTo(education);
    const transferTarget = lead.getByTestId('transfer-target');
    await transferTarget.waitFor();
    expect(await transferTarget.inputValue()).toBe('q-pendidikan');
    await lead
      .getByTestId('transfer-reason')
      .fill('Soal KIP kuliah, tim pendidikan yang menangani');
    // Let the dialog finish fading in before the picture.
    await lead.waitForTimeout(500);
    console.log(`e2e screenshot: ${await screenshot(lead, '69-lead-transfer-to-queue')}`);
    await lead.getByTestId('transfer-submit').click();

    // Rina's desk lets go and says who moved it where, and why.
    await agent1
      .getByText('Agus Prasetyo memindahkannya ke Pendidikan · Semua kanal', { exact: false })
      .waitFor();
    console.log(`e2e screenshot: ${await screenshot(agent1, '70-agent-conversation-transferred')}`);
    // It is the other team's now: it leaves this lead's board.
    await heldRow.waitFor({ state: 'detached' });
    const stored = await e2e.server.app.store.db
      .selectFrom('contacts')
      .select(['queue_id', 'status', 'assigned_agent_id'])
      .where('reference', '=', held)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      queue_id: 'q-pendidikan',
      status: 'waiting',
      assigned_agent_id: null,
    });
    console.log(`e2e screenshot: ${await screenshot(lead, '71-lead-console-after-moves')}`);
  });
});

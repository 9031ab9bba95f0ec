import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { inboundContact, postInbound } from '../integration/harness';
import { screenshot, useE2eServer } from './browser';

/**
 * A trainer gives the tax script a branch (the citizen asks about the annual return or about a tax
 * number), walks it in the preview, saves and publishes it; the next tax call an agent takes
 * follows the new branch.
 */
describe('the script editor in a browser', () => {
  const e2e = useE2eServer({ OFFER_TIMEOUT_MS: '60000' });
  const shots: string[] = [];

  afterAll(() => {
    console.log(`e2e screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  });

  const step = (page: Page, number: number) =>
    page.getByRole('region', { name: `Langkah ${number}`, exact: true });

  it('trainer1 adds a branch to a draft, previews it and publishes; agent2 gets it on the next call', async () => {
    const trainer = await e2e.signedIn('trainer1');
    await trainer.getByTestId('console-switch').getByText('Naskah').click();
    await trainer.locator('[data-script-id="script-pajak"] [data-testid="script-open"]').click();
    await trainer.getByTestId('script-outline').waitFor();
    await trainer.getByTestId('draft-start').click();
    const editor = trainer.getByTestId('draft-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('step-card').count()).toBe(4);

    // A step for the tax-number question, reached only by the new answer.
    await editor.getByTestId('step-add').click();
    const npwp = step(trainer, 5);
    await npwp.getByLabel('Judul langkah 5').fill('Pendaftaran NPWP');
    await npwp
      .getByLabel('Yang diucapkan agen')
      .fill('Bapak/Ibu {caller.name} dapat mendaftar NPWP secara daring dengan NIK.');
    await expect
      .poll(() => npwp.getByTestId('step-problems').textContent())
      .toContain('tidak dapat dicapai');
    await npwp.getByLabel('Lalu lanjut ke').selectOption('penutup');

    // The question step branches on the citizen's answer.
    const question = step(trainer, 2);
    await question.getByRole('switch', { name: /Tanyakan kepada warga/ }).check();
    await question.getByLabel('Jawaban 1', { exact: true }).fill('SPT Tahunan');
    await question.getByRole('button', { name: 'Tambah jawaban' }).click();
    await question.getByLabel('Jawaban 2', { exact: true }).fill('NPWP');
    await question.getByLabel('Jawaban 2 lanjut ke').selectOption('langkah-5');
    await expect.poll(() => npwp.getByTestId('step-problems').count()).toBe(0);
    expect(await trainer.getByTestId('draft-state').textContent()).toBe(
      'Ada perubahan yang belum disimpan.',
    );

    // The preview walks the new branch as an agent would.
    const preview = trainer.getByTestId('script-preview');
    await preview.getByTestId('script-next').click();
    await preview.getByTestId('script-option-npwp').click();
    await expect
      .poll(() => preview.getByTestId('script-current').textContent())
      .toContain('Bapak/Ibu Siti Rahayu dapat mendaftar NPWP');
    shots.push(await screenshot(trainer, 'scripts-01-trainer-draft-branch'));

    await trainer.keyboard.press('Control+s');
    await expect
      .poll(() => trainer.getByTestId('draft-state').textContent())
      .toBe('Semua perubahan tersimpan.');
    await trainer.getByTestId('draft-publish').click();
    await trainer.getByTestId('publish-confirm').click();
    await trainer.getByTestId('script-outline').waitFor();
    await expect
      .poll(() =>
        trainer
          .getByTestId('version-list')
          .getByTestId('version-open')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-status'))),
      )
      .toEqual(['published', 'retired']);
    expect(await trainer.getByTestId('version-audit').textContent()).toContain(
      'Diterbitkan Maria Simanjuntak',
    );
    shots.push(await screenshot(trainer, 'scripts-02-trainer-published'));

    // The next tax call follows version 2.
    const agent = await e2e.signedIn('agent2');
    await agent.getByTestId('current-status').waitFor();
    await agent.getByTestId('status-available').click();
    const call = await postInbound(
      e2e.server.url,
      inboundContact({
        channel: 'webchat',
        topic: 'pajak',
        name: 'Dewi Lestari',
        text: 'Selamat siang, bagaimana cara membuat NPWP?',
      }),
    );
    expect(call.status).toBe(201);
    await agent.getByTestId('offer-accept').first().click();
    const panel = agent.getByTestId('script-panel');
    await panel.getByTestId('script-next').click();
    await panel.getByTestId('script-option-npwp').click();
    await expect
      .poll(() => panel.getByTestId('script-current').textContent())
      .toContain('Bapak/Ibu Dewi Lestari dapat mendaftar NPWP');
    shots.push(await screenshot(agent, 'scripts-03-agent-follows-new-branch'));
    await agent.context().close();
    await trainer.context().close();
  });
});

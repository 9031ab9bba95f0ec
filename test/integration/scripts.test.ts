import { describe, expect, it } from 'vitest';
import type { StorageMode, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  inboundContact,
  postInbound,
  startServer,
  userId,
} from './harness';

describe.each(STORAGE_MODES)('guided scripts on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  it('walks a branching script with the citizen’s answers, live to a monitoring trainer, refusing stale moves', async () => {
    server = await startServer(mode);
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const traineeId = await userId(server, 'trainee1');
    await trainer.sendOk('monitor:start', { agentId: traineeId });
    await trainee.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact({ topic: 'bansos' }));
    const offer = await trainee.next(
      'offer:created',
      (o) => o.contact.id === created.body.contactId,
    );
    const detail = await trainee.sendOk('offer:accept', { offerId: offer.id });
    const contactId = detail.contact.id;
    const script = detail.script!;
    expect(script.version).toBe(1);
    expect(script.state.progress.path).toEqual([{ stepId: 'salam', optionId: null }]);
    expect(script.state.pendingRequired).toEqual(['verifikasi', 'penutup']);
    // The general public hears the plain words; the caller's name is filled in.
    const verification = script.steps.find((s) => s.id === 'verifikasi')!;
    expect(verification).toMatchObject({ isPlain: true, isRequired: true });
    expect(script.steps.find((s) => s.id === 'terdaftar')!.text).toContain('Bapak/Ibu');

    await trainee.sendOk('script:answer', { contactId, atStepId: 'salam', optionId: null });
    await trainee.sendOk('script:answer', { contactId, atStepId: 'verifikasi', optionId: null });
    const needsAnswer = await trainee.send('script:answer', {
      contactId,
      atStepId: 'terdaftar',
      optionId: null,
    });
    expect(needsAnswer).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const branched = await trainee.sendOk('script:answer', {
      contactId,
      atStepId: 'terdaftar',
      optionId: 'belum',
    });
    expect(branched.progress.path.at(-1)).toEqual({ stepId: 'usulan', optionId: null });
    expect(branched.pendingRequired).toEqual(['penutup']);
    const mirrored = await trainer.next(
      'script:progress-changed',
      (state) => state.revision === branched.revision,
    );
    expect(mirrored).toEqual(branched);

    // A second click on the answer already given is stale: nothing moves twice.
    const stale = await trainee.send('script:answer', {
      contactId,
      atStepId: 'terdaftar',
      optionId: 'belum',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const back = await trainee.sendOk('script:back', { contactId, atStepId: 'usulan' });
    expect(back.progress.path.at(-1)).toEqual({ stepId: 'terdaftar', optionId: null });

    // Only the holder moves the script.
    const agent2 = await connect('agent2');
    const foreign = await agent2.send('script:back', { contactId, atStepId: 'terdaftar' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await trainee.sendRaw('script:answer', { contactId, atStepId: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('keeps the version a conversation started with when a new one is published', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const first = await postInbound(server.url, inboundContact({ from: '081299990001' }));
    const offer = await agent.next('offer:created', (o) => o.contact.id === first.body.contactId);
    const held = await agent.sendOk('offer:accept', { offerId: offer.id });
    expect(held.script?.version).toBe(1);

    const db = server.app.store.db;
    const v1 = await db
      .selectFrom('script_versions')
      .selectAll()
      .where('script_id', '=', 'script-bansos')
      .executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('script_versions')
        .set({ status: 'retired' })
        .where('script_id', '=', 'script-bansos')
        .execute();
      await trx
        .insertInto('script_versions')
        .values({ ...v1, version: 2, title: 'Bansos (revisi)', status: 'published' })
        .execute();
    });

    const moved = await agent.sendOk('script:answer', {
      contactId: held.contact.id,
      atStepId: 'salam',
      optionId: null,
    });
    expect(moved.revision).toBe(1);
    const second = await postInbound(server.url, inboundContact({ from: '081299990002' }));
    const offer2 = await agent.next('offer:created', (o) => o.contact.id === second.body.contactId);
    const held2 = await agent.sendOk('offer:accept', { offerId: offer2.id });
    expect(held2.script?.version).toBe(2);
    const pins = await db
      .selectFrom('conversation_scripts')
      .select(['contact_id', 'version'])
      .orderBy('version')
      .execute();
    expect(pins).toEqual([
      { contact_id: held.contact.id, version: 1 },
      { contact_id: held2.contact.id, version: 2 },
    ]);
  });
});

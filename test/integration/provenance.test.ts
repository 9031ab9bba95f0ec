import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CitizenProfile } from '../../shared/schemas/citizen';
import type { AnswerDetail } from '../../shared/schemas/knowledge';
import type { StorageMode, TestClient, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  getJson,
  inboundContact,
  postInbound,
  sendJson,
  signIn,
  startServer,
} from './harness';

const DAY = 24 * 60 * 60 * 1000;

describe.each(STORAGE_MODES)('provenance of outcomes on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  async function serve(agent: TestClient, overrides = {}) {
    const created = await postInbound(server.url, inboundContact(overrides));
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    return agent.sendOk('offer:accept', { offerId: offer.id });
  }

  async function answer(id: string, cookie: string): Promise<AnswerDetail> {
    const { status, body } = await getJson(`${server.url}/api/knowledge/${id}`, cookie);
    expect(status).toBe(200);
    return body as AnswerDetail;
  }

  function countRows(table: 'outcomes' | 'outcome_sources') {
    return server.app.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  }

  it('records the answer versions used and the pinned script with the outcome, refusing drafts and unknown versions, once per command', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    const trainerCookie = await signIn(server.url, 'trainer1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const held = await serve(agent, { topic: 'bansos', from: '081355550001' });
    const contactId = held.contact.id;
    expect(held.script).toMatchObject({ id: 'script-bansos', version: 1 });
    await agent.sendOk('script:answer', { contactId, atStepId: 'salam', optionId: null });

    // A trainer's draft was never verified: an outcome may not cite it.
    const drafted = await sendJson(
      `${server.url}/api/knowledge`,
      'POST',
      {
        topic: 'bansos',
        unitId: 'pusat-kontak',
        title: 'Draf jawaban PKH baru',
        body: 'Belum diverifikasi.',
        summary: 'Belum diverifikasi.',
        sourceDocument: 'Permensos 1/2018',
        effectiveFrom: Date.now() - DAY,
      },
      trainerCookie,
    );
    expect(drafted.status).toBe(200);
    const draftId = String(drafted.body.id);
    const base = { contactId, wrapupCode: 'answered', notes: 'Syarat PKH dijelaskan.' };
    const refused = await agent.send('outcome:log', {
      ...base,
      commandId: randomUUID(),
      usedAnswers: [
        { answerId: 'kb-pkh-syarat', version: 1 },
        { answerId: draftId, version: 1 },
        { answerId: 'kb-tidak-ada', version: 1 },
        { answerId: 'kb-pkh-syarat', version: 9 },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.fields?.map((f) => f.path)).toEqual([
      'usedAnswers.1',
      'usedAnswers.2',
      'usedAnswers.3',
    ]);
    expect(refused.error.fields?.[0]?.message).toContain('never published');
    // Refused: nothing was written, the conversation is still the agent's.
    expect(await countRows('outcomes')).toBe(0);
    expect(await countRows('outcome_sources')).toBe(0);

    // The client names no script; a stray field claiming one is ignored.
    const commandId = randomUUID();
    const payload = {
      ...base,
      commandId,
      usedAnswers: [
        { answerId: 'kb-pkh-syarat', version: 1 },
        { answerId: 'kb-bansos-sanggah', version: 1 },
        { answerId: 'kb-pkh-syarat', version: 1 },
      ],
    };
    const first = await agent.sendRaw('outcome:log', {
      ...payload,
      script: { scriptId: 'script-lain', version: 7 },
    });
    if (!first.ok) throw new Error(`outcome:log failed: ${first.error.message}`);
    const record = first.data as { provenance?: unknown; outcome: { id: string } };
    const syarat = (await answer('kb-pkh-syarat', trainerCookie)).versions[0]!;
    const expected = {
      answers: [
        {
          answerId: 'kb-pkh-syarat',
          version: 1,
          title: syarat.title,
          sourceDocument: syarat.sourceDocument,
          sourceArticle: syarat.sourceArticle,
        },
        expect.objectContaining({ answerId: 'kb-bansos-sanggah', version: 1 }),
      ],
      script: {
        scriptId: 'script-bansos',
        version: 1,
        title: held.script!.title,
        steps: [
          { stepId: 'salam', title: expect.any(String), answer: null },
          { stepId: 'verifikasi', title: 'Verifikasi', answer: null },
        ],
      },
    };
    expect(record.provenance).toEqual(expected);
    // Durable before the ack: the rows are there.
    const rows = await server.app.store.db
      .selectFrom('outcome_sources')
      .select(['answer_id', 'version', 'position'])
      .where('outcome_id', '=', record.outcome.id)
      .orderBy('position')
      .execute();
    expect(rows).toEqual([
      { answer_id: 'kb-pkh-syarat', version: 1, position: 0 },
      { answer_id: 'kb-bansos-sanggah', version: 1, position: 1 },
    ]);
    const stored = await server.app.store.db
      .selectFrom('outcomes')
      .select(['script_id', 'script_version'])
      .where('id', '=', record.outcome.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ script_id: 'script-bansos', script_version: 1 });

    // Supervisors see it on the fact.
    const logged = await lead.next('outcome:logged', (r) => r.outcome.id === record.outcome.id);
    expect(logged.provenance).toEqual(expected);

    // A resend after a lost ack returns the first record and writes nothing twice.
    const again = await agent.sendOk('outcome:log', payload);
    expect(again.outcome.id).toBe(record.outcome.id);
    expect(again.provenance).toEqual(expected);
    expect(await countRows('outcomes')).toBe(1);
    expect(await countRows('outcome_sources')).toBe(2);
  });

  it('shows the provenance on the caller panel and the citizen profile, citing a version retired after it was used', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    const trainerCookie = await signIn(server.url, 'trainer1');
    const leadCookie = await signIn(server.url, 'lead1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const first = await serve(agent, { topic: 'bansos', from: '081355550002' });

    // While the agent talks, a new version is published: the one she inserted is retired.
    const syarat = (await answer('kb-pkh-syarat', trainerCookie)).versions[0]!;
    const newVersion = await sendJson(
      `${server.url}/api/knowledge/kb-pkh-syarat/versions`,
      'POST',
      {
        title: syarat.title,
        body: `${syarat.body} Diperbarui.`,
        summary: syarat.summary,
        sourceDocument: syarat.sourceDocument,
        sourceArticle: syarat.sourceArticle,
        effectiveFrom: Date.now() - DAY,
      },
      trainerCookie,
    );
    expect(newVersion.status).toBe(200);
    const knowledgeUrl = `${server.url}/api/knowledge/kb-pkh-syarat/versions/2`;
    expect((await sendJson(`${knowledgeUrl}/submit`, 'POST', {}, trainerCookie)).status).toBe(200);
    expect((await sendJson(`${knowledgeUrl}/publish`, 'POST', {}, leadCookie)).status).toBe(200);
    expect((await answer('kb-pkh-syarat', trainerCookie)).versions[1]!.status).toBe('retired');

    const logged = await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: first.contact.id,
      wrapupCode: 'answered',
      notes: '',
      usedAnswers: [{ answerId: 'kb-pkh-syarat', version: 1 }],
    });
    expect(logged.provenance?.answers.map((a) => [a.answerId, a.version])).toEqual([
      ['kb-pkh-syarat', 1],
    ]);

    // The citizen calls again: the caller panel shows what the last answer rested on.
    await agent.sendOk('agent:set-status', { status: 'available' });
    const second = await serve(agent, { topic: 'bansos', from: '081355550002' });
    const previous = second.caller.previousContacts.find((c) => c.id === first.contact.id);
    expect(previous?.outcome?.provenance).toEqual(logged.provenance);
    expect(previous?.outcome?.provenance?.script).toMatchObject({
      scriptId: 'script-bansos',
      version: 1,
    });

    const profile = await getJson(
      `${server.url}/api/citizens/${second.caller.citizenId}?reason=${encodeURIComponent('Memeriksa riwayat jawaban')}`,
      leadCookie,
    );
    expect(profile.status).toBe(200);
    const timeline = (profile.body as CitizenProfile).timeline;
    expect(timeline.find((c) => c.id === first.contact.id)?.outcome?.provenance).toEqual(
      logged.provenance,
    );
    // The conversation still open has no outcome, so no provenance.
    expect(timeline.find((c) => c.id === second.contact.id)?.outcome).toBeNull();
  });

  it('records no script for a conversation that has none, and an empty list when no answer was used', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const held = await serve(agent, { topic: 'bansos', from: '081355550003' });
    await server.app.store.db
      .deleteFrom('conversation_scripts')
      .where('contact_id', '=', held.contact.id)
      .execute();
    const logged = await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
    expect(logged.provenance).toEqual({ answers: [], script: null });
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EvaluationFormBody } from '../../shared/schemas/evaluation';
import type { StorageMode, TestClient, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  getJson,
  inboundContact,
  postInbound,
  sendJson,
  signIn,
  sleep,
  startServer,
  userId,
} from './harness';

/** A small form: one critical yes/no question and one scale of 4. */
function aForm(overrides: Partial<EvaluationFormBody> = {}): EvaluationFormBody {
  return {
    title: 'Evaluasi pengaduan',
    passPercent: 80,
    sections: [
      {
        id: 'inti',
        title: 'Inti layanan',
        questions: [
          {
            id: 'identitas',
            text: 'Memverifikasi identitas',
            weight: 20,
            scaleMax: 1,
            isCritical: true,
            allowsNotApplicable: false,
          },
          {
            id: 'jawaban',
            text: 'Jawaban tepat',
            weight: 40,
            scaleMax: 4,
            isCritical: false,
            allowsNotApplicable: false,
          },
        ],
      },
    ],
    ...overrides,
  };
}

describe.each(STORAGE_MODES)('evaluation forms and evaluated agents on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  /** The agent takes one new contact of this topic; returns its id. */
  async function holding(agent: TestClient, from: string): Promise<string> {
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact({ topic: 'umum', from }));
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    return offer.contact.id;
  }

  const putForm = async (id: string, body: unknown, username: string) =>
    sendJson(
      `${server.url}/api/evaluation-forms/${id}`,
      'PUT',
      body,
      await signIn(server.url, username),
    );

  it('trainers and administrators write forms, leads read them, agents may not; a change after use makes a new version and the old evaluation keeps its score', async () => {
    server = await startServer(mode);
    const trainer = await connect('trainer1');
    const trainee = await connect('trainee1');
    const traineeId = await userId(server, 'trainee1');
    const db = server.app.store.db;

    expect((await putForm('form-pengaduan', aForm(), 'agent1')).status).toBe(403);
    expect((await putForm('form-pengaduan', aForm(), 'lead1')).status).toBe(403);
    const leadRead = await getJson(
      `${server.url}/api/evaluation-forms`,
      await signIn(server.url, 'lead1'),
    );
    expect(leadRead.status).toBe(200);

    // Bad input names each bad field and writes nothing.
    const bad = aForm();
    bad.sections[0]!.questions[0]!.weight = -1;
    bad.sections[0]!.questions[1]!.text = ' ';
    bad.sections[0]!.questions[1]!.id = 'identitas';
    const refused = await putForm('form-pengaduan', bad, 'trainer1');
    expect(refused.status).toBe(400);
    const paths = (refused.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.sections.0.questions.0.weight',
        'body.sections.0.questions.1.text',
      ]),
    );
    const duplicate = await putForm(
      'form-pengaduan',
      aForm({
        sections: [
          {
            ...aForm().sections[0]!,
            questions: aForm().sections[0]!.questions.map((q) => ({ ...q, id: 'sama' })),
          },
        ],
      }),
      'trainer1',
    );
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(duplicate.body)).toContain('body.sections.0.questions.1.id');
    const badId = await putForm('Form Baru', aForm(), 'trainer1');
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('params.id');
    expect(
      await db
        .selectFrom('evaluation_forms')
        .select('id')
        .where('id', '=', 'form-pengaduan')
        .execute(),
    ).toEqual([]);

    const created = await putForm('form-pengaduan', aForm(), 'trainer1');
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      id: 'form-pengaduan',
      version: 1,
      currentVersionEvaluations: 0,
      isArchived: false,
    });
    await trainer.next('evaluation-form:changed', (f) => f.id === 'form-pengaduan');
    // Not used yet: a fix stays version 1.
    const fixed = await putForm('form-pengaduan', aForm({ title: 'Evaluasi aduan' }), 'trainer1');
    expect(fixed.body).toMatchObject({ version: 1, title: 'Evaluasi aduan' });

    const contactId = await holding(trainee, '081211110000');
    const evaluation = await trainer.sendOk('evaluation:submit', {
      commandId: randomUUID(),
      formId: 'form-pengaduan',
      contactId,
      agentId: traineeId,
      answers: [
        { questionId: 'identitas', value: 1 },
        { questionId: 'jawaban', value: 3 },
      ],
      comment: '',
    });
    // 20 + 30 of 60.
    expect(evaluation.score).toMatchObject({ points: 50, maxPoints: 60, percent: 83.3 });
    expect(evaluation.formVersion).toBe(1);
    expect(evaluation.score.isPassed).toBe(true);

    // Used now: the administrator's change is version 2; version 1 stays as it was scored.
    const changed = aForm({ title: 'Evaluasi aduan', passPercent: 90 });
    changed.sections[0]!.questions[1]!.weight = 80;
    changed.sections[0]!.questions.reverse();
    const second = await putForm('form-pengaduan', changed, 'admin');
    expect(second.body).toMatchObject({
      version: 2,
      currentVersionEvaluations: 0,
      passPercent: 90,
    });
    const again = await putForm('form-pengaduan', changed, 'trainer1');
    expect(again.body).toMatchObject({ version: 2 });
    const old = await getJson(
      `${server.url}/api/evaluation-forms/form-pengaduan/versions/1`,
      await signIn(server.url, 'trainee1'),
    );
    expect(old.body).toMatchObject({
      version: 1,
      passPercent: 80,
      sections: [{ questions: [{ id: 'identitas' }, { id: 'jawaban', weight: 40 }] }],
    });
    const listed = await getJson(
      `${server.url}/api/evaluations?agentId=${traineeId}`,
      await signIn(server.url, 'trainer1'),
    );
    expect(listed.body).toMatchObject({
      evaluations: [
        {
          id: evaluation.id,
          formVersion: 1,
          score: { points: 50, maxPoints: 60, percent: 83.3, isPassed: true },
        },
      ],
    });
    // Leads see the evaluations of their own team's agents only; administrators all.
    const listedBy = async (username: string, query = '') =>
      getJson(`${server.url}/api/evaluations${query}`, await signIn(server.url, username));
    const idsIn = (response: { body: unknown }) =>
      (response.body as { evaluations: { id: string }[] }).evaluations.map((item) => item.id);
    expect(idsIn(await listedBy('lead1'))).toContain(evaluation.id);
    expect(idsIn(await listedBy('admin'))).toContain(evaluation.id);
    const otherLead = await listedBy('lead2');
    expect(otherLead.status).toBe(200);
    expect(idsIn(otherLead)).not.toContain(evaluation.id);
    expect((await listedBy('lead2', `?agentId=${traineeId}`)).status).toBe(403);
    const versions = await db
      .selectFrom('evaluation_form_versions')
      .select(['version', 'pass_percent'])
      .where('form_id', '=', 'form-pengaduan')
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, pass_percent: 80 },
      { version: 2, pass_percent: 90 },
    ]);
    const saves = await db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'evaluation_form.saved')
      .execute();
    expect(saves.map((row) => (JSON.parse(row.data) as { change: string }).change)).toEqual([
      'create',
      'replace',
      'new-version',
    ]);

    // Archived: kept, offered for no new evaluation; leads may not archive.
    const archiveUrl = `${server.url}/api/evaluation-forms/form-pengaduan/archived`;
    expect(
      (await sendJson(archiveUrl, 'PUT', { isArchived: true }, await signIn(server.url, 'lead1')))
        .status,
    ).toBe(403);
    const archived = await sendJson(
      archiveUrl,
      'PUT',
      { isArchived: true },
      await signIn(server.url, 'trainer1'),
    );
    expect(archived.body).toMatchObject({ isArchived: true, version: 2 });
    const onArchived = await trainer.send('evaluation:submit', {
      commandId: randomUUID(),
      formId: 'form-pengaduan',
      contactId,
      agentId: traineeId,
      answers: [
        { questionId: 'identitas', value: 1 },
        { questionId: 'jawaban', value: 3 },
      ],
      comment: '',
    });
    expect(onArchived).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (!onArchived.ok) expect(onArchived.error.fields?.[0]?.path).toBe('formId');
    const restored = await sendJson(
      archiveUrl,
      'PUT',
      { isArchived: false },
      await signIn(server.url, 'admin'),
    );
    expect(restored.body).toMatchObject({ isArchived: false });
  });

  it('a conversation a trainee passed on is evaluated for the trainee, not for the agent after them; only the trainee is told, and the review waits for that trainee', async () => {
    server = await startServer(mode);
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const agent1 = await connect('agent1');
    const lead = await connect('lead1');
    const traineeId = await userId(server, 'trainee1');
    const agent1Id = await userId(server, 'agent1');
    const agent2Id = await userId(server, 'agent2');
    const db = server.app.store.db;
    await sendJson(
      `${server.url}/api/coaching/settings`,
      'PUT',
      { approvalSegments: [], traineeOutcomesNeedReview: true },
      await signIn(server.url, 'admin'),
    );
    await agent1.sendOk('agent:set-status', { status: 'break' });

    // The trainee takes it; the lead moves it to a regular agent.
    const contactId = await holding(trainee, '081222220000');
    await lead.sendOk('conversation:reassign', {
      commandId: randomUUID(),
      contactId,
      toAgentId: agent1Id,
      reason: 'Perlu petugas berpengalaman',
    });
    const handlers = await getJson(
      `${server.url}/api/contacts/${contactId}/handlers`,
      await signIn(server.url, 'trainer1'),
    );
    expect(handlers.body).toEqual({
      handlers: [
        { agentId: traineeId, name: 'Dewi Lestari', isTrainee: true, mayEvaluate: true },
        { agentId: agent1Id, name: 'Rina Wulandari', isTrainee: false, mayEvaluate: false },
      ],
    });
    expect(
      (
        await getJson(
          `${server.url}/api/contacts/${contactId}/handlers`,
          await signIn(server.url, 'lead2'),
        )
      ).status,
    ).toBe(403);

    // The trainer finds it afterwards among what the trainee took, though another holds it now.
    const handled = await getJson(
      `${server.url}/api/agents/${traineeId}/handled-conversations`,
      await signIn(server.url, 'trainer1'),
    );
    expect(handled.body).toMatchObject({ conversations: [{ contactId }] });
    for (const [username, agentId] of [
      ['trainer1', agent1Id],
      ['lead2', traineeId],
    ] as const) {
      const refused = await getJson(
        `${server.url}/api/agents/${agentId}/handled-conversations`,
        await signIn(server.url, username),
      );
      expect(refused.status).toBe(403);
    }

    const answers = [
      { questionId: 'greeting', value: 1 },
      { questionId: 'verify', value: 1 },
      { questionId: 'accuracy', value: 4 },
      { questionId: 'plain', value: 3 },
      { questionId: 'reference', value: null },
    ];
    const submit = (by: TestClient, agentId: string, id = contactId) =>
      by.send('evaluation:submit', {
        commandId: randomUUID(),
        formId: 'form-standard',
        contactId: id,
        agentId,
        answers,
        comment: 'Pembukaan baik.',
      });
    expect(await submit(trainer, agent1Id)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const stranger = await submit(trainer, agent2Id);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (!stranger.ok) expect(stranger.error.fields?.[0]?.path).toBe('agentId');
    expect(await db.selectFrom('evaluations').select('id').execute()).toEqual([]);

    const evaluated = await submit(trainer, traineeId);
    expect(evaluated.ok).toBe(true);
    if (!evaluated.ok) return;
    const evaluation = evaluated.data;
    expect(evaluation).toMatchObject({ agentId: traineeId, agentName: 'Dewi Lestari' });
    const told = await trainee.next('evaluation:changed', (e) => e.id === evaluation.id);
    expect(told.acknowledgedAt).toBeNull();
    await sleep(150);
    expect(agent1.received.some((r) => r.name === 'evaluation:changed')).toBe(false);

    // The acknowledgement is committed before it is answered.
    const acknowledged = await trainee.sendOk('evaluation:acknowledge', {
      commandId: randomUUID(),
      evaluationId: evaluation.id,
      note: 'Terima kasih.',
    });
    const stored = await db
      .selectFrom('evaluations')
      .select(['acknowledged_at', 'acknowledgement_note', 'agent_id'])
      .where('id', '=', evaluation.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      acknowledged_at: acknowledged.acknowledgedAt,
      acknowledgement_note: 'Terima kasih.',
      agent_id: traineeId,
    });
    expect(Number(stored.acknowledged_at)).toBeGreaterThan(0);

    // The other way round: a regular agent passes a conversation to the trainee, who closes it.
    await trainee.sendOk('agent:set-status', { status: 'break' });
    const created = await postInbound(
      server.url,
      inboundContact({ topic: 'umum', from: '081233330000' }),
    );
    const passedOn = String(created.body.contactId);
    await lead.sendOk('conversation:reassign', {
      commandId: randomUUID(),
      contactId: passedOn,
      toAgentId: agent1Id,
      reason: 'Dilayani dulu',
    });
    await lead.sendOk('conversation:reassign', {
      commandId: randomUUID(),
      contactId: passedOn,
      toAgentId: traineeId,
      reason: 'Latihan',
    });
    await trainee.next('conversation:assigned', (f) => f.conversation.contact.id === passedOn);
    const record = await trainee.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: passedOn,
      wrapupCode: 'answered',
      notes: 'Dijawab.',
    });
    expect(record.outcome.reviewStatus).toBe('pending_review');
    const reviewStatus = async () =>
      (
        await db
          .selectFrom('outcomes')
          .select('review_status')
          .where('contact_id', '=', passedOn)
          .executeTakeFirstOrThrow()
      ).review_status;
    // The lead evaluating the regular agent's part does not review the trainee's outcome.
    expect((await submit(lead, agent1Id, passedOn)).ok).toBe(true);
    expect(await reviewStatus()).toBe('pending_review');
    expect((await submit(trainer, traineeId, passedOn)).ok).toBe(true);
    expect(await reviewStatus()).toBe('reviewed');
  });
});

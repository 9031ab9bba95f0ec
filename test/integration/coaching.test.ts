import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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

const SECRET = 'rahasia-webhook-uji-123';

/** The channel provider's webhook, recording every reply that reached the citizen's channel. */
async function channelProvider(): Promise<{ url: string; texts: string[]; close(): void }> {
  const texts: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      texts.push((JSON.parse(body) as { text: string }).text);
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    texts,
    close: () => server.close(),
  };
}

describe.each(STORAGE_MODES)('coaching on %s', (mode: StorageMode) => {
  let server: TestServer;
  let provider: Awaited<ReturnType<typeof channelProvider>>;
  const { connect } = clientsPerTest(() => server);

  afterEach(() => provider.close());

  async function start(): Promise<void> {
    provider = await channelProvider();
    server = await startServer(mode, {
      env: {
        OUTBOUND_WEBHOOK_URL: provider.url,
        OUTBOUND_WEBHOOK_SECRET: SECRET,
        OUTBOUND_RETRY_BASE_MS: '50',
      },
    });
  }

  /** The agent takes one new contact of this topic (and segment); returns its id. */
  async function holding(
    agent: TestClient,
    overrides: Parameters<typeof inboundContact>[0] = {},
  ): Promise<string> {
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact({ topic: 'umum', ...overrides }));
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    return offer.contact.id;
  }

  async function sideEffectsFingerprint(contactId: string, agentId: string) {
    const db = server.app.store.db;
    const [contact, agent, messages, views, events, commands] = await Promise.all([
      db
        .selectFrom('contacts')
        .select(['version', 'status'])
        .where('id', '=', contactId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('agent_states')
        .select(['version', 'presence'])
        .where('user_id', '=', agentId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('messages')
        .select(['id', 'delivery_status'])
        .where('contact_id', '=', contactId)
        .orderBy('id')
        .execute(),
      db.selectFrom('profile_views').select('id').execute(),
      db.selectFrom('contact_events').select('id').where('contact_id', '=', contactId).execute(),
      db.selectFrom('command_results').select('command_id').execute(),
    ]);
    return {
      contact,
      agent,
      messages,
      views: views.length,
      events: events.length,
      commands: commands.length,
    };
  }

  it('monitoring a trainee has no side effects: nothing marked, logged, sent or changed', async () => {
    await start();
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const traineeId = await userId(server, 'trainee1');
    const contactId = await holding(trainee, { text: 'Bagaimana cara mengurus KTP hilang?' });
    // Replies that need no approval, so the transcript has both sides.
    await sendJson(
      `${server.url}/api/trainer/trainees/${traineeId}/plan`,
      'PUT',
      { chatCap: 1, emailCap: 2, topics: ['umum', 'bansos', 'adminduk'], requiresApproval: false },
      await signIn(server.url, 'trainer1'),
    );
    const reply = await trainee.sendOk('message:send', {
      commandId: randomUUID(),
      contactId,
      text: 'Silakan lapor ke Disdukcapil dengan surat kehilangan dari kepolisian.',
    });
    expect(reply.deliveryStatus).toBe('queued');
    await trainee.next(
      'message:status-changed',
      (f) => f.messageId === reply.id && f.deliveryStatus === 'sent',
    );
    const before = await sideEffectsFingerprint(contactId, traineeId);
    const hooksBefore = provider.texts.length;
    // Queue figures tick by themselves; anything else reaching the trainee would be our doing.
    const personalFacts = () =>
      trainee.received.filter((f) => !f.name.startsWith('queue:')).map((f) => f.name);
    const traineeFactsBefore = personalFacts();

    const snapshot = await trainer.sendOk('monitor:start', { agentId: traineeId });
    expect(snapshot.conversations).toHaveLength(1);
    const [watched] = snapshot.conversations;
    expect(watched?.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    expect(watched?.caller.isProfileWithheld).toBe(true);
    expect(watched?.caller.address).toBeNull();
    const detail = await getJson(
      `${server.url}/api/contacts/${contactId}`,
      await signIn(server.url, 'trainer1'),
    );
    expect(detail.status).toBe(200);
    await trainer.sendOk('monitor:stop', { agentId: traineeId });
    // A lead following the trainee changes nothing either.
    const lead = await connect('lead1');
    expect((await lead.sendOk('monitor:start', { agentId: traineeId })).conversations).toHaveLength(
      1,
    );
    await lead.sendOk('monitor:stop', { agentId: traineeId });
    await sleep(300);

    expect(await sideEffectsFingerprint(contactId, traineeId)).toEqual(before);
    expect(provider.texts).toHaveLength(hooksBefore);
    // The trainee's sockets heard nothing of it.
    expect(personalFacts()).toEqual(traineeFactsBefore);
  });

  it('follows the outcome live as it is logged', async () => {
    await start();
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const traineeId = await userId(server, 'trainee1');
    const contactId = await holding(trainee);
    await trainer.sendOk('monitor:start', { agentId: traineeId });
    await trainee.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId,
      wrapupCode: 'answered',
      notes: 'Dijawab.',
    });
    const logged = await trainer.next('outcome:logged', (r) => r.contact.id === contactId);
    expect(logged.outcome).toMatchObject({ wrapupCode: 'answered', notes: 'Dijawab.' });
  });

  it('keeps the role boundaries: trainers see trainees only, cannot send as the agent; agents cannot approve or whisper', async () => {
    await start();
    const agent1 = await connect('agent1');
    const trainer = await connect('trainer1');
    const agent1Id = await userId(server, 'agent1');
    const contactId = await holding(agent1, { topic: 'bansos' });
    const trainerCookie = await signIn(server.url, 'trainer1');

    const asAgent = await trainer.send('message:send', {
      commandId: randomUUID(),
      contactId,
      text: 'Halo',
    });
    expect(asAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const monitor = await trainer.send('monitor:start', { agentId: agent1Id });
    expect(monitor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const whisper = await trainer.send('whisper:send', {
      commandId: randomUUID(),
      agentId: agent1Id,
      contactId,
      text: 'Coba sapa dulu',
    });
    expect(whisper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      (await getJson(`${server.url}/api/contacts/${contactId}/whispers`, trainerCookie)).status,
    ).toBe(403);
    expect(
      (await getJson(`${server.url}/api/trainer/trainees/${agent1Id}/plan`, trainerCookie)).status,
    ).toBe(403);
    const plan = await sendJson(
      `${server.url}/api/trainer/trainees/${agent1Id}/plan`,
      'PUT',
      { chatCap: 5, emailCap: 5, topics: ['umum'], requiresApproval: false },
      trainerCookie,
    );
    expect(plan.status).toBe(403);

    // An agent may neither decide on a reply nor whisper, whatever the payload.
    const decide = await agent1.send('approval:decide', {
      commandId: randomUUID(),
      messageId: 'x',
      decision: 'approve',
    });
    expect(decide).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const agentWhisper = await agent1.send('whisper:send', {
      commandId: randomUUID(),
      agentId: agent1Id,
      contactId,
      text: 'x',
    });
    expect(agentWhisper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      (await getJson(`${server.url}/api/coaching/approvals`, await signIn(server.url, 'agent1')))
        .status,
    ).toBe(403);

    // Bad input names the field and changes nothing.
    const empty = await trainer.send('whisper:send', {
      commandId: randomUUID(),
      agentId: agent1Id,
      contactId,
      text: '  ',
    });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'text' }] },
    });
    expect(await server.app.store.db.selectFrom('whispers').selectAll().execute()).toHaveLength(0);
  });

  it('whispers travel only to the agent and those following them, never to the channel or the transcript', async () => {
    await start();
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const lead = await connect('lead1');
    const otherAgent = await connect('agent1');
    const traineeId = await userId(server, 'trainee1');
    const contactId = await holding(trainee);
    await lead.sendOk('monitor:start', { agentId: traineeId });
    const messagesBefore = await server.app.store.db
      .selectFrom('messages')
      .select('id')
      .where('contact_id', '=', contactId)
      .execute();

    const commandId = randomUUID();
    const whisper = await trainer.sendOk('whisper:send', {
      commandId,
      agentId: traineeId,
      contactId,
      text: 'Tanyakan nomor KK-nya dulu.',
    });
    expect(whisper).toMatchObject({ agentId: traineeId, contactId, fromName: 'Maria Simanjuntak' });
    const heard = await trainee.next('whisper:received', (w) => w.id === whisper.id);
    expect(heard.text).toBe('Tanyakan nomor KK-nya dulu.');
    await lead.next('whisper:received', (w) => w.id === whisper.id);
    // A resend acts once.
    expect(
      await trainer.sendOk('whisper:send', {
        commandId,
        agentId: traineeId,
        contactId,
        text: 'Tanyakan nomor KK-nya dulu.',
      }),
    ).toEqual(whisper);
    await sleep(300);
    expect(otherAgent.has('whisper:received')).toBe(false);
    // The trainer does not follow the trainee here, so their own socket is not told either.
    expect(trainer.has('whisper:received')).toBe(false);
    expect(trainee.received.filter((f) => f.name === 'whisper:received')).toHaveLength(0);
    expect(provider.texts).toHaveLength(0);
    const messagesAfter = await server.app.store.db
      .selectFrom('messages')
      .select('id')
      .where('contact_id', '=', contactId)
      .execute();
    expect(messagesAfter).toEqual(messagesBefore);
    const listed = await getJson(
      `${server.url}/api/contacts/${contactId}/whispers`,
      await signIn(server.url, 'trainee1'),
    );
    expect(listed.body).toMatchObject({ whispers: [{ id: whisper.id }] });

    // Whoever takes the conversation over does not read the coaching meant for the trainee.
    await lead.sendOk('conversation:reassign', {
      commandId: randomUUID(),
      contactId,
      toAgentId: await userId(server, 'agent1'),
      reason: 'Perlu petugas senior',
    });
    const taken = await getJson(
      `${server.url}/api/contacts/${contactId}/whispers`,
      await signIn(server.url, 'agent1'),
    );
    expect(taken).toEqual({ status: 200, body: { whispers: [] } });
  });

  it("keeps coaching inside the team: another team's lead neither sees, decides, whispers nor plans", async () => {
    await start();
    const trainee = await connect('trainee1');
    const ownLead = await connect('lead1');
    const otherLead = await connect('lead2');
    const contactId = await holding(trainee);
    const traineeId = await userId(server, 'trainee1');

    const held = await trainee.sendOk('message:send', {
      commandId: randomUUID(),
      contactId,
      text: 'Bantuan dapat dicairkan pekan depan',
    });
    await ownLead.next('approval:requested', (a) => a.messageId === held.id);
    await sleep(300);
    expect(otherLead.has('approval:requested')).toBe(false);

    const listed = async (username: string) =>
      (
        (await getJson(`${server.url}/api/coaching/approvals`, await signIn(server.url, username)))
          .body as { approvals: { messageId: string }[] }
      ).approvals.map((approval) => approval.messageId);
    expect(await listed('lead1')).toEqual([held.id]);
    expect(await listed('lead2')).toEqual([]);
    expect(await listed('admin')).toEqual([held.id]);

    const refused = await otherLead.send('approval:decide', {
      commandId: randomUUID(),
      messageId: held.id,
      decision: 'approve',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const whisper = await otherLead.send('whisper:send', {
      commandId: randomUUID(),
      agentId: traineeId,
      contactId,
      text: 'Sebutkan dasar hukumnya',
    });
    expect(whisper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const plan = await getJson(
      `${server.url}/api/trainer/trainees/${traineeId}/plan`,
      await signIn(server.url, 'lead2'),
    );
    expect(plan.status).toBe(403);
    const whispers = await getJson(
      `${server.url}/api/contacts/${contactId}/whispers`,
      await signIn(server.url, 'lead2'),
    );
    expect(whispers.status).toBe(403);
    const forms = await getJson(
      `${server.url}/api/evaluation-forms`,
      await signIn(server.url, 'lead2'),
    );
    const formId = (forms.body as { forms: { id: string }[] }).forms[0]!.id;
    const evaluation = await otherLead.send('evaluation:submit', {
      commandId: randomUUID(),
      formId,
      contactId,
      agentId: traineeId,
      answers: [],
      comment: '',
    });
    expect(evaluation).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Nothing changed: the reply still waits, and the team's own lead decides it.
    await ownLead.sendOk('approval:decide', {
      commandId: randomUUID(),
      messageId: held.id,
      decision: 'approve',
    });
    await trainee.next('approval:decided', (d) => d.messageId === held.id);
    expect(otherLead.has('approval:decided')).toBe(false);
  });

  it("holds a trainee's reply for approval; two approvers race, exactly one send reaches the channel, edited", async () => {
    await start();
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const lead = await connect('lead1');
    const otherAgent = await connect('agent1');
    const contactId = await holding(trainee);

    const held = await trainee.sendOk('message:send', {
      commandId: randomUUID(),
      contactId,
      text: 'KTP bisa diurus besok',
    });
    expect(held).toMatchObject({
      deliveryStatus: 'awaiting_approval',
      review: { state: 'pending' },
    });
    const requestedTrainer = await trainer.next(
      'approval:requested',
      (a) => a.messageId === held.id,
    );
    expect(requestedTrainer).toMatchObject({
      contactId,
      because: 'trainee',
      agentName: 'Dewi Lestari',
      text: 'KTP bisa diurus besok',
    });
    await lead.next('approval:requested', (a) => a.messageId === held.id);
    const listed = await getJson(
      `${server.url}/api/coaching/approvals`,
      await signIn(server.url, 'trainer1'),
    );
    expect(listed.body).toMatchObject({ approvals: [{ messageId: held.id }] });
    await sleep(700);
    expect(provider.texts).toHaveLength(0);
    expect(otherAgent.has('approval:requested')).toBe(false);

    const edited = 'KTP pengganti dapat diurus di Disdukcapil mulai besok, bawa surat kehilangan.';
    const [first, second] = await Promise.all([
      trainer.send('approval:decide', {
        commandId: randomUUID(),
        messageId: held.id,
        decision: 'approve',
        text: edited,
      }),
      lead.send('approval:decide', {
        commandId: randomUUID(),
        messageId: held.id,
        decision: 'approve',
      }),
    ]);
    const outcomes = [first, second];
    expect(outcomes.filter((ack) => ack.ok)).toHaveLength(1);
    expect(outcomes.filter((ack) => !ack.ok && ack.error.code === 'conflict')).toHaveLength(1);
    const decided = await trainee.next('approval:decided', (d) => d.messageId === held.id);
    await trainee.next(
      'message:status-changed',
      (f) => f.messageId === held.id && f.deliveryStatus === 'sent',
      8000,
    );
    await sleep(500);
    expect(provider.texts).toHaveLength(1);
    if (first.ok) {
      expect(decided).toMatchObject({ isEdited: true, byName: 'Maria Simanjuntak' });
      expect(decided.message).toMatchObject({
        text: edited,
        review: { state: 'edited', originalText: 'KTP bisa diurus besok' },
      });
      expect(provider.texts[0]).toBe(edited);
    } else {
      expect(decided).toMatchObject({ isEdited: false, byName: 'Agus Prasetyo' });
      expect(provider.texts[0]).toBe('KTP bisa diurus besok');
    }
    expect(otherAgent.has('approval:decided')).toBe(false);

    // A rejection goes back to the agent with the reason; nothing reaches the citizen.
    const second2 = await trainee.sendOk('message:send', {
      commandId: randomUUID(),
      contactId,
      text: 'Ibu salah urus',
    });
    await trainer.next('approval:requested', (a) => a.messageId === second2.id);
    const noReason = await trainer.send('approval:decide', {
      commandId: randomUUID(),
      messageId: second2.id,
      decision: 'reject',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'reason' }] },
    });
    const rejectId = randomUUID();
    const rejected = await trainer.sendOk('approval:decide', {
      commandId: rejectId,
      messageId: second2.id,
      decision: 'reject',
      reason: 'Nada menyalahkan; jelaskan langkahnya.',
    });
    expect(rejected.message).toMatchObject({
      deliveryStatus: 'rejected',
      review: { state: 'rejected', reason: 'Nada menyalahkan; jelaskan langkahnya.' },
    });
    const told = await trainee.next('approval:decided', (d) => d.messageId === second2.id);
    expect(told.decision).toBe('reject');
    // Idempotent: the same command answers the same; another approver now gets a conflict.
    expect(
      await trainer.sendOk('approval:decide', {
        commandId: rejectId,
        messageId: second2.id,
        decision: 'reject',
        reason: 'Nada menyalahkan; jelaskan langkahnya.',
      }),
    ).toEqual(rejected);
    expect(
      await lead.send('approval:decide', {
        commandId: randomUUID(),
        messageId: second2.id,
        decision: 'approve',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await sleep(700);
    expect(provider.texts).toHaveLength(1);
  });

  it('holds replies to configured segments for a lead, whoever writes them; trainers cannot decide those', async () => {
    await start();
    const agent1 = await connect('agent1');
    const trainer = await connect('trainer1');
    const lead = await connect('lead1');
    const admin = await signIn(server.url, 'admin');
    expect(
      (
        await sendJson(
          `${server.url}/api/coaching/settings`,
          'PUT',
          { approvalSegments: ['media'], traineeOutcomesNeedReview: false },
          await signIn(server.url, 'lead1'),
        )
      ).status,
    ).toBe(403);
    const saved = await sendJson(
      `${server.url}/api/coaching/settings`,
      'PUT',
      { approvalSegments: ['media', 'official'], traineeOutcomesNeedReview: false },
      admin,
    );
    expect(saved).toMatchObject({ status: 200, body: { approvalSegments: ['media', 'official'] } });

    const media = await holding(agent1, {
      topic: 'bansos',
      segment: 'media',
      from: '081111111111',
    });
    const held = await agent1.sendOk('message:send', {
      commandId: randomUUID(),
      contactId: media,
      text: 'Data penerima bansos bulan ini 1,2 juta KPM.',
    });
    expect(held.deliveryStatus).toBe('awaiting_approval');
    const requested = await lead.next('approval:requested', (a) => a.messageId === held.id);
    expect(requested.because).toBe('segment');
    await sleep(300);
    expect(trainer.has('approval:requested')).toBe(false);
    const trainerList = await getJson(
      `${server.url}/api/coaching/approvals`,
      await signIn(server.url, 'trainer1'),
    );
    expect(trainerList.body).toEqual({ approvals: [] });
    expect(
      await trainer.send('approval:decide', {
        commandId: randomUUID(),
        messageId: held.id,
        decision: 'approve',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await lead.sendOk('approval:decide', {
      commandId: randomUUID(),
      messageId: held.id,
      decision: 'approve',
    });
    await agent1.next(
      'message:status-changed',
      (f) => f.messageId === held.id && f.deliveryStatus === 'sent',
      8000,
    );
    expect(provider.texts).toEqual(['Data penerima bansos bulan ini 1,2 juta KPM.']);
  });

  it("a trainer raises a trainee's chat cap and topics; routing follows at once, audited", async () => {
    await start();
    const trainee = await connect('trainee1');
    const traineeId = await userId(server, 'trainee1');
    const trainerCookie = await signIn(server.url, 'trainer1');
    await trainee.sendOk('agent:set-status', { status: 'available' });

    const initial = await getJson(
      `${server.url}/api/trainer/trainees/${traineeId}/plan`,
      trainerCookie,
    );
    expect(initial.body).toMatchObject({
      chatCap: 1,
      requiresApproval: true,
      topics: ['adminduk', 'bansos', 'umum'],
    });

    const first = await postInbound(
      server.url,
      inboundContact({ topic: 'umum', from: '081200000001' }),
    );
    const offer = await trainee.next('offer:created', (o) => o.contact.id === first.body.contactId);
    await trainee.sendOk('offer:accept', { offerId: offer.id });
    // At one chat, a second contact waits; and pajak is not theirs yet.
    const second = await postInbound(
      server.url,
      inboundContact({ topic: 'pajak', from: '081200000002' }),
    );
    await sleep(700);
    expect(trainee.has('offer:created', (o) => o.contact.id === second.body.contactId)).toBe(false);

    const bad = await sendJson(
      `${server.url}/api/trainer/trainees/${traineeId}/plan`,
      'PUT',
      { chatCap: 2, emailCap: 2, topics: ['umum', 'astrologi'], requiresApproval: true },
      trainerCookie,
    );
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { fields: [{ path: 'body.topics.1' }] } },
    });

    const raised = await sendJson(
      `${server.url}/api/trainer/trainees/${traineeId}/plan`,
      'PUT',
      {
        chatCap: 2,
        emailCap: 2,
        topics: ['umum', 'bansos', 'adminduk', 'pajak'],
        requiresApproval: true,
      },
      trainerCookie,
    );
    expect(raised).toMatchObject({
      status: 200,
      body: {
        chatCap: 2,
        topics: ['adminduk', 'bansos', 'pajak', 'umum'],
        updatedByName: 'Maria Simanjuntak',
      },
    });
    const changed = await trainee.next('agent:status-changed', (v) => v.capacity.chat === 2);
    expect(changed.skills.map((s) => s.topic)).toContain('pajak');
    await trainee.next('offer:created', (o) => o.contact.id === second.body.contactId, 5000);

    const audit = await server.app.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'trainee.plan_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ agentId: traineeId, chatCap: 2 });
  });

  it('evaluates a conversation afterwards: scored, critical failures fail it, the trainee acknowledges, the review lets the outcome count', async () => {
    await start();
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const agent1 = await connect('agent1');
    await sendJson(
      `${server.url}/api/coaching/settings`,
      'PUT',
      { approvalSegments: [], traineeOutcomesNeedReview: true },
      await signIn(server.url, 'admin'),
    );
    const traineeId = await userId(server, 'trainee1');
    const contactId = await holding(trainee);
    const record = await trainee.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId,
      wrapupCode: 'answered',
      notes: 'Dijawab.',
    });
    expect(record.outcome.reviewStatus).toBe('pending_review');

    const forms = await getJson(
      `${server.url}/api/evaluation-forms`,
      await signIn(server.url, 'trainer1'),
    );
    const form = (forms.body as { forms: { id: string }[] }).forms[0]!;
    const wrong = await trainer.send('evaluation:submit', {
      commandId: randomUUID(),
      formId: form.id,
      contactId,
      agentId: traineeId,
      answers: [{ questionId: 'greeting', value: 1 }],
      comment: '',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (!wrong.ok) expect(wrong.error.fields?.map((f) => f.path)).toContain('answers.accuracy');

    const evaluation = await trainer.sendOk('evaluation:submit', {
      commandId: randomUUID(),
      formId: form.id,
      contactId,
      agentId: traineeId,
      answers: [
        { questionId: 'greeting', value: 1 },
        { questionId: 'verify', value: null },
        { questionId: 'accuracy', value: 3 },
        { questionId: 'plain', value: 4 },
        { questionId: 'reference', value: 1 },
      ],
      comment: 'Jawaban kurang lengkap soal syarat.',
    });
    // 10 + 30 + 20 + 10 of 80; accuracy is critical and below full: failed.
    expect(evaluation.score).toMatchObject({
      points: 70,
      maxPoints: 80,
      percent: 87.5,
      failedCriticalIds: ['accuracy'],
      isPassed: false,
    });
    const seen = await trainee.next('evaluation:changed', (e) => e.id === evaluation.id);
    expect(seen.acknowledgedAt).toBeNull();
    const reviewed = await server.app.store.db
      .selectFrom('outcomes')
      .select('review_status')
      .where('contact_id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(reviewed.review_status).toBe('reviewed');

    expect(
      await agent1.send('evaluation:acknowledge', {
        commandId: randomUUID(),
        evaluationId: evaluation.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await trainer.send('evaluation:acknowledge', {
        commandId: randomUUID(),
        evaluationId: evaluation.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const acknowledged = await trainee.sendOk('evaluation:acknowledge', {
      commandId: randomUUID(),
      evaluationId: evaluation.id,
      note: 'Siap, akan saya perbaiki.',
    });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    await trainer.next(
      'evaluation:changed',
      (e) => e.id === evaluation.id && e.acknowledgedAt !== null,
    );
    const mine = await getJson(
      `${server.url}/api/evaluations`,
      await signIn(server.url, 'trainee1'),
    );
    expect(mine.body).toMatchObject({
      evaluations: [{ id: evaluation.id, acknowledgementNote: 'Siap, akan saya perbaiki.' }],
    });
    expect(
      (await getJson(`${server.url}/api/evaluations`, await signIn(server.url, 'agent1'))).body,
    ).toEqual({ evaluations: [] });

    // A trainer cannot evaluate a non-trainee's conversation.
    const agentContact = await holding(agent1, { topic: 'bansos', from: '081300000000' });
    expect(
      await trainer.send('evaluation:submit', {
        commandId: randomUUID(),
        formId: form.id,
        contactId: agentContact,
        agentId: await userId(server, 'agent1'),
        answers: [],
        comment: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

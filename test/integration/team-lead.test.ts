import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SupervisionBoard } from '../../shared/schemas/views';
import type {
  AnnouncementReadershipList,
  EscalationList,
  LeadAlertList,
  LeadOverview,
} from '../../shared/schemas/team-lead';
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

/**
 * The team boundary and the lead's tools, on the demo organisation: Tim Layanan 1 (lead1; agent1,
 * agent2, trainee1) serves every queue but education; Tim Layanan 2 (lead2; agent3, agent4) serves
 * education (q-pendidikan).
 */
describe.each(STORAGE_MODES)('team lead on %s', (mode: StorageMode) => {
  let server: TestServer | undefined;
  const { connect } = clientsPerTest(() => server);
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const id = (user: string): string => ids[user]!;

  async function start(env: Record<string, string> = {}): Promise<TestServer> {
    server = await startServer(mode, { env });
    for (const user of ['agent1', 'agent2', 'agent3', 'lead1', 'lead2', 'admin']) {
      cookies[user] = await signIn(server.url, user);
      ids[user] = await userId(server, user);
    }
    return server;
  }

  function url(path: string): string {
    return `${server!.url}${path}`;
  }

  async function read<T>(path: string, user: string): Promise<T> {
    const { status, body } = await getJson(url(path), cookies[user]);
    expect(status, `${user} GET ${path}`).toBe(200);
    return body as T;
  }

  /** The agent takes one contact of the topic; returns its id. */
  async function holding(agent: TestClient, topic: string): Promise<string> {
    await agent.sendOk('agent:set-status', { status: 'available' });
    // Each from their own number: a second contact of the same citizen would join the first.
    const created = await postInbound(
      server!.url,
      inboundContact({ topic, from: `0812${String(Math.random()).slice(2, 10)}` }),
    );
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    return offer.contact.id;
  }

  it('keeps each lead to their own team: board, conversation, monitor, reassign, force state', async () => {
    await start();
    const [agent1, agent3, lead1, lead2, admin] = await Promise.all([
      connect('agent1'),
      connect('agent3'),
      connect('lead1'),
      connect('lead2'),
      connect('admin'),
    ]);
    const bansos = await holding(agent1, 'bansos');
    const pendidikan = await holding(agent3, 'pendidikan');

    const board1 = await read<SupervisionBoard>('/api/supervision/board', 'lead1');
    const board2 = await read<SupervisionBoard>('/api/supervision/board', 'lead2');
    const boardAdmin = await read<SupervisionBoard>('/api/supervision/board', 'admin');
    expect(board1.agents.map((a) => a.id)).toContain(id('agent1'));
    expect(board1.agents.map((a) => a.id)).not.toContain(id('agent3'));
    expect(board2.agents.map((a) => a.id).sort()).toEqual(
      [id('agent3'), await userId(server!, 'agent4')].sort(),
    );
    expect(board1.conversations.map((c) => c.id)).toEqual([bansos]);
    expect(board2.conversations.map((c) => c.id)).toEqual([pendidikan]);
    expect(boardAdmin.conversations.map((c) => c.id).sort()).toEqual([bansos, pendidikan].sort());

    // Opening another team's conversation, or following another team's agent, is refused.
    expect((await getJson(url(`/api/contacts/${bansos}`), cookies.lead2)).status).toBe(403);
    expect((await getJson(url(`/api/contacts/${bansos}`), cookies.lead1)).status).toBe(200);
    expect(await lead2.send('monitor:start', { agentId: id('agent1') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await admin.send('monitor:start', { agentId: id('agent1') })).toMatchObject({
      ok: true,
    });

    // Reassigning: not another team's conversation, not to another team's agent.
    expect(
      await lead2.send('conversation:reassign', {
        commandId: randomUUID(),
        contactId: bansos,
        toAgentId: id('agent3'),
        reason: 'Coba pindah',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await lead1.send('conversation:reassign', {
        commandId: randomUUID(),
        contactId: bansos,
        toAgentId: id('agent3'),
        reason: 'Coba pindah',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden', fields: [{ path: 'toAgentId' }] } });
    const stillHeld = await server!.app.store.db
      .selectFrom('contacts')
      .select('assigned_agent_id')
      .where('id', '=', bansos)
      .executeTakeFirstOrThrow();
    expect(stillHeld.assigned_agent_id).toBe(id('agent1'));

    // Forcing another team's agent's state is refused and changes nothing; an agent may not at all.
    expect(
      await lead2.send('agent:force-status', {
        commandId: randomUUID(),
        agentId: id('agent1'),
        status: 'break',
        reason: 'Istirahat',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await agent3.send('agent:force-status', {
        commandId: randomUUID(),
        agentId: id('agent1'),
        status: 'break',
        reason: 'Istirahat',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const state = await server!.app.store.db
      .selectFrom('agent_states')
      .select('presence')
      .where('user_id', '=', id('agent1'))
      .executeTakeFirstOrThrow();
    expect(state.presence).toBe('available');

    // Live facts about team 1's agents reach lead1 and the administrator, not lead2.
    await agent1.sendOk('agent:set-status', { status: 'training' });
    await lead1.next(
      'agent:status-changed',
      (v) => v.id === id('agent1') && v.presence === 'training',
    );
    await admin.next(
      'agent:status-changed',
      (v) => v.id === id('agent1') && v.presence === 'training',
    );
    await sleep(200);
    expect(lead2.has('agent:status-changed', (v) => v.id === id('agent1'))).toBe(false);
    expect(lead2.has('conversation:updated', (c) => c.id === bansos)).toBe(false);

    // Each lead's overview lists their own team only; the administrator sees both.
    const overview1 = await read<LeadOverview>('/api/lead/overview', 'lead1');
    const overview2 = await read<LeadOverview>('/api/lead/overview', 'lead2');
    const overviewAdmin = await read<LeadOverview>('/api/lead/overview', 'admin');
    expect(overview1.teams.map((t) => t.id)).toEqual(['team-layanan-1']);
    expect(overview2.teams).toEqual([
      { id: 'team-layanan-2', name: 'Tim Layanan 2', queueIds: ['q-pendidikan'] },
    ]);
    expect(overviewAdmin.teams).toHaveLength(2);
    // The general queue is served by no team: every lead watches it.
    expect(overview2.thresholds.map((t) => t.queueId).sort()).toEqual(['q-pendidikan', 'q-umum']);

    // Trainees too: a lead follows their own team's.
    const trainees = async (user: string) =>
      (
        await read<{ trainees: { displayName: string }[] }>('/api/trainer/trainees', user)
      ).trainees.map((t) => t.displayName);
    expect(await trainees('lead1')).toEqual(['Dewi Lestari']);
    expect(await trainees('lead2')).toEqual([]);

    // An agent has no lead reads.
    expect((await getJson(url('/api/lead/overview'), cookies.agent1)).status).toBe(403);
    expect((await getJson(url('/api/supervision/board'), cookies.agent1)).status).toBe(403);
  });

  it("a conversation from every lead's queue stays on the holder's lead's board and leaves the others'", async () => {
    await start();
    const [agent1, lead1, lead2] = await Promise.all([
      connect('agent1'),
      connect('lead1'),
      connect('lead2'),
    ]);
    // The general queue is served by no team: every lead watches it until someone takes it.
    const contactId = await holding(agent1, 'umum');
    await lead1.next(
      'conversation:updated',
      (summary) => summary.id === contactId && summary.status === 'active',
    );
    await lead2.next('conversation:left-team', (fact) => fact.contactId === contactId);
    await sleep(300);
    expect(
      lead1.has('conversation:left-team', (fact) => fact.contactId === contactId),
      'lead1 oversees agent1: the conversation must stay on their board',
    ).toBe(false);
  });

  it('forces a state with a reason the agent sees, audited, and lifts Not responding', async () => {
    await start();
    const [agent1, lead1] = await Promise.all([connect('agent1'), connect('lead1')]);
    await agent1.sendOk('agent:set-status', { status: 'available' });
    const commandId = randomUUID();
    const payload = {
      commandId,
      agentId: id('agent1'),
      status: 'break' as const,
      reason: 'Antrean sepi, istirahat lebih awal',
    };
    const view = await lead1.sendOk('agent:force-status', payload);
    expect(view).toMatchObject({ id: id('agent1'), presence: 'break' });
    const forced = await agent1.next('agent:status-forced');
    expect(forced).toMatchObject({
      status: 'break',
      fromStatus: 'available',
      byName: 'Agus Prasetyo',
      reason: 'Antrean sepi, istirahat lebih awal',
    });
    // A resend returns the first result and changes nothing more.
    expect(await lead1.sendOk('agent:force-status', payload)).toEqual(view);
    const { change } = await read<{ change: unknown }>('/api/desk/status-change', 'agent1');
    expect(change).toMatchObject({ byName: 'Agus Prasetyo', status: 'break' });
    const audit = await server!.app.store.db
      .selectFrom('agent_status_changes')
      .selectAll()
      .where('agent_id', '=', id('agent1'))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ changed_by: id('lead1'), from_presence: 'available' });

    // The agent choosing a status again: the desk no longer shows the lead's change.
    await agent1.sendOk('agent:set-status', { status: 'available' });
    expect((await read<{ change: unknown }>('/api/desk/status-change', 'agent1')).change).toBe(
      null,
    );

    // Not responding raises an alert to the team's lead; lifting it clears the alert.
    await server!.app.store.db
      .updateTable('agent_states')
      .set({ presence: 'not_responding', presence_since: Date.now(), missed_offers: 3 })
      .where('user_id', '=', id('agent1'))
      .execute();
    await server!.app.services.teamLead.alerts.requestScan();
    const raised = await lead1.next(
      'alert:changed',
      (a) => a.kind === 'agent_not_responding' && a.clearedAt === null,
    );
    expect(raised).toMatchObject({ subjectId: id('agent1'), teamId: 'team-layanan-1' });
    await lead1.sendOk('agent:force-status', {
      commandId: randomUUID(),
      agentId: id('agent1'),
      status: 'available',
      reason: 'Sudah kembali di meja',
    });
    const cleared = await lead1.next(
      'alert:changed',
      (a) => a.id === raised.id && a.clearedAt !== null,
    );
    expect(cleared.clearedAt).not.toBeNull();
    const after = await server!.app.store.db
      .selectFrom('agent_states')
      .select(['presence', 'missed_offers'])
      .where('user_id', '=', id('agent1'))
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ presence: 'available', missed_offers: 0 });
  });

  it('raises a queue alert once per condition, to its team only; acknowledgement is durable', async () => {
    await start();
    const [lead1, lead2] = await Promise.all([connect('lead1'), connect('lead2')]);
    // Nobody available: contacts wait. Over zero waiting is over the threshold.
    const refused = await sendJson(
      url('/api/lead/queues/q-bansos-digital/alert-threshold'),
      'PUT',
      { maxWaiting: 0, maxWaitMs: null },
      cookies.lead2,
    );
    expect(refused.status).toBe(403);
    const set = await sendJson(
      url('/api/lead/queues/q-bansos-digital/alert-threshold'),
      'PUT',
      { maxWaiting: 0, maxWaitMs: null },
      cookies.lead1,
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ maxWaiting: 0, updatedByName: 'Agus Prasetyo' });
    const bad = await sendJson(
      url('/api/lead/queues/q-bansos-digital/alert-threshold'),
      'PUT',
      { maxWaiting: -1, maxWaitMs: 5 },
      cookies.lead1,
    );
    expect(bad.status).toBe(400);

    await postInbound(server!.url, inboundContact({ topic: 'bansos' }));
    const alert = await lead1.next(
      'alert:changed',
      (a) => a.kind === 'queue_over_threshold' && a.subjectId === 'q-bansos-digital',
    );
    expect(alert).toMatchObject({
      teamId: 'team-layanan-1',
      detail: { waiting: 1, maxWaiting: 0 },
    });

    // More contacts and many scans at once: still one open alert for the condition.
    await postInbound(server!.url, inboundContact({ topic: 'bansos' }));
    await Promise.all(
      Array.from({ length: 5 }, () => server!.app.services.teamLead.alerts.requestScan()),
    );
    const rows = await server!.app.store.db
      .selectFrom('lead_alerts')
      .select('id')
      .where('condition_key', '=', 'queue:q-bansos-digital:team-layanan-1')
      .execute();
    expect(rows).toHaveLength(1);
    await sleep(200);
    expect(lead2.has('alert:changed')).toBe(false);
    expect((await read<LeadAlertList>('/api/lead/alerts', 'lead2')).alerts).toEqual([]);

    // lead2 may not acknowledge it; an agent may not either.
    expect(
      await lead2.send('alert:acknowledge', { commandId: randomUUID(), alertId: alert.id }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const agent1 = await connect('agent1');
    expect(
      await agent1.send('alert:acknowledge', { commandId: randomUUID(), alertId: alert.id }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const acknowledged = await lead1.sendOk('alert:acknowledge', {
      commandId: randomUUID(),
      alertId: alert.id,
    });
    expect(acknowledged).toMatchObject({ acknowledgedByName: 'Agus Prasetyo' });
    const again = await lead1.sendOk('alert:acknowledge', {
      commandId: randomUUID(),
      alertId: alert.id,
    });
    expect(again.acknowledgedAt).toBe(acknowledged.acknowledgedAt);

    // After a reconnect the list still shows it acknowledged, by whom.
    lead1.close();
    await connect('lead1');
    const listed = (await read<LeadAlertList>('/api/lead/alerts', 'lead1')).alerts.find(
      (a) => a.id === alert.id,
    );
    expect(listed).toMatchObject({
      acknowledgedByName: 'Agus Prasetyo',
      acknowledgedAt: acknowledged.acknowledgedAt,
    });
  });

  it('warns the owner team of a follow-up about to breach, on the wallboard and as an alert', async () => {
    await start();
    const [agent1, lead1, lead2] = await Promise.all([
      connect('agent1'),
      connect('lead1'),
      connect('lead2'),
    ]);
    const created = await agent1.sendOk('case:create', {
      commandId: randomUUID(),
      type: 'personal_data_request',
      subject: 'Akses data pribadi',
      requester: { name: 'Siti Rahayu' },
      details: { right: 'access', description: 'Salinan data yang diproses' },
    });
    // The case scan reached the 80 % warning on its clock.
    await server!.app.store.db
      .updateTable('case_clocks')
      .set({ warned_level: 80 })
      .where('case_id', '=', created.case.id)
      .execute();
    await server!.app.services.teamLead.alerts.requestScan();
    const alert = await lead1.next('alert:changed', (a) => a.kind === 'deadline_near_breach');
    expect(alert).toMatchObject({
      subjectId: created.case.id,
      subjectName: 'Rina Wulandari',
      teamId: 'team-layanan-1',
      detail: { reference: created.case.reference },
    });
    const near1 = (await read<LeadOverview>('/api/lead/overview', 'lead1')).nearingBreach;
    expect(near1.map((n) => n.reference)).toEqual([created.case.reference]);
    expect((await read<LeadOverview>('/api/lead/overview', 'lead2')).nearingBreach).toEqual([]);
    await sleep(200);
    expect(lead2.has('alert:changed')).toBe(false);
  });

  it('escalates from the desk to the own lead at once; the lead answers and joins', async () => {
    await start();
    const [agent1, lead1, lead2] = await Promise.all([
      connect('agent1'),
      connect('lead1'),
      connect('lead2'),
    ]);
    const contactId = await holding(agent1, 'bansos');
    const agent3 = await connect('agent3');
    expect(
      await agent3.send('escalation:raise', {
        commandId: randomUUID(),
        text: 'Bukan percakapan saya',
        contactId,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'contactId' }] },
    });
    expect(
      await lead1.send('escalation:raise', { commandId: randomUUID(), text: 'x', contactId: null }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const raised = await agent1.sendOk('escalation:raise', {
      commandId: randomUUID(),
      text: 'Penelepon mengancam akan melapor ke media',
      contactId,
    });
    expect(raised).toMatchObject({ status: 'open', teamId: 'team-layanan-1', contactId });
    const seen = await lead1.next('escalation:changed', (e) => e.id === raised.id);
    expect(seen.agentName).toBe('Rina Wulandari');
    await sleep(200);
    expect(lead2.has('escalation:changed')).toBe(false);
    expect((await read<EscalationList>('/api/lead/escalations', 'lead2')).escalations).toEqual([]);

    expect(
      await lead2.send('escalation:answer', {
        commandId: randomUUID(),
        escalationId: raised.id,
        text: 'Saya ambil alih',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await lead1.sendOk('escalation:answer', {
      commandId: randomUUID(),
      escalationId: raised.id,
      text: 'Tawarkan jalur pengaduan resmi; saya pantau.',
    });
    const answered = await agent1.next(
      'escalation:changed',
      (e) => e.id === raised.id && e.status === 'answered',
    );
    expect(answered).toMatchObject({
      answer: 'Tawarkan jalur pengaduan resmi; saya pantau.',
      handledByName: 'Agus Prasetyo',
    });
    const joined = await lead1.sendOk('escalation:join', {
      commandId: randomUUID(),
      escalationId: raised.id,
    });
    expect(joined.status).toBe('joined');
    const snapshot = await lead1.sendOk('monitor:start', { agentId: id('agent1') });
    expect(snapshot.conversations.map((c) => c.contact.id)).toContain(contactId);

    // The agent closes it; closing again is a conflict; agent2 may not close it.
    const agent2 = await connect('agent2');
    expect(
      await agent2.send('escalation:close', { commandId: randomUUID(), escalationId: raised.id }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await agent1.sendOk('escalation:close', { commandId: randomUUID(), escalationId: raised.id });
    expect(
      await lead1.send('escalation:close', { commandId: randomUUID(), escalationId: raised.id }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const mine = await read<EscalationList>('/api/desk/escalations', 'agent1');
    expect(mine.escalations[0]).toMatchObject({ id: raised.id, status: 'closed' });
  });

  it('announces to a team: banner for its agents only, acknowledgement durable, readers for the lead', async () => {
    await start();
    const [firstAgent1, agent3, lead1, lead2, admin] = await Promise.all([
      connect('agent1'),
      connect('agent3'),
      connect('lead1'),
      connect('lead2'),
      connect('admin'),
    ]);
    let agent1 = firstAgent1;
    expect(
      await lead2.send('announcement:publish', {
        commandId: randomUUID(),
        teamId: 'team-layanan-1',
        text: 'Bukan tim saya',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden', fields: [{ path: 'teamId' }] } });
    expect(
      await lead1.send('announcement:publish', {
        commandId: randomUUID(),
        teamId: null,
        text: 'Ke semua tim',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await agent1.send('announcement:publish', {
        commandId: randomUUID(),
        teamId: 'team-layanan-1',
        text: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const announcement = await lead1.sendOk('announcement:publish', {
      commandId: randomUUID(),
      teamId: 'team-layanan-1',
      text: 'Mulai pukul 13.00 antrean Bansos dibantu dua petugas tambahan.',
    });
    await agent1.next('announcement:published', (a) => a.id === announcement.id);
    await sleep(200);
    expect(agent3.has('announcement:published')).toBe(false);
    expect(lead2.has('announcement:published')).toBe(false);
    expect(
      (await read<{ announcements: unknown[] }>('/api/desk/announcements', 'agent3')).announcements,
    ).toEqual([]);
    expect(
      await agent3.send('announcement:acknowledge', {
        commandId: randomUUID(),
        announcementId: announcement.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      (await read<AnnouncementReadershipList>('/api/lead/announcements', 'lead2')).announcements,
    ).toEqual([]);

    const commandId = randomUUID();
    const acknowledged = await agent1.sendOk('announcement:acknowledge', {
      commandId,
      announcementId: announcement.id,
    });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    const told = await lead1.next(
      'announcement:acknowledged',
      (f) => f.announcementId === announcement.id,
    );
    expect(told).toMatchObject({ agentId: id('agent1'), agentName: 'Rina Wulandari' });
    await admin.next('announcement:acknowledged', (f) => f.announcementId === announcement.id);

    // Durable across a reconnect; a resend answers the first moment.
    agent1.close();
    agent1 = await connect('agent1');
    const mine = await read<{ announcements: { id: string; acknowledgedAt: number | null }[] }>(
      '/api/desk/announcements',
      'agent1',
    );
    expect(mine.announcements.find((a) => a.id === announcement.id)?.acknowledgedAt).toBe(
      acknowledged.acknowledgedAt,
    );
    const readers = (
      await read<AnnouncementReadershipList>('/api/lead/announcements', 'lead1')
    ).announcements.find((a) => a.id === announcement.id)!.readers;
    expect(readers[0]).toMatchObject({
      agentId: id('agent1'),
      acknowledgedAt: acknowledged.acknowledgedAt,
    });
    expect(readers.map((r) => r.agentId)).not.toContain(id('agent3'));
    expect(readers.filter((r) => r.acknowledgedAt === null).map((r) => r.displayName)).toEqual([
      'Budi Santoso',
      'Dewi Lestari',
    ]);

    // An administrator writes to every team: both teams' agents get it.
    const everyone = await admin.sendOk('announcement:publish', {
      commandId: randomUUID(),
      teamId: null,
      text: 'Pemeliharaan sistem pukul 22.00 WIB.',
    });
    await agent3.next('announcement:published', (a) => a.id === everyone.id);
    await agent1.next('announcement:published', (a) => a.id === everyone.id);
  });
});

/** Two nodes on one database, both scanning every second: a condition still raises one alert. */
describe('lead alerts on two nodes sharing one PostgreSQL', () => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;

  afterEach(async () => {
    await second?.stop();
    await first?.destroy();
  });

  it('raises one alert per condition however many scans race', async () => {
    first = await startServer('postgres');
    second = await startServer('postgres', { storageOf: first });
    const db = first.app.store.db;
    await db
      .updateTable('queue_alert_thresholds')
      .set({ max_waiting: 0 })
      .where('queue_id', '=', 'q-adminduk')
      .execute();
    await postInbound(first.url, inboundContact({ topic: 'adminduk' }));
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? first! : second!).app.services.teamLead.alerts.requestScan(),
      ),
    );
    await sleep(1500);
    const rows = await db
      .selectFrom('lead_alerts')
      .select(['id', 'cleared_at'])
      .where('condition_key', '=', 'queue:q-adminduk:team-layanan-1')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cleared_at).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  Campaign,
  Policy,
  PolicyDigestList,
  PolicyList,
  PolicyPromptList,
  PolicyReport,
} from '../../shared/schemas/policy';
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

const DAY = 86_400_000;
const PKH = 'pol-pkh-2026';
const PBI = 'pol-jkn-pbi-2026';

describe.each(STORAGE_MODES)('policies, campaigns and feedback on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  const url = (path: string) => `${server.url}${path}`;

  async function serve(agent: TestClient, overrides = {}) {
    const created = await postInbound(server.url, inboundContact(overrides));
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    return agent.sendOk('offer:accept', { offerId: offer.id });
  }

  async function prompts(contactId: string, cookie: string) {
    const { status, body } = await getJson(
      url(`/api/contacts/${contactId}/policy-prompts`),
      cookie,
    );
    expect(status).toBe(200);
    return (body as PolicyPromptList).prompts;
  }

  async function report(policyId: string, cookie: string, query = '') {
    const { status, body } = await getJson(url(`/api/policies/${policyId}/report${query}`), cookie);
    expect(status).toBe(200);
    return body as PolicyReport;
  }

  it('prompts matching campaigns in a conversation, tracks shares and records feedback with the outcome, once', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    const agentCookie = await signIn(server.url, 'agent1');
    const leadCookie = await signIn(server.url, 'lead1');
    await agent.sendOk('agent:set-status', { status: 'available' });

    // A bansos chat from the public: the PKH campaign (topic bansos) prompts, the others do not.
    const held = await serve(agent, { topic: 'bansos', channel: 'whatsapp', segment: 'media' });
    const contactId = held.contact.id;
    const [prompt, ...others] = await prompts(contactId, agentCookie);
    expect(others).toEqual([]);
    expect(prompt).toMatchObject({ policyId: PKH, campaignId: 'camp-pkh-dtsen', mark: null });

    // Another agent may not read or mark this conversation's prompts.
    const other = await getJson(
      url(`/api/contacts/${contactId}/policy-prompts`),
      await signIn(server.url, 'agent2'),
    );
    expect(other.status).toBe(403);

    // Not shared needs a reason; "other" needs words.
    const noNote = await agent.send('policy:mark-shared', {
      commandId: randomUUID(),
      contactId,
      campaignId: 'camp-pkh-dtsen',
      mark: { isShared: false, reason: 'other', note: null },
    });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (noNote.ok) throw new Error('expected a refusal');
    expect(noNote.error.fields?.[0]?.path).toBe('mark.note');

    // A campaign that does not apply to this conversation cannot be marked.
    const wrong = await agent.send('policy:mark-shared', {
      commandId: randomUUID(),
      contactId,
      campaignId: 'camp-jkn-pbi',
      mark: { isShared: true, method: 'told' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const notShared = await agent.sendOk('policy:mark-shared', {
      commandId: randomUUID(),
      contactId,
      campaignId: 'camp-pkh-dtsen',
      mark: { isShared: false, reason: 'no_time', note: null },
    });
    expect(notShared.mark).toMatchObject({ isShared: false, reason: 'no_time' });
    // Then appended to the reply after all: the latest mark counts, and a resend acts once.
    const commandId = randomUUID();
    const mark = {
      commandId,
      contactId,
      campaignId: 'camp-pkh-dtsen',
      mark: { isShared: true as const, method: 'appended' as const },
    };
    const shared = await agent.sendOk('policy:mark-shared', mark);
    const again = await agent.sendOk('policy:mark-shared', mark);
    expect(again).toEqual(shared);
    expect(shared.mark).toMatchObject({ isShared: true, method: 'appended' });
    await lead.next('policy:activity', (f) => f.policyIds.includes(PKH));
    expect((await prompts(contactId, agentCookie))[0]?.mark).toMatchObject({ isShared: true });

    // Feedback: a draft or unknown policy is refused, naming the entry, and nothing is written.
    const draft = await sendJson(
      url('/api/policies'),
      'POST',
      {
        title: 'Draf kebijakan',
        plainSummary: 'Belum diterbitkan untuk siapa pun.',
        effectiveFrom: Date.now(),
        unitId: 'pusat-kontak',
      },
      await signIn(server.url, 'admin'),
    );
    expect(draft.status).toBe(200);
    const base = { contactId, wrapupCode: 'answered', notes: 'PKH dijelaskan.' };
    const refused = await agent.send('outcome:log', {
      ...base,
      commandId: randomUUID(),
      policyFeedback: [
        { policyId: PKH, understanding: 'partly' },
        { policyId: String(draft.body.id), understanding: 'understood' },
        { policyId: 'tidak-ada', understanding: 'understood' },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.fields?.map((f) => f.path)).toEqual([
      'policyFeedback.1.policyId',
      'policyFeedback.2.policyId',
    ]);
    const twice = await agent.send('outcome:log', {
      ...base,
      commandId: randomUUID(),
      policyFeedback: [
        { policyId: PKH, understanding: 'partly' },
        { policyId: PKH, understanding: 'confused' },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });

    const outcome = {
      ...base,
      commandId: randomUUID(),
      policyFeedback: [
        {
          policyId: PKH,
          understanding: 'confused' as const,
          question: 'Kapan PKH tahap 2 cair? NIK saya 7371012345670001',
        },
        { policyId: PBI, understanding: 'understood' as const },
      ],
    };
    await agent.sendOk('outcome:log', outcome);
    await agent.sendOk('outcome:log', outcome);
    const rows = await server.app.store.db
      .selectFrom('policy_feedback')
      .selectAll()
      .orderBy('policy_id')
      .execute();
    expect(rows.map((r) => [r.policy_id, r.understanding, r.question, r.tag])).toEqual([
      [PBI, 'understood', null, null],
      // Masked before it is stored; tagged from its words.
      [PKH, 'confused', 'Kapan PKH tahap 2 cair? NIK saya ***', 'payment'],
    ]);
    expect(rows.every((r) => r.segment === 'media' && r.channel === 'whatsapp')).toBe(true);

    // The report, live: one contact, shared once, one confused, the question masked.
    const pkh = await report(PKH, leadCookie, '?unit=week');
    expect(pkh.totals).toEqual({
      contacts: 1,
      shared: 1,
      notShared: 0,
      feedback: 1,
      understanding: { understood: 0, partly: 0, confused: 1, disagrees: 0 },
      understoodRate: 0,
    });
    expect(pkh.bySegment).toMatchObject([{ segment: 'media', contacts: 1 }]);
    expect(pkh.byChannel).toMatchObject([{ channel: 'whatsapp', shared: 1 }]);
    expect(pkh.questionGroups).toMatchObject([
      { text: 'Kapan PKH tahap 2 cair? NIK saya ***', count: 1, tag: 'payment' },
    ]);
    expect(pkh.questionTags).toEqual([{ tag: 'payment', count: 1 }]);

    // The CSV says the same, spreadsheet-safe.
    const csv = await fetch(url(`/api/policies/${PKH}/report/csv`), {
      headers: { cookie: leadCookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('total,,1,1,0,1,0,0,1,0,0.000');
    expect(text).toContain('Kapan PKH tahap 2 cair? NIK saya ***,1,payment');
    expect(text).not.toContain('7371012345670001');

    // After the contact closed, marks are refused.
    const closed = await agent.send('policy:mark-shared', {
      commandId: randomUUID(),
      contactId,
      campaignId: 'camp-pkh-dtsen',
      mark: { isShared: true, method: 'appended' },
    });
    expect(closed).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lets administrators write the catalog and campaigns, leads read, unit staff read their own', async () => {
    server = await startServer(mode);
    const admin = await signIn(server.url, 'admin');
    const lead = await signIn(server.url, 'lead1');
    const unit = await signIn(server.url, 'unit-sulsel');
    const agent = await signIn(server.url, 'agent1');

    const body = {
      title: 'Subsidi listrik 2026',
      plainSummary: 'Diskon listrik untuk pelanggan 450 VA dan 900 VA bersubsidi.',
      effectiveFrom: Date.now(),
      unitId: 'kanwil-sulsel',
      answerIds: ['kb-pkh-apa', 'kb-tidak-ada'],
      internalNote: 'Angka menunggu konfirmasi.',
    };
    const bad = await sendJson(url('/api/policies'), 'POST', body, admin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.answerIds.1');
    expect((await sendJson(url('/api/policies'), 'POST', body, lead)).status).toBe(403);
    const created = await sendJson(
      url('/api/policies'),
      'POST',
      { ...body, answerIds: ['kb-pkh-apa'] },
      admin,
    );
    expect(created.status).toBe(200);
    const policy = created.body as unknown as Policy;
    expect(policy).toMatchObject({ status: 'draft', unitName: 'Kantor Wilayah Sulawesi Selatan' });

    // A campaign for a draft policy prompts nobody until the policy is published.
    const campaign = await sendJson(
      url('/api/campaigns'),
      'POST',
      {
        policyId: policy.id,
        message: 'Diskon listrik 2026 untuk pelanggan bersubsidi.',
        topics: ['umum', 'tidak-ada'],
        startsAt: Date.now() - DAY,
      },
      admin,
    );
    expect(campaign.status).toBe(400);
    expect(JSON.stringify(campaign.body)).toContain('body.topics.1');
    const ok = await sendJson(
      url('/api/campaigns'),
      'POST',
      {
        policyId: policy.id,
        message: 'Diskon listrik 2026 untuk pelanggan bersubsidi.',
        channels: ['sms'],
        startsAt: Date.now() - DAY,
        endsAt: Date.now() + DAY,
      },
      admin,
    );
    expect(ok.status).toBe(200);
    const stopped = await sendJson(
      url(`/api/campaigns/${(ok.body as unknown as Campaign).id}/stop`),
      'POST',
      {},
      admin,
    );
    expect((stopped.body as unknown as Campaign).stoppedAt).not.toBeNull();
    expect(
      (await sendJson(url(`/api/policies/${policy.id}/retire`), 'POST', {}, admin)).status,
    ).toBe(409);
    expect(
      (await sendJson(url(`/api/policies/${policy.id}/publish`), 'POST', {}, admin)).status,
    ).toBe(200);

    // Leads read all; unit staff of Sulawesi Selatan read their unit's only; agents see the
    // published ones without internal notes, and no reports.
    const all = (await getJson(url('/api/policies'), lead)).body as PolicyList;
    expect(all.policies.map((p) => p.id)).toContain(PKH);
    const own = (await getJson(url('/api/policies'), unit)).body as PolicyList;
    expect(own.policies.map((p) => p.id).sort()).toEqual([PBI, policy.id].sort());
    expect((await getJson(url(`/api/policies/${PKH}/report`), unit)).status).toBe(403);
    expect((await getJson(url(`/api/policies/${PBI}/report`), unit)).status).toBe(200);
    const seen = (await getJson(url('/api/policies'), agent)).body as PolicyList;
    expect(seen.policies.every((p) => p.status === 'published' && p.internalNote === null)).toBe(
      true,
    );
    expect((await getJson(url(`/api/policies/${PKH}/report`), agent)).status).toBe(403);
  });

  it('generates each unit’s weekly digest once, however many nodes ask at once', async () => {
    server = await startServer(mode);
    const { db } = server.app.store;
    // Feedback from last week for PBI (owned by Sulawesi Selatan).
    const contact = await postInbound(server.url, inboundContact({ topic: 'kesehatan' }));
    const lastWeek = Date.now() - 7 * DAY;
    const outcomeAgent = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'agent1')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('outcomes')
      .values({
        id: 'o-digest',
        contact_id: String(contact.body.contactId),
        agent_id: outcomeAgent.id,
        wrapup_code: 'answered',
        notes: '',
        created_at: lastWeek,
        script_id: null,
        script_version: null,
        script_path: null,
      })
      .execute();
    await db
      .insertInto('policy_feedback')
      .values({
        id: 'f-digest',
        outcome_id: 'o-digest',
        contact_id: String(contact.body.contactId),
        policy_id: PBI,
        agent_id: outcomeAgent.id,
        understanding: 'confused',
        question: 'Kartu PBI saya nonaktif, bagaimana?',
        tag: 'status',
        segment: 'public',
        channel: 'whatsapp',
        at: lastWeek,
      })
      .execute();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => server.app.services.policyReports.generateDueDigests()),
    );
    // One digest per unit that owns a published policy (pusat-kontak and kanwil-sulsel).
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await server.app.services.policyReports.generateDueDigests()).toBe(0);
    const unit = await signIn(server.url, 'unit-sulsel');
    const { body } = await getJson(url('/api/policy-digests'), unit);
    const digests = (body as PolicyDigestList).digests;
    expect(digests).toHaveLength(1);
    expect(digests[0]?.policies[0]).toMatchObject({
      policyId: PBI,
      totals: { feedback: 1, understanding: { confused: 1 } },
      topQuestions: [{ text: 'Kartu PBI saya nonaktif, bagaimana?', count: 1 }],
    });
    const csv = await fetch(url(`/api/policy-digests/${digests[0]!.id}/csv`), {
      headers: { cookie: unit },
    });
    expect(await csv.text()).toContain('Kartu PBI saya nonaktif');
  });
});

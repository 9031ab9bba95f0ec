import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../shared/domain/zoned-time';
import type { CommandPayload } from '../../shared/protocol/events';
import type { CallbackList } from '../../shared/schemas/business-hours';
import type { CaseSummary } from '../../shared/schemas/case';

type CaseList = { cases: CaseSummary[] };
import type { StorageMode, TestClient, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  getJson,
  inboundContact,
  postInbound,
  signIn,
  sleep,
  startServer,
} from './harness';

type CreateCase = CommandPayload<'case:create'>;

function personalDataRequest(subject: string): CreateCase {
  return {
    commandId: randomUUID(),
    type: 'personal_data_request',
    subject,
    requester: { name: 'Siti Rahayu', contact: '081234567890' },
    details: { right: 'access', description: 'Salinan data yang diproses' },
  } as CreateCase;
}

function informationRequest(subject: string): CreateCase {
  return {
    commandId: randomUUID(),
    type: 'information_request',
    subject,
    requester: { name: 'Budi Santoso', contact: '081298765432' },
    details: {
      informationRequested: 'Daftar sekolah penerima BOS 2025',
      purpose: 'Pengawasan warga',
      obtainMode: 'copy',
      deliveryMode: 'email',
    },
  } as CreateCase;
}

/**
 * Follow-ups (cases) and callback requests keep the team boundary, on the demo organisation: Tim
 * Layanan 1 (lead1; agent1, agent2) serves every queue but education; Tim Layanan 2 (lead2;
 * agent3, agent4) serves education (q-pendidikan). A case is its owner's team's.
 */
describe.each(STORAGE_MODES)('follow-up and callback scope on %s', (mode: StorageMode) => {
  let server: TestServer | undefined;
  const { connect } = clientsPerTest(() => server);

  function url(path: string): string {
    return `${server!.url}${path}`;
  }

  async function cookiesOf(...users: string[]): Promise<Record<string, string>> {
    const entries = await Promise.all(
      users.map(async (user) => [user, await signIn(server!.url, user)] as const),
    );
    return Object.fromEntries(entries);
  }

  async function caseIdsOnBoard(cookie: string, scope: 'all' | 'mine'): Promise<string[]> {
    const { status, body } = await getJson(url(`/api/cases?scope=${scope}`), cookie);
    expect(status).toBe(200);
    return (body as CaseList).cases.map((summary) => summary.id);
  }

  async function caseState(caseId: string) {
    const db = server!.app.store.db;
    const [row, audit, links] = await Promise.all([
      db
        .selectFrom('cases')
        .select(['status', 'version'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow(),
      db.selectFrom('audit_log').select('seq').where('case_id', '=', caseId).execute(),
      db.selectFrom('case_contacts').select('contact_id').where('case_id', '=', caseId).execute(),
    ]);
    return { ...row, auditRows: audit.length, links: links.length };
  }

  it("a lead lists, opens, changes and exports their own team's follow-ups only; live facts follow", async () => {
    server = await startServer(mode);
    const [agent1, agent3, lead1, lead2, admin] = await Promise.all([
      connect('agent1'),
      connect('agent3'),
      connect('lead1'),
      connect('lead2'),
      connect('admin'),
    ]);
    const cookies = await cookiesOf('lead1', 'lead2', 'admin');
    const ofTeam1 = (await agent1.sendOk('case:create', personalDataRequest('Akses data KTP')))
      .case;
    const ofTeam2 = (await agent3.sendOk('case:create', informationRequest('Data sekolah BOS')))
      .case;

    // Live: each lead hears of their own team's case, the administrator of both.
    await lead1.next('case:changed', (c) => c.id === ofTeam1.id);
    await lead2.next('case:changed', (c) => c.id === ofTeam2.id);
    await admin.next('case:changed', (c) => c.id === ofTeam1.id);
    await admin.next('case:changed', (c) => c.id === ofTeam2.id);

    // The "all" board: a lead's team's cases; an administrator's: every case.
    expect(await caseIdsOnBoard(cookies.lead1!, 'all')).toEqual([ofTeam1.id]);
    expect(await caseIdsOnBoard(cookies.lead2!, 'all')).toEqual([ofTeam2.id]);
    expect((await caseIdsOnBoard(cookies.admin!, 'all')).sort()).toEqual(
      [ofTeam1.id, ofTeam2.id].sort(),
    );

    // Another team's case is not opened, and its personal-data view is not audited either.
    const before = await caseState(ofTeam1.id);
    expect((await getJson(url(`/api/cases/${ofTeam1.id}`), cookies.lead2)).status).toBe(403);
    expect((await getJson(url(`/api/cases/${ofTeam2.id}`), cookies.lead2)).status).toBe(200);
    expect((await getJson(url(`/api/cases/${ofTeam1.id}`), cookies.lead1)).status).toBe(200);
    expect((await getJson(url(`/api/cases/${ofTeam1.id}`), cookies.admin)).status).toBe(200);

    // Nor changed, paused or linked to: refused, and nothing is written.
    const contact = (
      await postInbound(
        server.url,
        inboundContact({ topic: 'pendidikan', from: '081355550000', text: 'Soal data saya' }),
      )
    ).body.contactId as string;
    const refusals = await Promise.all([
      lead2.send('case:transition', {
        commandId: randomUUID(),
        caseId: ofTeam1.id,
        to: 'identity_verified',
      } as CommandPayload<'case:transition'>),
      lead2.send('case:pause', {
        commandId: randomUUID(),
        caseId: ofTeam1.id,
        clock: 'fulfilment',
        reason: 'Menunggu dokumen',
      } as CommandPayload<'case:pause'>),
      lead2.send('case:link-contact', {
        caseId: ofTeam1.id,
        contactId: contact,
      }),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const after = await caseState(ofTeam1.id);
    // lead1's and the admin's views above were audited (personal data); lead2's was not.
    expect(after).toEqual({ ...before, auditRows: before.auditRows + 2 });
    const viewers = await server.app.store.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('case_id', '=', ofTeam1.id)
      .where('action', '=', 'personal_data.viewed')
      .execute();
    const lead2Id = (
      await server.app.store.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'lead2')
        .executeTakeFirstOrThrow()
    ).id;
    expect(viewers.map((v) => v.actor_id)).not.toContain(lead2Id);

    // The owner's lead may link their own team's contact; lead2 their own team's case.
    expect(
      await lead2.send('case:link-contact', {
        caseId: ofTeam2.id,
        contactId: contact,
      }),
    ).toMatchObject({ ok: true });
    await lead2.next('case:changed', (c) => c.id === ofTeam2.id && c.version > ofTeam2.version);

    // A change by the owner reaches the owner's lead and the administrator, not the other lead.
    const moved = await agent1.sendOk('case:transition', {
      commandId: randomUUID(),
      caseId: ofTeam1.id,
      to: 'identity_verified',
    } as CommandPayload<'case:transition'>);
    await lead1.next(
      'case:changed',
      (c) => c.id === ofTeam1.id && c.version === moved.case.version,
    );
    await admin.next(
      'case:changed',
      (c) => c.id === ofTeam1.id && c.version === moved.case.version,
    );

    // Cases of a contact: the lead sees their team's only.
    const linked = async (cookie: string) =>
      ((await getJson(url(`/api/contacts/${contact}/cases`), cookie)).body as CaseList).cases.map(
        (summary) => summary.id,
      );
    expect(await linked(cookies.lead1!)).toEqual([]);
    expect(await linked(cookies.lead2!)).toEqual([ofTeam2.id]);
    expect(await linked(cookies.admin!)).toEqual([ofTeam2.id]);

    // The register: each lead exports their team's rows; the administrator every row.
    const register = async (cookie: string) => {
      const response = await fetch(url('/api/cases/register.csv'), { headers: { cookie } });
      expect(response.status).toBe(200);
      return response.text();
    };
    const [register1, register2, registerAll] = await Promise.all([
      register(cookies.lead1!),
      register(cookies.lead2!),
      register(cookies.admin!),
    ]);
    expect(register1).toContain(ofTeam1.reference);
    expect(register1).not.toContain(ofTeam2.reference);
    expect(register2).toContain(ofTeam2.reference);
    expect(register2).not.toContain(ofTeam1.reference);
    expect(registerAll).toContain(ofTeam1.reference);
    expect(registerAll).toContain(ofTeam2.reference);

    await sleep(300);
    expect(lead2.has('case:changed', (c) => c.id === ofTeam1.id)).toBe(false);
    expect(lead1.has('case:changed', (c) => c.id === ofTeam2.id)).toBe(false);
  });

  it('warnings, escalations and bounced hand-offs go to the owner team’s lead and the administrators', async () => {
    server = await startServer(mode, {
      env: {
        // A bounce in 600 ms; escalation to the lead, then to the head of a unit without one.
        HANDOFF_ACK_MINUTES: '0.01',
        CASE_ESCALATION_CHAIN: 'lead,unit_head',
        CASE_ESCALATION_STEP_MINUTES: '0.005',
        CASE_SCAN_MS: '100',
      },
    });
    const [agent1, agent3, lead1, lead2, admin] = await Promise.all([
      connect('agent1'),
      connect('agent3'),
      connect('lead1'),
      connect('lead2'),
      connect('admin'),
    ]);
    const ofTeam1 = (await agent1.sendOk('case:create', informationRequest('Data bansos'))).case;
    const ofTeam2 = (await agent3.sendOk('case:create', informationRequest('Data sekolah'))).case;

    await agent1.sendOk('case:hand-off', {
      commandId: randomUUID(),
      caseId: ofTeam1.id,
      unitId: 'kanwil-sulsel',
      note: 'Mohon ditangani.',
    });
    await agent1.next('case:hand-off-bounced', (b) => b.caseId === ofTeam1.id, 10_000);
    await lead1.next('case:hand-off-bounced', (b) => b.caseId === ofTeam1.id);
    await admin.next('case:hand-off-bounced', (b) => b.caseId === ofTeam1.id);

    for (const caseId of [ofTeam1.id, ofTeam2.id]) await breach(caseId);
    const warnedAndEscalated = async (client: TestClient, caseId: string) => {
      await client.next('case:warned', (w) => w.caseId === caseId && w.level === 80, 10_000);
      await client.next('case:escalated', (e) => e.caseId === caseId && e.target === 'lead');
      // The unit has no head: the link falls to the case's leads, not to nobody.
      await client.next('case:escalated', (e) => e.caseId === caseId && e.target === 'unit_head');
    };
    await Promise.all([
      warnedAndEscalated(lead1, ofTeam1.id),
      warnedAndEscalated(admin, ofTeam1.id),
      warnedAndEscalated(lead2, ofTeam2.id),
      warnedAndEscalated(admin, ofTeam2.id),
    ]);
    await sleep(400);
    for (const [lead, foreign] of [
      [lead2, ofTeam1.id],
      [lead1, ofTeam2.id],
    ] as const) {
      expect(lead.has('case:warned', (w) => w.caseId === foreign)).toBe(false);
      expect(lead.has('case:escalated', (e) => e.caseId === foreign)).toBe(false);
      expect(lead.has('case:changed', (c) => c.id === foreign)).toBe(false);
      expect(lead.has('case:hand-off-bounced', (b) => b.caseId === foreign)).toBe(false);
    }
  });

  /** Puts every running clock of the case past its legal due; the scanner does the rest. */
  async function breach(caseId: string): Promise<void> {
    const now = Date.now();
    await server!.app.store.db
      .updateTable('case_clocks')
      .set({
        starts_at: now - 10 * 3_600_000,
        legal_due_at: now - 1,
        internal_due_at: now - 1,
        next_warning_at: now,
      })
      .where('case_id', '=', caseId)
      .where('status', '=', 'running')
      .execute();
  }

  it("a lead or an agent sees and completes the callbacks of their team's queues; admins all", async () => {
    // Sunday 27 December 2026, 10:00 WIB: closed under office hours.
    const sunday = parseIsoInstant('2026-12-27T10:00:00+07:00')!;
    const offset = sunday - Date.now();
    server = await startServer(mode, { clock: { now: () => Date.now() + offset } });
    const cookies = await cookiesOf('agent1', 'agent3', 'lead1', 'lead2', 'admin', 'trainer1');
    const day = [{ from: '08:00', to: '16:00' }];
    for (const queueId of ['q-adminduk', 'q-pendidikan']) {
      const response = await fetch(url(`/api/queues/${queueId}/hours`), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: cookies.admin! },
        body: JSON.stringify({
          timeZone: 'Asia/Jakarta',
          isAlwaysOpen: false,
          weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
          isClosedOnHolidays: true,
          isClosedOnCollectiveLeave: false,
          afterHours: { action: 'callback', message: 'Kami akan menelepon Anda {opensAt}.' },
        }),
      });
      expect(response.status).toBe(200);
    }
    for (const [topic, from] of [
      ['adminduk', '081311112222'],
      ['pendidikan', '081322223333'],
    ] as const) {
      const posted = await postInbound(
        server.url,
        inboundContact({ channel: 'voice', text: '', topic, from }),
      );
      expect(posted.body.afterHours).toMatchObject({ action: 'callback' });
    }
    const listed = async (user: string) => {
      const { status, body } = await getJson(url('/api/callbacks'), cookies[user]);
      expect(status, user).toBe(200);
      return (body as CallbackList).callbacks.map((c) => c.queueId).sort();
    };
    expect(await listed('lead1')).toEqual(['q-adminduk']);
    expect(await listed('agent1')).toEqual(['q-adminduk']);
    expect(await listed('lead2')).toEqual(['q-pendidikan']);
    expect(await listed('agent3')).toEqual(['q-pendidikan']);
    expect(await listed('admin')).toEqual(['q-adminduk', 'q-pendidikan']);
    expect((await getJson(url('/api/callbacks'), cookies.trainer1)).status).toBe(403);

    const rows = await server.app.store.db
      .selectFrom('callback_requests')
      .select(['id', 'queue_id'])
      .execute();
    const idOf = (queueId: string) => rows.find((row) => row.queue_id === queueId)!.id;
    const complete = (id: string, user: string) =>
      fetch(url(`/api/callbacks/${id}/done`), {
        method: 'POST',
        headers: { cookie: cookies[user]! },
      });
    // Another team's callback: refused, still open.
    expect((await complete(idOf('q-adminduk'), 'lead2')).status).toBe(403);
    expect((await complete(idOf('q-adminduk'), 'agent3')).status).toBe(403);
    expect((await complete(idOf('q-pendidikan'), 'lead1')).status).toBe(403);
    const stillOpen = await server.app.store.db
      .selectFrom('callback_requests')
      .select(['status', 'done_by'])
      .execute();
    expect(stillOpen).toEqual([
      { status: 'open', done_by: null },
      { status: 'open', done_by: null },
    ]);
    // Their own: done.
    expect((await complete(idOf('q-adminduk'), 'lead1')).status).toBe(200);
    expect((await complete(idOf('q-pendidikan'), 'lead2')).status).toBe(200);
    expect(await listed('admin')).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CommandPayload } from '../../shared/protocol/events';
import { openStore } from '../../server/store/database';
import type { Database } from '../../server/store/schema';
import type { TestClient, StorageMode, TestServer } from './harness';
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

function informationRequest(overrides: Partial<CreateCase> = {}): CreateCase {
  return {
    commandId: randomUUID(),
    type: 'information_request',
    subject: 'Data penyaluran PKH Kabupaten Bogor 2025',
    requester: { name: 'Siti Rahayu', contact: '081234567890', identityLast4: '1234' },
    details: {
      informationRequested: 'Jumlah penerima PKH per kecamatan di Kabupaten Bogor tahun 2025',
      purpose: 'Penelitian skripsi',
      obtainMode: 'copy',
      deliveryMode: 'email',
    },
    ...overrides,
  } as CreateCase;
}

describe.each(STORAGE_MODES)('cases on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  async function start(env: Record<string, string> = {}) {
    // A fast scan only where a test waits for the scanner (warnings, bounces): less load elsewhere.
    server = await startServer(mode, { env });
    return server;
  }

  /** agent1 holds a fresh contact. */
  async function holding(agent: TestClient) {
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact());
    // Generous: the whole suite shares two cores with other work, and routing is not under test.
    const offer = await agent.next(
      'offer:created',
      (o) => o.contact.id === created.body.contactId,
      15_000,
    );
    return agent.sendOk('offer:accept', { offerId: offer.id });
  }

  it('an agent opens an information request from the contact they hold: reference at once, linked, clocks running', async () => {
    await start();
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    const held = await holding(agent);
    const detail = await agent.sendOk(
      'case:create',
      informationRequest({ contactId: held.contact.id }),
    );
    expect(detail.case.reference).toMatch(/^TGP-PIP-\d{8}-00001$/);
    expect(detail.case).toMatchObject({ status: 'received', ownerName: 'Rina Wulandari' });
    expect(detail.contactIds).toEqual([held.contact.id]);
    expect(detail.case.receivedAt).toBe(held.contact.arrivedAt);
    const [notice] = detail.clocks;
    expect(notice).toMatchObject({ clock: 'notice', status: 'running', isExtendable: true });
    expect(notice!.internalDueAt!).toBeLessThan(notice!.legalDueAt!);
    expect(detail.nextStatuses).toEqual(['registered', 'incomplete', 'withdrawn']);
    await lead.next('case:changed', (c) => c.id === detail.case.id);

    // A second type numbers on its own; the same command id returns the first case.
    const complaint = await agent.sendOk('case:create', {
      commandId: randomUUID(),
      type: 'complaint',
      subject: 'Antrean layanan KTP-el berhari-hari',
      requester: { name: 'Budi' },
      details: { description: 'Sudah tiga kali datang, selalu disuruh kembali.' },
    });
    expect(complaint.case.reference).toMatch(/^TGP-PGD-\d{8}-00001$/);
    const payload = informationRequest();
    const first = await agent.sendOk('case:create', payload);
    const again = await agent.sendOk('case:create', payload);
    expect(again.case.id).toBe(first.case.id);
    expect(first.case.reference).toMatch(/-00002$/);
  });

  it('warns, never guesses, when a clock runs into a year without a holiday list', async () => {
    await start();
    const db = server.app.store.db;
    const year = new Date().getUTCFullYear();
    // As on an instance where nobody has loaded this year's list yet.
    await db.deleteFrom('holidays').where('year', '=', year).execute();
    await db.deleteFrom('holiday_years').where('year', '=', year).execute();
    const agent = await connect('agent1');
    const created = await agent.sendOk('case:create', informationRequest());
    expect(created.warnings).toContainEqual(
      expect.objectContaining({ code: 'holiday_data_missing', year, clock: 'notice' }),
    );
  });

  it('tells the citizen through their channel, quoting the reference: opened, each step, the extension', async () => {
    const texts: string[] = [];
    const channel = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        texts.push((JSON.parse(body) as { text: string }).text);
        res.end();
      });
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    try {
      await start({
        OUTBOUND_WEBHOOK_URL: `http://127.0.0.1:${(channel.address() as AddressInfo).port}/hook`,
        OUTBOUND_WEBHOOK_SECRET: 'rahasia-webhook-uji-123',
      });
      const agent = await connect('agent1');
      const held = await holding(agent);
      const created = await agent.sendOk(
        'case:create',
        informationRequest({ contactId: held.contact.id }),
      );
      const reference = created.case.reference;
      await agent.sendOk('case:transition', {
        commandId: randomUUID(),
        caseId: created.case.id,
        to: 'registered',
      });
      await agent.sendOk('case:extend', {
        commandId: randomUUID(),
        caseId: created.case.id,
        clock: 'notice',
        workingDays: 3,
        reason: 'Data dihimpun dari dinas kabupaten.',
      });
      await expect.poll(() => texts.length, { timeout: 10_000 }).toBe(3);
      expect(texts[0]).toMatch(
        new RegExp(`dengan nomor ${reference}\\. Batas waktu jawaban: \\d{4}-`),
      );
      expect(texts[1]).toBe(`Permintaan ${reference} telah diregistrasi.`);
      expect(texts[2]).toContain(`${reference} diperpanjang sampai`);
      expect(texts[2]).toContain('Alasan: Data dihimpun dari dinas kabupaten.');
    } finally {
      channel.close();
    }
  });

  it('an objection shows its filing window (30 working days from the grounds) and is kept even when late', async () => {
    await start();
    const agent = await connect('agent1');
    const day = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const objection = (groundsFoundOn: string) =>
      agent.sendOk('case:create', {
        commandId: randomUUID(),
        type: 'objection',
        subject: 'Permohonan tidak ditanggapi',
        requester: { name: 'Siti Rahayu' },
        details: {
          requestReference: 'TGP-PIP-20260105-00003',
          informationRequested: 'Data penerima PKH',
          reason: 'c_no_response',
          groundsFoundOn,
        },
      });
    const late = await objection(day(90));
    expect(late.filingWindow).toEqual({ lastDay: expect.any(String), isLate: true });
    expect(late.case.status).toBe('filed');
    const inTime = await objection(day(1));
    expect(inTime.filingWindow).toMatchObject({ isLate: false });
    expect(inTime.clocks[0]).toMatchObject({ clock: 'response', status: 'running' });
  });

  it('bad input is refused with field errors and writes nothing', async () => {
    await start();
    const agent = await connect('agent1');
    const bad = await agent.sendRaw('case:create', {
      commandId: randomUUID(),
      type: 'information_request',
      subject: '',
      requester: { name: 'X', identityLast4: '3201234567890001' },
      details: {
        informationRequested: 'x',
        purpose: 'y',
        obtainMode: 'fax',
        deliveryMode: 'email',
      },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const paths = (bad as { error: { fields: { path: string }[] } }).error.fields.map(
      (f) => f.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(['subject', 'requester.identityLast4', 'details.obtainMode']),
    );
    const unknownType = await agent.sendRaw('case:create', { commandId: randomUUID(), type: 'x' });
    expect(unknownType).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const notMine = await agent.sendRaw('case:create', {
      ...informationRequest(),
      contactId: 'no-such-contact',
    });
    expect(notMine).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'contactId' }] },
    });
    // The trainer may not open cases at all.
    const trainer = await connect('trainer1');
    expect(await trainer.sendRaw('case:create', informationRequest())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const count = await server.app.store.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('references stay unique and gapless when many cases open at once', async () => {
    await start();
    const cookie = await signIn(server.url, 'lead1');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${server.url}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(informationRequest()),
        }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { case: { reference: string } },
        })),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const sequences = responses
      .map((r) => Number(r.body.case.reference.slice(-5)))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('the wrap-up opens a case with the outcome and the outcome names its reference', async () => {
    await start();
    const agent = await connect('agent1');
    const held = await holding(agent);
    const record = await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      wrapupCode: 'answered',
      notes: 'Pemohon meminta data; dicatat sebagai permohonan informasi.',
      case: {
        type: 'inquiry',
        subject: 'Syarat KIP Kuliah',
        requester: { name: 'Siti Rahayu' },
        details: { question: 'Apa syarat KIP Kuliah untuk mahasiswa pindahan?' },
        serviceClass: 'one_day',
      },
    });
    expect(record.cases).toEqual([
      { id: expect.any(String), reference: expect.stringMatching(/^TGP-TNY-/), type: 'inquiry' },
    ]);
    const { body } = await getJson(
      `${server.url}/api/contacts/${held.contact.id}/cases`,
      await signIn(server.url, 'agent1'),
    );
    expect((body as { cases: { serviceClass: string }[] }).cases).toMatchObject([
      { serviceClass: 'one_day', status: 'received' },
    ]);
  });

  it('lifecycle steps check their fields, meet clocks and refuse what the type does not allow', async () => {
    await start();
    const agent = await connect('agent1');
    const created = await agent.sendOk('case:create', informationRequest());
    const caseId = created.case.id;
    const step = (to: string, fields = {}) =>
      agent.sendRaw('case:transition', { commandId: randomUUID(), caseId, to, fields });
    expect(await step('delivered')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await step('registered')) as { ok: boolean }).toMatchObject({ ok: true });
    expect((await step('in_review')) as { ok: boolean }).toMatchObject({ ok: true });
    expect(await step('notice_sent', { decision: 'refused' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'fields.reason' }] },
    });
    const noticed = (await step('notice_sent', {
      decision: 'refused',
      reason: 'Ps 17 huruf h: rahasia pribadi',
    })) as { ok: true; data: { clocks: { status: string; metAt: number }[]; outcome: object } };
    expect(noticed.data.clocks[0]).toMatchObject({ status: 'met' });
    expect(noticed.data.outcome).toEqual({
      decision: 'refused',
      reason: 'Ps 17 huruf h: rahasia pribadi',
    });
    expect(await step('closed')).toMatchObject({ ok: true, data: { case: { isClosed: true } } });
    expect(await step('in_review')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Another agent may look but not change it.
    const other = await connect('agent2');
    expect(
      await other.sendRaw('case:pause', {
        commandId: randomUUID(),
        caseId,
        clock: 'notice',
        reason: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('extends the notice once with a written reason, and pauses only with a reason', async () => {
    await start();
    const agent = await connect('agent1');
    const created = await agent.sendOk('case:create', informationRequest());
    const caseId = created.case.id;
    const before = created.clocks[0]!;
    const noReason = await agent.sendRaw('case:extend', {
      commandId: randomUUID(),
      caseId,
      clock: 'notice',
      workingDays: 7,
      reason: '  ',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'reason' }] },
    });
    const extended = await agent.sendOk('case:extend', {
      commandId: randomUUID(),
      caseId,
      clock: 'notice',
      workingDays: 7,
      reason: 'Data berada di tiga dinas kabupaten dan perlu dihimpun.',
    });
    const after = extended.clocks[0]!;
    expect(after.legalDueAt!).toBeGreaterThan(before.legalDueAt!);
    expect(after).toMatchObject({
      extensionsUsed: 1,
      originalLegalDueAt: before.legalDueAt,
      extensionReason: 'Data berada di tiga dinas kabupaten dan perlu dihimpun.',
    });
    expect(
      await agent.sendRaw('case:extend', {
        commandId: randomUUID(),
        caseId,
        clock: 'notice',
        workingDays: 1,
        reason: 'lagi',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: /once/ } });

    expect(
      await agent.sendRaw('case:pause', { commandId: randomUUID(), caseId, clock: 'notice' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const paused = await agent.sendOk('case:pause', {
      commandId: randomUUID(),
      caseId,
      clock: 'notice',
      reason: 'Menunggu salinan KTP pemohon',
    });
    expect(paused.clocks[0]).toMatchObject({
      status: 'paused',
      pauseReason: 'Menunggu salinan KTP pemohon',
    });
    const resumed = await agent.sendOk('case:resume', {
      commandId: randomUUID(),
      caseId,
      clock: 'notice',
    });
    expect(resumed.clocks[0]).toMatchObject({ status: 'running', pausedAt: null });
    const audit = await server.app.store.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'case.created',
      'clock.extended',
      'clock.paused',
      'clock.resumed',
    ]);
    expect(JSON.parse(audit[2]!.data)).toMatchObject({ reason: 'Menunggu salinan KTP pemohon' });
  });

  it('a hand-off is acknowledged by the unit, which can then work the case; the contact center keeps sight', async () => {
    await start();
    const agent = await connect('agent1');
    const unit = await connect('unit-sulsel');
    const created = await agent.sendOk('case:create', informationRequest());
    const caseId = created.case.id;
    // Before a hand-off the unit cannot see the case.
    const unitCookie = await signIn(server.url, 'unit-sulsel');
    expect((await getJson(`${server.url}/api/cases/${caseId}`, unitCookie)).status).toBe(403);
    expect(
      await agent.sendRaw('case:hand-off', {
        commandId: randomUUID(),
        caseId,
        unitId: 'kanwil-sulsel',
        note: 'Mohon data per kecamatan.',
        agreedDueAt: created.clocks[0]!.legalDueAt! + 86_400_000,
      }),
    ).toMatchObject({ ok: false, error: { fields: [{ path: 'agreedDueAt' }] } });
    const handed = await agent.sendOk('case:hand-off', {
      commandId: randomUUID(),
      caseId,
      unitId: 'kanwil-sulsel',
      note: 'Mohon data per kecamatan.',
    });
    const handOff = handed.handOffs[0]!;
    expect(handOff).toMatchObject({
      status: 'pending',
      unitName: 'Kantor Wilayah Sulawesi Selatan',
      agreedDueAt: created.clocks[0]!.internalDueAt,
    });
    expect(handed.case.withUnitId).toBe('kanwil-sulsel');
    await unit.next('case:changed', (c) => c.id === caseId && c.withUnitId === 'kanwil-sulsel');
    const inbox = await getJson(`${server.url}/api/cases?scope=unit`, unitCookie);
    expect((inbox.body as { cases: { id: string }[] }).cases.map((c) => c.id)).toEqual([caseId]);

    // Not acknowledged yet: the unit may not work it.
    expect(
      await unit.sendRaw('case:transition', {
        commandId: randomUUID(),
        caseId,
        to: 'registered',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other = await connect('unit-papua');
    expect(
      await other.sendRaw('case:acknowledge-hand-off', {
        commandId: randomUUID(),
        handOffId: handOff.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const acknowledged = await unit.sendOk('case:acknowledge-hand-off', {
      commandId: randomUUID(),
      handOffId: handOff.id,
    });
    expect(acknowledged.handOffs[0]).toMatchObject({ status: 'acknowledged' });
    await agent.next(
      'case:changed',
      (c) => c.id === caseId && c.version === acknowledged.case.version,
    );
    const registered = await unit.sendOk('case:transition', {
      commandId: randomUUID(),
      caseId,
      to: 'registered',
    });
    expect(registered.case.status).toBe('registered');
    const board = await getJson(
      `${server.url}/api/cases?scope=mine`,
      await signIn(server.url, 'agent1'),
    );
    expect((board.body as { cases: { id: string; status: string }[] }).cases).toMatchObject([
      { id: caseId, status: 'registered', withUnitName: 'Kantor Wilayah Sulawesi Selatan' },
    ]);
  });

  it('a unit returns a hand-off with a reason; silence past the time bounces it back with an alert', async () => {
    await start({ HANDOFF_ACK_MINUTES: '0.01', CASE_SCAN_MS: '100' }); // 600 ms
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    const unit = await connect('unit-sulsel');
    const first = await agent.sendOk('case:create', informationRequest());
    const handed = await agent.sendOk('case:hand-off', {
      commandId: randomUUID(),
      caseId: first.case.id,
      unitId: 'kanwil-sulsel',
      note: 'Mohon ditangani.',
    });
    expect(
      await unit.sendRaw('case:return-hand-off', {
        commandId: randomUUID(),
        handOffId: handed.handOffs[0]!.id,
        reason: ' ',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'reason' }] },
    });
    const returned = await unit.sendOk('case:return-hand-off', {
      commandId: randomUUID(),
      handOffId: handed.handOffs[0]!.id,
      reason: 'Bukan kewenangan kami; data ada di Dinas Sosial.',
    });
    expect(returned.handOffs[0]).toMatchObject({
      status: 'returned',
      reason: 'Bukan kewenangan kami; data ada di Dinas Sosial.',
    });
    expect(returned.case.withUnitId).toBeNull();

    // A second hand-off nobody answers.
    const again = await agent.sendOk('case:hand-off', {
      commandId: randomUUID(),
      caseId: first.case.id,
      unitId: 'kanwil-sulsel',
      note: 'Mohon dicek lagi.',
    });
    const bounce = await agent.next('case:hand-off-bounced', (b) => b.caseId === first.case.id);
    expect(bounce).toMatchObject({
      reference: first.case.reference,
      unitName: 'Kantor Wilayah Sulawesi Selatan',
    });
    await lead.next('case:hand-off-bounced', (b) => b.caseId === first.case.id);
    const late = await unit.sendRaw('case:acknowledge-hand-off', {
      commandId: randomUUID(),
      handOffId: again.handOffs.at(-1)!.id,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const stored = await server.app.store.db
      .selectFrom('case_handoffs')
      .select('status')
      .where('case_id', '=', first.case.id)
      .orderBy('sent_at')
      .execute();
    expect(stored.map((h) => h.status)).toEqual(['returned', 'bounced']);
  });

  it('warns at 50, 80 and 100 % once each, flags the breach and escalates along the chain', async () => {
    await start({
      CASE_ESCALATION_CHAIN: 'owner,lead',
      CASE_ESCALATION_STEP_MINUTES: '0.005',
      CASE_SCAN_MS: '100',
    });
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    const created = await agent.sendOk('case:create', informationRequest());
    const caseId = created.case.id;
    await moveClock(server, caseId, { elapsedMs: 9 * 3_600_000, remainingMs: 3_600_000 });
    const w50 = await agent.next('case:warned', (w) => w.caseId === caseId && w.level === 50);
    const w80 = await agent.next('case:warned', (w) => w.caseId === caseId && w.level === 80);
    expect(w50).toMatchObject({ clock: 'notice', basis: 'legal', isBreach: false });
    expect(w80.reference).toBe(created.case.reference);
    await lead.next('case:warned', (w) => w.caseId === caseId && w.level === 80);
    await sleep(400);
    expect(agent.has('case:warned', (w) => w.caseId === caseId)).toBe(false);

    await moveClock(server, caseId, { elapsedMs: 10 * 3_600_000, remainingMs: -1 });
    const breach = await agent.next('case:warned', (w) => w.caseId === caseId && w.level === 100);
    expect(breach.isBreach).toBe(true);
    await agent.next('case:changed', (c) => c.id === caseId && c.isBreached);
    expect(await agent.next('case:escalated', (e) => e.caseId === caseId)).toMatchObject({
      step: 0,
      target: 'owner',
    });
    expect(await lead.next('case:escalated', (e) => e.caseId === caseId)).toMatchObject({
      step: 1,
      target: 'lead',
    });
    await sleep(400);
    const rows = await server.app.store.db
      .selectFrom('case_warnings')
      .select('level')
      .where('case_id', '=', caseId)
      .orderBy('level')
      .execute();
    expect(rows.map((r) => r.level)).toEqual([50, 80, 100]);
    const escalations = await server.app.store.db
      .selectFrom('case_escalations')
      .select('step')
      .where('case_id', '=', caseId)
      .execute();
    expect(escalations).toHaveLength(2);
    // The extension is refused once the legal due has passed.
    expect(
      await agent.sendRaw('case:extend', {
        commandId: randomUUID(),
        caseId,
        clock: 'notice',
        workingDays: 3,
        reason: 'terlambat',
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('warnings survive a restart: fired ones stay fired, ones due while down fire after', async () => {
    await start({ CASE_SCAN_MS: '100' });
    const agent = await connect('agent1');
    const created = await agent.sendOk('case:create', informationRequest());
    const caseId = created.case.id;
    await moveClock(server, caseId, { elapsedMs: 6 * 3_600_000, remainingMs: 4 * 3_600_000 });
    await agent.next('case:warned', (w) => w.caseId === caseId && w.level === 50);
    agent.close();
    await server.stop();
    // While down, the clock passes 80 % (written straight to the stopped server's database).
    const offline = openStore({
      databaseUrl: server.env.DATABASE_URL,
      databaseSchema: server.env.DATABASE_SCHEMA,
      dataDir: server.env.DATA_DIR ?? ':memory:',
    });
    await moveClockIn(offline.db, caseId, { elapsedMs: 9 * 3_600_000, remainingMs: 3_600_000 });
    await offline.close();
    server = await startServer(mode, {
      storageOf: server,
      // Slow enough for the agent to connect before the first scan.
      env: { CASE_SCAN_MS: '1500' },
    });
    const back = await connect('agent1');
    const w80 = await back.next('case:warned', (w) => w.caseId === caseId && w.level === 80);
    expect(w80.level).toBe(80);
    await sleep(400);
    expect(back.has('case:warned', (w) => w.caseId === caseId && w.level === 50)).toBe(false);
    const rows = await server.app.store.db
      .selectFrom('case_warnings')
      .select('level')
      .where('case_id', '=', caseId)
      .execute();
    expect(rows.map((r) => r.level).sort()).toEqual([50, 80]);
  });

  it('the audit chain verifies, and catches an edited or a deleted row', async () => {
    await start();
    const agent = await connect('agent1');
    const created = await agent.sendOk('case:create', informationRequest());
    await agent.sendOk('case:extend', {
      commandId: randomUUID(),
      caseId: created.case.id,
      clock: 'notice',
      workingDays: 2,
      reason: 'Perlu konsultasi uji konsekuensi',
    });
    await agent.sendOk('case:transition', {
      commandId: randomUUID(),
      caseId: created.case.id,
      to: 'registered',
    });
    const admin = await signIn(server.url, 'admin');
    expect((await getJson(`${server.url}/api/admin/audit/verify`, admin)).body).toEqual({
      isIntact: true,
      rows: 3,
      problems: [],
    });
    expect(
      (await getJson(`${server.url}/api/admin/audit/verify`, await signIn(server.url, 'lead1')))
        .status,
    ).toBe(403);
    const db = server.app.store.db;
    // The log refuses changes through SQL…
    await expect(
      db.updateTable('audit_log').set({ data: '{}' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(/append-only/);
    // …so a tamperer first removes the guard; the chain still tells.
    await withoutAuditGuard(server, async () => {
      await db
        .updateTable('audit_log')
        .set({ data: JSON.stringify({ clock: 'notice', workingDays: 7, reason: 'diubah' }) })
        .where('seq', '=', 2)
        .execute();
    });
    const edited = (await getJson(`${server.url}/api/admin/audit/verify`, admin)).body;
    expect(edited).toMatchObject({
      isIntact: false,
      problems: [{ seq: 2, problem: expect.stringMatching(/edited/) }],
    });
    await withoutAuditGuard(server, async () => {
      await db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    });
    const deleted = (await getJson(`${server.url}/api/admin/audit/verify`, admin)).body as {
      problems: { seq: number; problem: string }[];
    };
    expect(deleted.problems.map((p) => p.seq)).toEqual([3, 3]);
  });

  it('exports the register as CSV and the annual public-information numbers', async () => {
    await start();
    const agent = await connect('agent1');
    for (const decision of ['granted', 'refused'] as const) {
      const created = await agent.sendOk('case:create', informationRequest());
      for (const to of ['registered', 'in_review'] as const) {
        await agent.sendOk('case:transition', {
          commandId: randomUUID(),
          caseId: created.case.id,
          to,
        });
      }
      await agent.sendOk('case:transition', {
        commandId: randomUUID(),
        caseId: created.case.id,
        to: 'notice_sent',
        fields: decision === 'refused' ? { decision, reason: 'Ps 17 huruf h' } : { decision },
      });
    }
    const lead = await signIn(server.url, 'lead1');
    const csv = await fetch(`${server.url}/api/cases/register.csv?type=information_request`, {
      headers: { cookie: lead },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^reference,type,status,received_at/);
    expect(lines[2]).toContain('****1234');
    expect(lines[2]).toContain('Ps 17 huruf h');
    const year = new Date().getUTCFullYear();
    const report = await getJson(`${server.url}/api/reports/public-information?year=${year}`, lead);
    expect(report.body).toMatchObject({
      requests: 2,
      granted: 1,
      refused: 1,
      averageWorkingDaysToNotice: expect.any(Number),
      refusalReasons: [{ reason: 'Ps 17 huruf h', count: 1 }],
    });
    const reportCsv = await fetch(
      `${server.url}/api/reports/public-information?year=${year}&format=csv`,
      { headers: { cookie: lead } },
    );
    expect(await reportCsv.text()).toContain('refused,1');
    expect(
      (await getJson(`${server.url}/api/reports/public-information?year=abc`, lead)).status,
    ).toBe(400);
    expect(
      (await getJson(`${server.url}/api/cases/register.csv`, await signIn(server.url, 'agent1')))
        .status,
    ).toBe(403);
  });
});

/**
 * Moves a case's running clocks as if time had passed: started `elapsedMs` ago, due in
 * `remainingMs`, to be looked at now. Tests cannot wait ten working days.
 */
async function moveClock(
  server: TestServer,
  caseId: string,
  times: { elapsedMs: number; remainingMs: number },
): Promise<void> {
  await moveClockIn(server.app.store.db, caseId, times);
}

async function moveClockIn(
  db: Kysely<Database>,
  caseId: string,
  { elapsedMs, remainingMs }: { elapsedMs: number; remainingMs: number },
): Promise<void> {
  const now = Date.now();
  await db
    .updateTable('case_clocks')
    .set({
      starts_at: now - elapsedMs,
      legal_due_at: now + remainingMs,
      internal_due_at: now + remainingMs,
      next_warning_at: now,
    })
    .where('case_id', '=', caseId)
    .where('status', '=', 'running')
    .execute();
}

async function withoutAuditGuard(server: TestServer, tamper: () => Promise<void>): Promise<void> {
  const db = server.app.store.db;
  if (server.app.store.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    await tamper();
    await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
  } else {
    await sql`drop trigger if exists audit_log_no_update`.execute(db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
    await tamper();
  }
}

describe('npm run audit:verify', () => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  function verifyCommand(env: Record<string, string>): { status: number | null; output: string } {
    const run = spawnSync('npx', ['tsx', 'server/tools/audit-verify.ts'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  }

  it('exits 0 on an intact log and 1 naming the row after tampering', async () => {
    server = await startServer('sqlite');
    const agent = await connect('agent1');
    await agent.sendOk('case:create', informationRequest());
    await agent.sendOk('case:create', informationRequest());
    const env = { DATA_DIR: server.env.DATA_DIR! };
    expect(verifyCommand(env)).toMatchObject({
      status: 0,
      output: expect.stringMatching(/intact: 2 rows/),
    });
    await withoutAuditGuard(server, async () => {
      await server.app.store.db
        .updateTable('audit_log')
        .set({ actor_id: 'someone-else' })
        .where('seq', '=', 1)
        .execute();
    });
    const broken = verifyCommand(env);
    expect(broken.status).toBe(1);
    expect(broken.output).toMatch(/row 1: hash does not match its content/);
  });
});

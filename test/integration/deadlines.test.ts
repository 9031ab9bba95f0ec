import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlinePreview } from '../../shared/schemas/deadlines';
import type { HolidayYear } from '../../shared/schemas/calendar';
import {
  STORAGE_MODES,
  getJson,
  signIn,
  startServer,
  type StorageMode,
  type TestServer,
} from './harness';

type ErrorBody = { error: { code: string; message: string; fields?: { path: string }[] } };

describe.each(STORAGE_MODES)('deadlines and calendar on %s', (mode: StorageMode) => {
  let server: TestServer;
  let agent: string;
  let admin: string;
  let lead: string;

  beforeAll(async () => {
    server = await startServer(mode);
    [agent, admin, lead] = await Promise.all([
      signIn(server.url, 'agent1'),
      signIn(server.url, 'admin'),
      signIn(server.url, 'lead1'),
    ]);
  });

  afterAll(async () => {
    await server?.destroy();
  });

  const previewUrl = (params: Record<string, string>) =>
    `${server.url}/api/deadlines/preview?${new URLSearchParams(params).toString()}`;

  async function preview(params: Record<string, string>, cookie = agent): Promise<DeadlinePreview> {
    const response = await getJson(previewUrl(params), cookie);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as DeadlinePreview;
  }

  async function putHolidays(year: number | string, body: unknown, cookie = admin) {
    const response = await fetch(`${server.url}/api/calendar/holidays/${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  const thursday = '2026-03-12T10:00:00+07:00';

  it('previews a public-information request across Nyepi and Idulfitri on the contact center calendar', async () => {
    const body = await preview({ type: 'information_request', receivedAt: thursday });
    expect(body).toMatchObject({
      type: 'information_request',
      serviceClass: null,
      unit: { id: 'pusat-kontak', name: 'Pusat Kontak', timeZone: 'Asia/Jakarta' },
      receivedAt: '2026-03-12T10:00:00+07:00',
      countsFrom: { at: '2026-03-12T10:00:00+07:00', date: '2026-03-12', shiftedBecause: null },
      internalTarget: {
        dueAt: '2026-03-25T16:00:00+07:00',
        dueDate: '2026-03-25',
        basis: { kind: 'before_legal', workingDays: 2 },
        isClamped: false,
      },
      legalDue: {
        dueAt: '2026-03-27T16:00:00+07:00',
        dueDate: '2026-03-27',
        limitAt: '2026-03-27T16:00:00+07:00',
        rule: { amount: 10, unit: 'working_days' },
        maxExtension: { dueAt: '2026-04-08T16:00:00+07:00', amount: 7, unit: 'working_days' },
      },
      warnings: [],
    });
    expect(body.legalDue?.source).toMatch(/K3/);
    expect(body.clocks).toHaveLength(1);
    expect(body.skippedDays).toEqual([
      { date: '2026-03-14', reason: 'weekend' },
      { date: '2026-03-15', reason: 'weekend' },
      { date: '2026-03-19', reason: 'holiday', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
      { date: '2026-03-21', reason: 'holiday', name: 'Idulfitri 1447 Hijriah' },
      { date: '2026-03-22', reason: 'holiday', name: 'Idulfitri 1447 Hijriah' },
    ]);
  });

  it('previews every other request type against hand-checked 2026 dates', async () => {
    const objection = await preview({ type: 'objection', receivedAt: thursday });
    expect(objection.legalDue?.dueAt).toBe('2026-04-27T16:00:00+07:00');
    expect(objection.internalTarget.dueAt).toBe('2026-04-20T16:00:00+07:00');
    expect(objection.skippedDays).toContainEqual({
      date: '2026-04-03',
      reason: 'holiday',
      name: 'Wafat Yesus Kristus',
    });

    const complaint = await preview({ type: 'complaint', receivedAt: thursday });
    expect(
      complaint.clocks.map((c) => [c.clock, c.internalTarget.dueAt, c.legalDue?.dueAt]),
    ).toEqual([
      ['acknowledgement', '2026-03-24T16:00:00+07:00', '2026-03-26T16:00:00+07:00'],
      ['resolution', '2026-05-04T16:00:00+07:00', '2026-05-11T16:00:00+07:00'],
    ]);
    expect(complaint.legalDue?.limitAt).toBe('2026-03-27T00:00:00+07:00');
    expect(complaint.warnings).toEqual([
      expect.objectContaining({ code: 'assumes_complete_file', clock: 'resolution' }),
    ]);

    // 72 hours end on Sunday 15 Mar 10:00; the last office moment before is Friday's closing.
    const personal = await preview({ type: 'personal_data_request', receivedAt: thursday });
    expect(personal.legalDue).toMatchObject({
      dueAt: '2026-03-13T16:00:00+07:00',
      limitAt: '2026-03-15T10:00:00+07:00',
      rule: { amount: 72, unit: 'hours' },
    });
    expect(personal.internalTarget.dueAt).toBe('2026-03-13T16:00:00+07:00');

    const inquiry = await preview({ type: 'inquiry', receivedAt: thursday });
    expect(inquiry).toMatchObject({
      serviceClass: 'immediate',
      legalDue: null,
      internalTarget: { dueAt: '2026-03-12T16:00:00+07:00' },
    });
    const custom = await preview({
      type: 'inquiry',
      receivedAt: thursday,
      serviceClass: 'custom',
      customWorkingDays: '3',
    });
    expect(custom.internalTarget).toMatchObject({
      dueAt: '2026-03-17T16:00:00+07:00',
      basis: { kind: 'service_class', serviceClass: 'custom', duration: { amount: 3 } },
    });

    const aspiration = await preview({ type: 'aspiration', receivedAt: thursday });
    expect(aspiration).toMatchObject({
      serviceClass: 'one_week',
      internalTarget: { dueAt: '2026-03-20T16:00:00+07:00' },
    });
  });

  it('counts a Friday 17:30 request from Monday', async () => {
    const body = await preview({
      type: 'information_request',
      receivedAt: '2026-03-06T17:30:00+07:00',
    });
    expect(body.countsFrom).toEqual({
      at: '2026-03-09T07:30:00+07:00',
      date: '2026-03-09',
      shiftedBecause: 'after_hours',
    });
    expect(body.legalDue?.dueAt).toBe('2026-03-24T16:00:00+07:00');
    expect(body.skippedDays.slice(0, 2)).toEqual([
      { date: '2026-03-07', reason: 'weekend' },
      { date: '2026-03-08', reason: 'weekend' },
    ]);
  });

  it("uses a demo unit's zone, office hours and collective-leave switch (WITA, WIT)", async () => {
    // Makassar closes on cuti bersama: 18, 20, 23 and 24 Mar are skipped too.
    const makassar = await preview({
      type: 'information_request',
      receivedAt: '2026-03-12T09:00:00+07:00', // 10:00 WITA
      unit: 'kanwil-sulsel',
    });
    expect(makassar).toMatchObject({
      unit: { id: 'kanwil-sulsel', timeZone: 'Asia/Makassar', isClosedOnCollectiveLeave: true },
      receivedAt: '2026-03-12T10:00:00+08:00',
      legalDue: { dueAt: '2026-04-02T16:00:00+08:00' },
    });
    expect(makassar.skippedDays).toContainEqual({
      date: '2026-03-18',
      reason: 'collective_leave',
      name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)',
    });

    // Jayapura works Monday–Saturday 08:00–15:00.
    const jayapura = await preview({
      type: 'information_request',
      receivedAt: '2026-03-13T14:00:00+09:00',
      unit: 'kanwil-papua',
    });
    expect(jayapura.legalDue?.dueAt).toBe('2026-03-27T15:00:00+09:00');
    expect(jayapura.skippedDays.map((d) => d.date)).not.toContain('2026-03-14');

    // One instant: 15:45 WITA is inside office hours, 16:45 WIT in Jayapura's 08:00-15:00 is not.
    const late = await preview({
      type: 'inquiry',
      receivedAt: '2026-03-12T07:45:00Z',
      unit: 'kanwil-papua',
    });
    expect(late.countsFrom).toMatchObject({ date: '2026-03-13', shiftedBecause: 'after_hours' });
  });

  it('answers 400 naming the parameter for an unknown type, a date without offset or garbage, an unknown unit', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ type: 'permohonan', receivedAt: thursday }, 'querystring.type'],
      [{ receivedAt: thursday }, 'querystring.type'],
      [{ type: 'complaint', receivedAt: '2026-03-12T10:00:00' }, 'querystring.receivedAt'],
      [{ type: 'complaint', receivedAt: 'kemarin sore' }, 'querystring.receivedAt'],
      [{ type: 'complaint', receivedAt: '2026-02-30T10:00:00+07:00' }, 'querystring.receivedAt'],
      [{ type: 'complaint' }, 'querystring.receivedAt'],
      [{ type: 'complaint', receivedAt: thursday, unit: 'tidak-ada' }, 'querystring.unit'],
      [
        { type: 'objection', receivedAt: thursday, serviceClass: 'one_day' },
        'querystring.serviceClass',
      ],
      [
        { type: 'inquiry', receivedAt: thursday, serviceClass: 'custom' },
        'querystring.customWorkingDays',
      ],
      [
        {
          type: 'inquiry',
          receivedAt: thursday,
          serviceClass: 'custom',
          customWorkingDays: 'tiga',
        },
        'querystring.customWorkingDays',
      ],
    ];
    for (const [params, path] of cases) {
      const response = await getJson(previewUrl(params), agent);
      expect(response.status, JSON.stringify(params)).toBe(400);
      const body = response.body as ErrorBody;
      expect(body.error.code).toBe('invalid_payload');
      expect(body.error.fields?.map((f) => f.path)).toEqual([path]);
      expect(body.error.message).toContain(path);
    }
  });

  it('answers 401 without a session, before looking at the query', async () => {
    for (const url of [
      previewUrl({ type: 'information_request', receivedAt: thursday }),
      previewUrl({ type: 'nonsense' }),
      `${server.url}/api/calendar/holidays/2026`,
    ]) {
      const response = await getJson(url);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('lists the seeded 2026 holidays and cuti bersama to any signed-in user', async () => {
    const response = await getJson(`${server.url}/api/calendar/holidays/2026`, lead);
    expect(response.status).toBe(200);
    const body = response.body as HolidayYear;
    expect(body.isLoaded).toBe(true);
    expect(body.source).toMatch(/SKB/);
    expect(body.holidays.filter((h) => h.kind === 'holiday')).toHaveLength(17);
    expect(body.holidays.filter((h) => h.kind === 'collective_leave')).toHaveLength(8);
    expect(body.holidays[0]).toEqual({
      date: '2026-01-01',
      name: 'Tahun Baru 2026 Masehi',
      kind: 'holiday',
    });
  });

  it('refuses a non-admin PUT (403) and invalid lists (400), then an admin load of 2027 clears the missing-data warning', async () => {
    const lateDecember = { type: 'information_request', receivedAt: '2026-12-23T10:00:00+07:00' };
    const before = await preview(lateDecember);
    expect(before.legalDue?.dueAt).toBe('2027-01-07T16:00:00+07:00');
    expect(before.warnings).toEqual([
      expect.objectContaining({ code: 'holiday_data_missing', year: 2027 }),
    ]);
    expect((await getJson(`${server.url}/api/calendar/holidays/2027`, agent)).body).toEqual({
      year: 2027,
      isLoaded: false,
      source: null,
      loadedAt: null,
      holidays: [],
    });

    const list2027 = {
      source: 'Uji: daftar 2027 sementara',
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'holiday' },
        {
          date: '2027-08-17',
          name: 'Hari Proklamasi Kemerdekaan Republik Indonesia',
          kind: 'holiday',
        },
      ],
    };
    expect((await putHolidays(2027, list2027, agent)).status).toBe(403);
    expect((await putHolidays(2027, list2027, lead)).status).toBe(403);

    const invalid: [unknown, string][] = [
      [
        { holidays: [{ date: '2026-12-31', name: 'Salah tahun', kind: 'holiday' }] },
        'body.holidays.0.date',
      ],
      [
        {
          holidays: [
            { date: '2027-01-01', name: 'Tahun Baru', kind: 'holiday' },
            { date: '2027-01-01', name: 'Dua kali', kind: 'collective_leave' },
          ],
        },
        'body.holidays.1.date',
      ],
      [
        { holidays: [{ date: '2027-02-30', name: 'Tidak ada', kind: 'holiday' }] },
        'body.holidays.0.date',
      ],
      [{ holidays: [{ date: '2027-01-01', name: 'Libur', kind: 'cuti' }] }, 'body.holidays.0.kind'],
      [{ holidays: [{ date: '2027-01-01', name: ' ', kind: 'holiday' }] }, 'body.holidays.0.name'],
      [{}, 'body.holidays'],
    ];
    for (const [body, path] of invalid) {
      const response = await putHolidays(2027, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((response.body as ErrorBody).error.fields?.map((f) => f.path)).toContain(path);
    }
    const badYear = await putHolidays('dua-ribu', list2027);
    expect(badYear.status).toBe(400);
    expect((badYear.body as ErrorBody).error.fields?.map((f) => f.path)).toEqual(['params.year']);
    // Nothing was loaded by the refused attempts.
    expect((await preview(lateDecember)).warnings).toHaveLength(1);

    const loaded = await putHolidays(2027, list2027);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({
      year: 2027,
      isLoaded: true,
      source: 'Uji: daftar 2027 sementara',
      holidays: list2027.holidays,
    });

    const after = await preview(lateDecember);
    expect(after.warnings).toEqual([]);
    expect(after.legalDue?.dueAt).toBe('2027-01-08T16:00:00+07:00');
    expect(after.skippedDays).toContainEqual({
      date: '2027-01-01',
      reason: 'holiday',
      name: 'Tahun Baru 2027 Masehi',
    });

    // A second load replaces the whole year: 1 Jan is gone, 17 Aug stays out too.
    const replaced = await putHolidays(2027, {
      holidays: [{ date: '2027-03-10', name: 'Hari Suci Nyepi', kind: 'holiday' }],
    });
    expect(replaced.status).toBe(200);
    const listed = (await getJson(`${server.url}/api/calendar/holidays/2027`, agent))
      .body as HolidayYear;
    expect(listed.holidays.map((h) => h.date)).toEqual(['2027-03-10']);
    expect(listed.source).toBeNull();
    expect((await preview(lateDecember)).legalDue?.dueAt).toBe('2027-01-07T16:00:00+07:00');
  });

  it('reads deadline rules as configuration: a stored override replaces the shipped default', async () => {
    const db = server.app.store.db.withTables<{
      deadline_rules: {
        request_type: string;
        rules: string;
        updated_by: string | null;
        updated_at: number;
      };
    }>();
    await db
      .insertInto('deadline_rules')
      .values({
        request_type: 'objection',
        rules: JSON.stringify({
          clocks: [
            {
              clock: 'response',
              startsFrom: 'receipt',
              legal: { amount: 30, unit: 'working_days' },
              internal: { kind: 'duration', duration: { amount: 10, unit: 'working_days' } },
              source: 'Instance override for the test',
            },
          ],
        }),
        updated_by: null,
        updated_at: Date.now(),
      })
      .execute();
    try {
      const body = await preview({ type: 'objection', receivedAt: thursday });
      // 10 working days from Thu 12 Mar, as for the information request.
      expect(body.internalTarget).toMatchObject({
        dueAt: '2026-03-27T16:00:00+07:00',
        basis: { kind: 'duration', duration: { amount: 10, unit: 'working_days' } },
      });
      expect(body.legalDue?.source).toBe('Instance override for the test');
    } finally {
      await db.deleteFrom('deadline_rules').where('request_type', '=', 'objection').execute();
    }
  });
});

describe.each(STORAGE_MODES)('calendar seeding on %s', (mode: StorageMode) => {
  it('with DEMO=off: the default unit and the 2026 list, no demo units', async () => {
    const server = await startServer(mode, {
      env: {
        DEMO: 'off',
        ADMIN_USERNAME: 'kepala',
        ADMIN_PASSWORD: 'rahasia-panjang-sekali',
        INBOUND_API_KEY: 'kunci-webhook-produksi-123',
      },
    });
    try {
      const cookie = await signIn(server.url, 'kepala', 'rahasia-panjang-sekali');
      const ok = await getJson(
        `${server.url}/api/deadlines/preview?type=objection&receivedAt=2026-03-12T10%3A00%3A00%2B07%3A00`,
        cookie,
      );
      expect(ok).toMatchObject({
        status: 200,
        body: { unit: { id: 'pusat-kontak' }, legalDue: { dueAt: '2026-04-27T16:00:00+07:00' } },
      });
      const demoUnit = await getJson(
        `${server.url}/api/deadlines/preview?type=objection&receivedAt=2026-03-12T10%3A00%3A00%2B07%3A00&unit=kanwil-sulsel`,
        cookie,
      );
      expect(demoUnit.status).toBe(400);
    } finally {
      await server.destroy();
    }
  });

  it('seeds idempotently: a restart on the same database keeps one copy of everything', async () => {
    const first = await startServer(mode);
    await first.stop();
    const second = await startServer(mode, { storageOf: first });
    try {
      const db = second.app.store.db.withTables<{
        units: { id: string };
        holidays: { date: string };
        holiday_years: { year: number };
      }>();
      const units = await db.selectFrom('units').select('id').orderBy('id').execute();
      expect(units.map((u) => u.id)).toEqual(['kanwil-papua', 'kanwil-sulsel', 'pusat-kontak']);
      expect(await db.selectFrom('holidays').select('date').execute()).toHaveLength(25);
      expect(await db.selectFrom('holiday_years').select('year').execute()).toEqual([
        { year: 2026 },
      ]);
    } finally {
      await second.destroy();
    }
  });
});

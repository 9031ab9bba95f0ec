import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadline-defaults';
import type { DeadlineRulesView } from '../../shared/schemas/calendar-settings';
import type { DeadlinePreview } from '../../shared/schemas/deadlines';
import type { StorageMode, TestServer } from './harness';
import { STORAGE_MODES, clientsPerTest, getJson, sendJson, signIn, startServer } from './harness';

/** A Friday in March 2026 with no holiday near: only weekends are skipped. */
const FRIDAY = '2026-04-17T10:00:00+07:00';

describe.each(STORAGE_MODES)('deadline configuration on %s', (mode: StorageMode) => {
  let server: TestServer;
  clientsPerTest(() => server);

  async function legalDue(cookie: string, type: string, unit = 'pusat-kontak') {
    const params = new URLSearchParams({ type, receivedAt: FRIDAY, unit });
    const response = await getJson(`${server.url}/api/deadlines/preview?${params}`, cookie);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body as DeadlinePreview).legalDue?.dueDate;
  }

  it('lets an administrator give a unit its own working days, and the due dates follow', async () => {
    server = await startServer(mode);
    const admin = await signIn(server.url, 'admin');
    const before = await legalDue(admin, 'information_request');
    const url = `${server.url}/api/units/pusat-kontak/calendar`;
    const sixDays = {
      timeZone: 'Asia/Jakarta',
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      officeHours: { opensAt: '07:30', closesAt: '16:00' },
      isClosedOnCollectiveLeave: false,
    };
    const saved = await sendJson(url, 'PUT', sixDays, admin);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id: 'pusat-kontak', workingWeekdays: [1, 2, 3, 4, 5, 6] });
    // Saturdays now count: ten working days end earlier.
    const after = await legalDue(admin, 'information_request');
    expect(after! < before!).toBe(true);

    expect((await sendJson(url, 'PUT', sixDays, await signIn(server.url, 'lead1'))).status).toBe(
      403,
    );
    const bad = await sendJson(
      url,
      'PUT',
      { ...sixDays, workingWeekdays: [], officeHours: { opensAt: '16:00', closesAt: '07:30' } },
      admin,
    );
    expect(bad.status).toBe(400);
    const paths = (bad.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.workingWeekdays', 'body.officeHours.closesAt']),
    );
    expect(
      (await sendJson(`${server.url}/api/units/no-such-unit/calendar`, 'PUT', sixDays, admin))
        .status,
    ).toBe(404);
  });

  it('lets an administrator override a request type’s rules and go back to the shipped defaults', async () => {
    server = await startServer(mode);
    const admin = await signIn(server.url, 'admin');
    const agent = await signIn(server.url, 'agent1');
    const url = `${server.url}/api/deadline-rules/objection`;
    const shipped = (await getJson(url, agent)).body as DeadlineRulesView;
    expect(shipped).toMatchObject({ isOverride: false, rules: DEFAULT_DEADLINE_RULES.objection });
    const dueBefore = await legalDue(agent, 'objection');

    const tighter = structuredClone(DEFAULT_DEADLINE_RULES.objection);
    tighter.clocks[0]!.legal = { amount: 20, unit: 'working_days' };
    expect((await sendJson(url, 'PUT', { rules: tighter }, agent)).status).toBe(403);
    const saved = await sendJson(url, 'PUT', { rules: tighter }, admin);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ isOverride: true });
    expect((await legalDue(agent, 'objection'))! < dueBefore!).toBe(true);

    const invalid = await sendJson(url, 'PUT', { rules: { clocks: [] } }, admin);
    expect(invalid.status).toBe(400);
    expect(
      (await sendJson(`${server.url}/api/deadline-rules/astrology`, 'PUT', { rules: null }, admin))
        .status,
    ).toBe(400);

    const reset = await sendJson(url, 'PUT', { rules: null }, admin);
    expect(reset.body).toMatchObject({ isOverride: false });
    expect(await legalDue(agent, 'objection')).toBe(dueBefore);
  });
});

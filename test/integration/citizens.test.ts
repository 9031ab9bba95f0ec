import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CitizenProfile } from '../../shared/schemas/citizen';
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

describe.each(STORAGE_MODES)('citizen profiles on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  async function serve(agent: TestClient, overrides = {}) {
    const created = await postInbound(server.url, inboundContact(overrides));
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    return agent.sendOk('offer:accept', { offerId: offer.id });
  }

  it('follows one citizen across phone channels, and merges an e-mail profile keeping both histories', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    // A call first (a call is exclusive), wrapped up, then the same number on WhatsApp.
    const byCall = await serve(agent, { channel: 'voice', text: '', from: '+62 812 7777 0001' });
    await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: byCall.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
    await agent.sendOk('agent:set-status', { status: 'available' });
    const byWhatsapp = await serve(agent, { channel: 'whatsapp', from: '0812-7777-0001' });
    expect(byWhatsapp.caller.citizenId).toBe(byCall.caller.citizenId);
    const byMail = await serve(agent, {
      channel: 'email',
      from: 'Siti.Rahayu@example.id',
      text: 'Mohon info pencairan PKH.',
    });
    expect(byMail.caller.citizenId).not.toBe(byWhatsapp.caller.citizenId);

    const cookie = await signIn(server.url, 'agent1');
    const merged = await sendJson(
      `${server.url}/api/citizens/${byMail.caller.citizenId}/merge`,
      'POST',
      { otherCitizenId: byWhatsapp.caller.citizenId, reason: 'Warga menyebut nomor HP yang sama' },
      cookie,
    );
    expect(merged.status).toBe(200);
    const profile = merged.body as CitizenProfile;
    expect(profile.addresses.map((a) => a.kind).sort()).toEqual(['email', 'phone']);
    expect(profile.timeline.map((c) => c.id).sort()).toEqual(
      [byWhatsapp.contact.id, byCall.contact.id, byMail.contact.id].sort(),
    );
    // The phone now belongs to the merged profile: the next message lands there.
    const next = await postInbound(
      server.url,
      inboundContact({ channel: 'sms', from: '081277770001', text: 'Terima kasih' }),
    );
    const row = await server.app.store.db
      .selectFrom('contacts')
      .select('citizen_id')
      .where('id', '=', String(next.body.contactId))
      .executeTakeFirstOrThrow();
    expect(row.citizen_id).toBe(byMail.caller.citizenId);
    // Merging again is refused; nothing moves twice.
    const again = await sendJson(
      `${server.url}/api/citizens/${byMail.caller.citizenId}/merge`,
      'POST',
      { otherCitizenId: byWhatsapp.caller.citizenId, reason: 'Dicoba lagi' },
      cookie,
    );
    expect(again.status).toBe(409);
  });

  it('shows personal data only to those who need it, masks the NIK, and logs every look with why', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const held = await serve(agent, { from: '081288880001' });
    const citizenUrl = `${server.url}/api/citizens/${held.caller.citizenId}`;
    const agentCookie = await signIn(server.url, 'agent1');

    const badNik = await sendJson(citizenUrl, 'PATCH', { nik: '3171' }, agentCookie);
    expect(badNik.status).toBe(400);
    expect(badNik.body.error).toMatchObject({ fields: [{ path: 'body.nik' }] });
    const verifyAsAgent = await sendJson(
      citizenUrl,
      'PATCH',
      { isSegmentVerified: true },
      agentCookie,
    );
    expect(verifyAsAgent.status).toBe(403);
    const updated = await sendJson(
      citizenUrl,
      'PATCH',
      { nik: '3171234567890123', organisation: 'Kelurahan Menteng' },
      agentCookie,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      nikMasked: '************0123',
      organisation: 'Kelurahan Menteng',
    });
    expect(JSON.stringify(updated.body)).not.toContain('3171234567890123');

    const revealed = await sendJson(
      `${citizenUrl}/reveal-nik`,
      'POST',
      { reason: 'Verifikasi data DTKS' },
      agentCookie,
    );
    expect(revealed.body).toEqual({ nik: '3171234567890123' });

    // Others: agent2 serves no contact of this citizen; the trainer has no need; a lead must say why.
    const agent2Cookie = await signIn(server.url, 'agent2');
    expect((await getJson(citizenUrl, agent2Cookie)).status).toBe(403);
    expect((await getJson(citizenUrl, await signIn(server.url, 'trainer1'))).status).toBe(403);
    const leadCookie = await signIn(server.url, 'lead1');
    const noReason = await getJson(citizenUrl, leadCookie);
    expect(noReason.status).toBe(400);
    const withReason = await getJson(
      `${citizenUrl}?reason=${encodeURIComponent('Pengaduan warga ditinjau')}`,
      leadCookie,
    );
    expect(withReason.status).toBe(200);

    const log = (await getJson(`${citizenUrl}/access-log`, leadCookie)).body as {
      entries: { viewerName: string; action: string; reason: string }[];
    };
    // Newest first; the caller panel shown when the agent took the conversation comes last.
    expect(log.entries.map((e) => [e.viewerName, e.action])).toEqual([
      ['Agus Prasetyo', 'profile'],
      ['Rina Wulandari', 'reveal_nik'],
      ['Rina Wulandari', 'update'],
      ['Rina Wulandari', 'caller_panel'],
    ]);
    expect(log.entries[1]!.reason).toContain('Verifikasi data DTKS');
    expect(log.entries[3]!.reason).toBe(`serving ${held.contact.reference}`);
    expect((await getJson(`${citizenUrl}/access-log`, agentCookie)).status).toBe(403);
  });
});

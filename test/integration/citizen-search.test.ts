import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  CitizenProfile,
  CitizenSearchResult,
  ProfileAccess,
} from '../../shared/schemas/citizen';
import type { Channel } from '../../shared/schemas/common';
import type { ConversationDetail } from '../../shared/schemas/contact';
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
  userId,
} from './harness';

const NIK = '3171234567890123';
const WHY = 'Pengaduan no. 2026/PGD/0042';

describe.each(STORAGE_MODES)(
  'citizen search and the caller panel log on %s',
  (mode: StorageMode) => {
    let server: TestServer;
    const { connect } = clientsPerTest(() => server);

    /** A citizen's first contact arrives; nobody is available, so it waits. */
    async function arrive(from: string, name: string, channel: Channel = 'whatsapp') {
      const created = await postInbound(server.url, inboundContact({ channel, from, name }));
      expect(created.status).toBe(201);
      const row = await server.app.store.db
        .selectFrom('contacts')
        .select(['citizen_id', 'reference'])
        .where('id', '=', String(created.body.contactId))
        .executeTakeFirstOrThrow();
      return { contactId: String(created.body.contactId), citizenId: row.citizen_id };
    }

    async function search(cookie: string, q: string, reason: string | null = WHY) {
      const query = new URLSearchParams({ q, ...(reason === null ? {} : { reason }) });
      return getJson(`${server.url}/api/citizens?${query.toString()}`, cookie);
    }

    async function found(cookie: string, q: string): Promise<CitizenSearchResult> {
      const answer = await search(cookie, q);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as CitizenSearchResult;
    }

    async function accessLog(cookie: string, citizenId: string): Promise<ProfileAccess[]> {
      const answer = await getJson(`${server.url}/api/citizens/${citizenId}/access-log`, cookie);
      expect(answer.status).toBe(200);
      return (answer.body as { entries: ProfileAccess[] }).entries;
    }

    async function patch(cookie: string, citizenId: string, change: Record<string, unknown>) {
      const url = `${server.url}/api/citizens/${citizenId}?reason=${encodeURIComponent(WHY)}`;
      const answer = await sendJson(url, 'PATCH', change, cookie);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as CitizenProfile;
    }

    it('finds a citizen by name, phone, e-mail, handle or whole NIK, masked, and logs every profile shown', async () => {
      server = await startServer(mode);
      const lead = await signIn(server.url, 'lead1');
      const siti = await arrive('0812-5555-0001', 'Siti Rahayu Lestari');
      const sitiN = await arrive('081255550002', 'Siti Nurhaliza', 'sms');
      const dewi = await arrive('Dewi.Kusuma@contoh.id', 'Dewi Kusuma', 'email');
      const andi = await arrive('@Andi_Siregar', 'Andi Siregar', 'social');
      // Two words starting alike: listed once.
      await arrive('081255550003', 'Siti Sitiawati');
      await patch(lead, siti.citizenId, { nik: NIK, organisation: 'Kelurahan Menteng' });

      const byFirstName = await found(lead, 'siti');
      expect(byFirstName.matchedOn).toBe('name');
      expect(byFirstName.hits.map((h) => h.name)).toEqual([
        'Siti Nurhaliza',
        'Siti Rahayu Lestari',
        'Siti Sitiawati',
      ]);
      expect((await found(lead, 'SITI rah')).hits.map((h) => h.id)).toEqual([siti.citizenId]);
      expect((await found(lead, 'lest siti')).hits.map((h) => h.id)).toEqual([siti.citizenId]);
      expect((await found(lead, 'nurhal')).hits.map((h) => h.id)).toEqual([sitiN.citizenId]);
      expect((await found(lead, 'siti budi')).hits).toEqual([]);

      const byPhone = await found(lead, '+62 812 5555 0001');
      expect(byPhone).toMatchObject({ matchedOn: 'phone', hasMore: false });
      expect(byPhone.hits).toEqual([
        {
          id: siti.citizenId,
          name: 'Siti Rahayu Lestari',
          segment: 'public',
          isSegmentVerified: false,
          organisation: 'Kelurahan Menteng',
          nikMasked: '************0123',
          addresses: [{ address: '6281255550001', kind: 'phone' }],
          contactCount: 1,
          lastContactAt: expect.any(Number) as number,
        },
      ]);
      expect((await found(lead, 'dewi.KUSUMA@contoh.id')).hits.map((h) => h.id)).toEqual([
        dewi.citizenId,
      ]);
      const byHandle = await found(lead, '@andi_siregar');
      expect(byHandle).toMatchObject({ matchedOn: 'handle', hits: [{ id: andi.citizenId }] });

      const byNik = await search(lead, '3171 2345 6789 0123');
      expect(byNik.body).toMatchObject({ matchedOn: 'nik', hits: [{ id: siti.citizenId }] });
      expect(JSON.stringify(byNik.body)).not.toContain(NIK);

      // Each profile listed is in its access log with the reason; the query (which may be a
      // whole NIK) is not.
      const sitiLog = await accessLog(lead, siti.citizenId);
      const searches = sitiLog.filter((entry) => entry.action === 'search');
      expect(searches).toHaveLength(5); // siti, siti rah, lest siti, by phone, by NIK
      expect(searches.every((e) => e.viewerName === 'Agus Prasetyo' && e.reason === WHY)).toBe(
        true,
      );
      expect(JSON.stringify(sitiLog)).not.toContain(NIK);
      const andiLog = await accessLog(lead, andi.citizenId);
      expect(andiLog.map((e) => [e.action, e.reason])).toEqual([['search', WHY]]);
    });

    it('never matches part of a NIK, and wants a reason and the right role', async () => {
      server = await startServer(mode);
      const lead = await signIn(server.url, 'lead1');
      const admin = await signIn(server.url, 'admin');
      const siti = await arrive('081255550001', 'Siti Rahayu');
      await patch(lead, siti.citizenId, { nik: NIK });

      for (let length = 6; length < 16; length++) {
        const fragments = [NIK.slice(0, length), NIK.slice(16 - length)];
        for (const fragment of fragments) {
          const answer = await found(admin, fragment);
          expect(answer.matchedOn, fragment).toBe('phone');
          expect(answer.hits, fragment).toEqual([]);
        }
      }
      for (const fragment of ['3171', '0123', `${NIK}4`]) {
        const answer = await search(admin, fragment);
        expect(answer.status, fragment).toBe(400);
        expect(answer.body).toMatchObject({
          error: { code: 'invalid_payload', fields: [{ path: 'querystring.q' }] },
        });
      }
      expect((await found(admin, NIK)).hits.map((h) => h.id)).toEqual([siti.citizenId]);

      const noReason = await search(lead, 'siti', null);
      expect(noReason.status).toBe(400);
      expect(noReason.body).toMatchObject({ error: { fields: [{ path: 'querystring.reason' }] } });
      expect((await search(lead, 'siti', 'ok')).status).toBe(400);
      expect((await search(lead, 's')).status).toBe(400);
      for (const username of ['agent1', 'trainer1', 'trainee1']) {
        const answer = await search(await signIn(server.url, username), 'siti');
        expect(answer.status, username).toBe(403);
      }
      // Searches that were refused or found nobody showed nobody, so they logged nothing.
      const log = await accessLog(lead, siti.citizenId);
      expect(log.filter((e) => e.action === 'search').map((e) => e.viewerName)).toEqual([
        'Administrator',
      ]);
    });

    it('shows at most twenty profiles and says when more matched', async () => {
      server = await startServer(mode);
      const lead = await signIn(server.url, 'lead1');
      for (let i = 0; i < 21; i++)
        await arrive(`0813000000${String(i).padStart(2, '0')}`, `Budi ${i}`);
      const many = await found(lead, 'budi');
      expect(many.hits).toHaveLength(20);
      expect(many.hasMore).toBe(true);
      expect((await found(lead, 'budi 7')).hits.map((h) => h.name)).toEqual(['Budi 7']);
    });

    it('merges two profiles through the API and search then finds only the survivor, with both histories', async () => {
      server = await startServer(mode);
      const lead = await signIn(server.url, 'lead1');
      const byPhone = await arrive('081266660001', 'Siti Rahayu');
      const byMail = await arrive('bu.siti@contoh.id', 'Ibu Siti R.', 'email');
      await patch(lead, byMail.citizenId, { nik: NIK });

      const merged = await sendJson(
        `${server.url}/api/citizens/${byPhone.citizenId}/merge`,
        'POST',
        { otherCitizenId: byMail.citizenId, reason: `${WHY}: nomor dan e-mail orang yang sama` },
        lead,
      );
      expect(merged.status).toBe(200);
      const survivor = merged.body as CitizenProfile;
      // The survivor lacked a NIK; the merged profile's fills the blank.
      expect(survivor.nikMasked).toBe('************0123');
      expect(survivor.timeline.map((c) => c.id).sort()).toEqual(
        [byPhone.contactId, byMail.contactId].sort(),
      );

      expect((await found(lead, 'siti')).hits.map((h) => h.id)).toEqual([byPhone.citizenId]);
      expect((await found(lead, 'ibu')).hits).toEqual([]);
      const byMailAddress = await found(lead, 'bu.siti@contoh.id');
      expect(byMailAddress.hits).toMatchObject([
        {
          id: byPhone.citizenId,
          contactCount: 2,
          addresses: [
            { address: '6281266660001', kind: 'phone' },
            { address: 'bu.siti@contoh.id', kind: 'email' },
          ],
        },
      ]);
      expect((await found(lead, NIK)).hits.map((h) => h.id)).toEqual([byPhone.citizenId]);
      // A renamed profile is found by its new name only.
      await patch(lead, byPhone.citizenId, { name: 'Siti Aminah' });
      expect((await found(lead, 'aminah')).hits.map((h) => h.id)).toEqual([byPhone.citizenId]);
      expect((await found(lead, 'rahayu')).hits).toEqual([]);

      // Two profiles with different NIKs are two people.
      const other = await arrive('081266660009', 'Siti Rahayu');
      await patch(lead, other.citizenId, { nik: '3171999999990001' });
      const refused = await sendJson(
        `${server.url}/api/citizens/${byPhone.citizenId}/merge`,
        'POST',
        { otherCitizenId: other.citizenId, reason: `${WHY}: nama sama` },
        lead,
      );
      expect(refused.status).toBe(409);
      expect((await found(lead, 'siti')).hits.map((h) => h.id).sort()).toEqual(
        [byPhone.citizenId, other.citizenId].sort(),
      );

      // One person's processing trail follows their merges, at any depth, each merge once.
      const third = await arrive('081266660077', 'Siti A.');
      const again = await sendJson(
        `${server.url}/api/citizens/${third.citizenId}/merge`,
        'POST',
        { otherCitizenId: byPhone.citizenId, reason: `${WHY}: nomor kantor` },
        lead,
      );
      expect(again.status).toBe(200);
      const trail = await accessLog(lead, third.citizenId);
      expect(trail.filter((e) => e.action === 'merge').map((e) => e.reason)).toEqual([
        `${byPhone.citizenId} → ${third.citizenId}: ${WHY}: nomor kantor`,
        `${byMail.citizenId} → ${byPhone.citizenId}: ${WHY}: nomor dan e-mail orang yang sama`,
      ]);
      // The NIK was recorded on the e-mail profile, two merges ago.
      expect(trail.some((e) => e.action === 'update' && e.reason === `${WHY}: nik`)).toBe(true);
      // Merged-away profiles keep their own trail, not the survivor's later entries.
      const mailTrail = await accessLog(lead, byMail.citizenId);
      expect(mailTrail.some((e) => e.reason.includes(third.citizenId))).toBe(false);
    });

    describe('the caller panel', () => {
      async function serve(agent: TestClient, from: string): Promise<ConversationDetail> {
        const created = await postInbound(server.url, inboundContact({ from, topic: 'umum' }));
        const offer = await agent.next(
          'offer:created',
          (o) => o.contact.id === created.body.contactId,
        );
        return agent.sendOk('offer:accept', { offerId: offer.id });
      }

      async function panelViews(citizenId: string) {
        return server.app.store.db
          .selectFrom('profile_views')
          .innerJoin('users', 'users.id', 'profile_views.viewer_id')
          .select(['users.username', 'profile_views.contact_id', 'profile_views.reason'])
          .where('profile_views.citizen_id', '=', citizenId)
          .where('profile_views.action', '=', 'caller_panel')
          .orderBy('profile_views.at')
          .orderBy('users.username')
          .execute();
      }

      it('is logged once per conversation for the agent serving it and a lead opening it, however often it is read', async () => {
        server = await startServer(mode);
        const agent = await connect('agent1');
        await agent.sendOk('agent:set-status', { status: 'available' });
        const first = await serve(agent, '081277770001');
        const { citizenId } = first.caller;
        // Logged before the accept was acknowledged.
        expect(await panelViews(citizenId)).toEqual([
          {
            username: 'agent1',
            contact_id: first.contact.id,
            reason: `serving ${first.contact.reference}`,
          },
        ]);

        const agentCookie = await signIn(server.url, 'agent1');
        for (let i = 0; i < 3; i++) {
          const desk = await getJson(`${server.url}/api/desk`, agentCookie);
          expect(desk.status).toBe(200);
          const detail = await getJson(
            `${server.url}/api/contacts/${first.contact.id}`,
            agentCookie,
          );
          expect(detail.body).toMatchObject({ caller: { address: '6281277770001' } });
        }
        const lead = await signIn(server.url, 'lead1');
        await Promise.all(
          [1, 2, 3].map(() => getJson(`${server.url}/api/contacts/${first.contact.id}`, lead)),
        );
        expect(await panelViews(citizenId)).toEqual([
          {
            username: 'agent1',
            contact_id: first.contact.id,
            reason: `serving ${first.contact.reference}`,
          },
          {
            username: 'lead1',
            contact_id: first.contact.id,
            reason: `supervising ${first.contact.reference}`,
          },
        ]);

        // The next conversation with the same citizen is another look at the profile.
        await agent.sendOk('outcome:log', {
          commandId: randomUUID(),
          contactId: first.contact.id,
          wrapupCode: 'answered',
          notes: '',
        });
        await agent.sendOk('agent:set-status', { status: 'available' });
        const second = await serve(agent, '0812-7777-0001');
        expect(second.caller.citizenId).toBe(citizenId);
        expect(second.caller.previousContacts.map((c) => c.id)).toEqual([first.contact.id]);
        const views = await panelViews(citizenId);
        expect(views).toHaveLength(3);
        expect(views[2]).toEqual({
          username: 'agent1',
          contact_id: second.contact.id,
          reason: `serving ${second.contact.reference}`,
        });
        const log = await accessLog(lead, citizenId);
        expect(log.filter((e) => e.action === 'caller_panel')).toHaveLength(3);
      });

      it('is withheld from a trainer watching a trainee (nothing to log), and logged for an agent it is reassigned to', async () => {
        server = await startServer(mode);
        const trainee = await connect('trainee1');
        const trainer = await connect('trainer1');
        const agent2 = await connect('agent2');
        const lead = await connect('lead1');
        const traineeId = await userId(server, 'trainee1');
        await trainer.sendOk('monitor:start', { agentId: traineeId });
        await lead.sendOk('monitor:start', { agentId: traineeId });
        await trainee.sendOk('agent:set-status', { status: 'available' });

        const held = await serve(trainee, '081288880001');
        expect(held.caller).toMatchObject({ address: '6281288880001' });
        expect(held.caller.isProfileWithheld).not.toBe(true);
        for (const watcher of [trainer, lead]) {
          const mirrored = await watcher.next(
            'conversation:assigned',
            (f) => f.conversation.contact.id === held.contact.id,
          );
          expect(mirrored.conversation.caller).toEqual({
            citizenId: held.caller.citizenId,
            name: 'Siti Rahayu',
            segment: 'public',
            isSegmentVerified: false,
            address: null,
            organisation: null,
            nikMasked: null,
            previousContacts: [],
            isProfileWithheld: true,
          });
        }
        const snapshot = await trainer.sendOk('monitor:start', { agentId: traineeId });
        expect(snapshot.conversations[0]?.caller).toMatchObject({
          address: null,
          isProfileWithheld: true,
        });
        const trainerCookie = await signIn(server.url, 'trainer1');
        const asTrainer = await getJson(
          `${server.url}/api/contacts/${held.contact.id}`,
          trainerCookie,
        );
        expect(asTrainer.body).toMatchObject({
          caller: { address: null, isProfileWithheld: true },
        });
        expect((await panelViews(held.caller.citizenId)).map((v) => v.username)).toEqual([
          'trainee1',
        ]);

        await agent2.sendOk('agent:set-status', { status: 'available' });
        await lead.sendOk('conversation:reassign', {
          commandId: randomUUID(),
          contactId: held.contact.id,
          toAgentId: await userId(server, 'agent2'),
          reason: 'Penanya meminta petugas senior',
        });
        const moved = await agent2.next(
          'conversation:assigned',
          (f) => f.conversation.contact.id === held.contact.id,
        );
        expect(moved.conversation.caller.address).toBe('6281288880001');
        expect(await panelViews(held.caller.citizenId)).toEqual([
          {
            username: 'trainee1',
            contact_id: held.contact.id,
            reason: `serving ${held.contact.reference}`,
          },
          {
            username: 'agent2',
            contact_id: held.contact.id,
            reason: `serving ${held.contact.reference}`,
          },
        ]);
      });
    });
  },
);

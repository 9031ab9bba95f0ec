import { describe, expect, it } from 'vitest';
import type { AnswerDetail } from '../../shared/schemas/knowledge';
import type {
  MyNotice,
  MyNotices,
  PublicationNotice,
  ReadershipList,
} from '../../shared/schemas/publication';
import type { StorageMode, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  getJson,
  sendJson,
  signIn,
  sleep,
  startServer,
  userId,
} from './harness';

const DAY = 24 * 60 * 60 * 1000;

function draft(title: string) {
  return {
    topic: 'bansos',
    unitId: 'pusat-kontak',
    title,
    body: 'Keluarga penerima PKH wajib memperbarui data di DTSEN melalui dinas sosial setempat.',
    summary: 'Perbarui data DTSEN di dinas sosial agar PKH tetap diterima.',
    sourceDocument: 'Permensos 1/2018',
    sourceArticle: 'Pasal 5',
    effectiveFrom: Date.now() - DAY,
  };
}

describe.each(STORAGE_MODES)('publication notices on %s', (mode: StorageMode) => {
  let server: TestServer | undefined;
  const { connect } = clientsPerTest(() => server);
  const cookies: Record<string, string> = {};

  async function start(): Promise<TestServer> {
    server = await startServer(mode);
    for (const user of ['agent1', 'agent2', 'trainee1', 'trainer1', 'lead1', 'admin']) {
      cookies[user] = await signIn(server.url, user);
    }
    return server;
  }

  function url(path: string): string {
    return `${server!.url}${path}`;
  }

  /** trainer1 writes an answer and sends it for review; returns its id. */
  async function answerInReview(title: string): Promise<string> {
    const created = await sendJson(url('/api/knowledge'), 'POST', draft(title), cookies.trainer1);
    expect(created.status).toBe(200);
    const id = (created.body as unknown as AnswerDetail).id;
    const submitted = await sendJson(
      url(`/api/knowledge/${id}/versions/1/submit`),
      'POST',
      {},
      cookies.trainer1,
    );
    expect(submitted.status).toBe(200);
    return id;
  }

  function publish(id: string, reviewer: string, body: Record<string, unknown> = {}) {
    return sendJson(
      url(`/api/knowledge/${id}/versions/1/publish`),
      'POST',
      body,
      cookies[reviewer],
    );
  }

  async function mine(user: string): Promise<MyNotice[]> {
    const { status, body } = await getJson(url('/api/notices/mine'), cookies[user]);
    expect(status).toBe(200);
    return (body as MyNotices).notices;
  }

  async function readership(user: string) {
    const { status, body } = await getJson(url('/api/notices/readership'), cookies[user]);
    expect(status).toBe(200);
    return (body as ReadershipList).notices;
  }

  it('pushes a publication to two agents at once; must-read stays until acknowledged, and the lead sees who has read it, live', async () => {
    await start();
    const [agent1, agent2, lead, trainer] = await Promise.all([
      connect('agent1'),
      connect('agent2'),
      connect('lead1'),
      connect('trainer1'),
    ]);
    const id = await answerInReview('Syarat PKH setelah pemutakhiran DTSEN');

    const published = await publish(id, 'lead1', { note: 'Wajib terdaftar di DTSEN.' });
    expect(published.status).toBe(200);
    const isThis = (n: PublicationNotice) => n.itemId === id;
    const [seen1, seen2, seenByLead, seenByTrainer] = await Promise.all([
      agent1.next('notice:published', isThis),
      agent2.next('notice:published', isThis),
      lead.next('notice:published', isThis),
      trainer.next('notice:published', isThis),
    ]);
    expect(seen1).toMatchObject({
      kind: 'answer',
      itemId: id,
      version: 1,
      title: 'Syarat PKH setelah pemutakhiran DTSEN',
      topic: 'bansos',
      whatChanged: 'Wajib terdaftar di DTSEN.',
      publishedByName: 'Agus Prasetyo',
      mustRead: false,
      revision: 0,
    });
    expect(seen2).toEqual(seen1);
    expect(seenByLead).toEqual(seen1);
    expect(seenByTrainer).toEqual(seen1);
    const noticeId = seen1.id;

    // Not must-read: on the desk (dismissible there), nobody is waited on.
    expect((await mine('agent1')).find((n) => n.id === noticeId)).toMatchObject({
      mustRead: false,
      acknowledgedAt: null,
    });

    // Only an administrator marks it must-read afterwards; every agent is told at once.
    const mark = (user: string, body: unknown = { mustRead: true }) =>
      sendJson(url(`/api/notices/${noticeId}/must-read`), 'PUT', body, cookies[user]);
    expect((await mark('lead1')).status).toBe(403);
    expect((await mark('agent1')).status).toBe(403);
    const marked = await mark('admin');
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: noticeId, mustRead: true, revision: 1 });
    const isMarked = (n: PublicationNotice) => n.id === noticeId && n.mustRead;
    await Promise.all([
      agent1.next('notice:changed', isMarked),
      agent2.next('notice:changed', isMarked),
      lead.next('notice:changed', isMarked),
    ]);
    // Marking again changes nothing and tells nobody again.
    expect((await mark('admin')).body).toMatchObject({ revision: 1 });

    const before = (await readership('lead1')).find((n) => n.id === noticeId)!;
    expect(before.mustRead).toBe(true);
    expect(before.readers.map((r) => [r.displayName, r.acknowledgedAt])).toEqual([
      ['Budi Santoso', null],
      ['Dewi Lestari', null],
      ['Rina Wulandari', null],
    ]);

    const acknowledge = (user: string, notice = noticeId) =>
      sendJson(url(`/api/notices/${notice}/acknowledge`), 'POST', {}, cookies[user]);
    const acked = await acknowledge('agent1');
    expect(acked.status).toBe(200);
    const acknowledgedAt = (acked.body as unknown as MyNotice).acknowledgedAt;
    expect(acknowledgedAt).toEqual(expect.any(Number));
    const agent1Id = await userId(server!, 'agent1');
    const live = await lead.next('notice:acknowledged', (f) => f.noticeId === noticeId);
    expect(live).toEqual({
      noticeId,
      agentId: agent1Id,
      agentName: 'Rina Wulandari',
      acknowledgedAt,
    });
    // The agent's own other tabs drop the banner; another agent is not told who has read what.
    await agent1.next('notice:acknowledged', (f) => f.noticeId === noticeId);
    await sleep(150);
    expect(agent2.has('notice:acknowledged')).toBe(false);
    expect(trainer.has('notice:acknowledged')).toBe(false);

    // Acknowledging twice keeps the first moment and tells nobody again.
    await sleep(5);
    const again = await acknowledge('agent1');
    expect(again.status).toBe(200);
    expect((again.body as unknown as MyNotice).acknowledgedAt).toBe(acknowledgedAt);
    await sleep(150);
    expect(lead.has('notice:acknowledged', (f) => f.noticeId === noticeId)).toBe(false);

    const after = (await readership('lead1')).find((n) => n.id === noticeId)!;
    expect(after.readers.map((r) => [r.displayName, r.acknowledgedAt])).toEqual([
      ['Rina Wulandari', acknowledgedAt],
      ['Budi Santoso', null],
      ['Dewi Lestari', null],
    ]);

    // Agent 2 reconnects: the must-read notice is still waiting for them, read from the database.
    agent2.close();
    const agent2Again = await connect('agent2');
    expect(agent2Again.socket.connected).toBe(true);
    expect((await mine('agent2')).find((n) => n.id === noticeId)).toMatchObject({
      mustRead: true,
      acknowledgedAt: null,
    });
    expect((await mine('agent1')).find((n) => n.id === noticeId)).toMatchObject({
      acknowledgedAt,
    });

    // And after the server restarts.
    await server!.stop();
    server = await startServer(mode, { storageOf: server });
    const agent2Cookie = await signIn(server.url, 'agent2');
    const restarted = await getJson(url('/api/notices/mine'), agent2Cookie);
    expect((restarted.body as MyNotices).notices.find((n) => n.id === noticeId)).toMatchObject({
      mustRead: true,
      acknowledgedAt: null,
    });
  });

  it('lets an administrator publish a change as must-read at once, and nobody else', async () => {
    await start();
    const agent1 = await connect('agent1');
    const id = await answerInReview('Jadwal penyaluran PKH tahap kedua');

    const byLead = await publish(id, 'lead1', { mustRead: true });
    expect(byLead.status).toBe(403);
    // Refused as a whole: still in review, and nothing announced.
    const detail = await getJson(url(`/api/knowledge/${id}`), cookies.trainer1);
    expect((detail.body as AnswerDetail).versions[0]!.status).toBe('review');
    expect((await readership('admin')).some((n) => n.itemId === id)).toBe(false);

    const byAdmin = await publish(id, 'admin', { mustRead: true, note: 'Tahap kedua maju.' });
    expect(byAdmin.status).toBe(200);
    const notice = await agent1.next('notice:published', (n) => n.itemId === id);
    expect(notice).toMatchObject({ mustRead: true, whatChanged: 'Tahap kedua maju.' });
    expect(agent1.has('notice:published', (n) => n.itemId === id)).toBe(false);

    // A must-read notice stays on the desk whatever its age until acknowledged.
    await server!.app.store.db
      .updateTable('publication_notices')
      .set({ published_at: Date.now() - 30 * DAY })
      .where('id', '=', notice.id)
      .execute();
    expect((await mine('agent1')).map((n) => n.id)).toContain(notice.id);
    await sendJson(url(`/api/notices/${notice.id}/acknowledge`), 'POST', {}, cookies.agent1);
    expect((await mine('agent1')).map((n) => n.id)).not.toContain(notice.id);
    expect((await mine('agent2')).map((n) => n.id)).toContain(notice.id);

    // A retired version's notice stays history; publishing v2 announces v2.
    const v2 = await sendJson(
      url(`/api/knowledge/${id}/versions`),
      'POST',
      { ...draft('Jadwal penyaluran PKH tahap kedua (revisi)'), topic: undefined },
      cookies.trainer1,
    );
    expect(v2.status).toBe(200);
    await sendJson(url(`/api/knowledge/${id}/versions/2/submit`), 'POST', {}, cookies.trainer1);
    const published2 = await sendJson(
      url(`/api/knowledge/${id}/versions/2/publish`),
      'POST',
      {},
      cookies.lead1,
    );
    expect(published2.status).toBe(200);
    expect(
      await agent1.next('notice:published', (n) => n.itemId === id && n.version === 2),
    ).toMatchObject({ title: 'Jadwal penyaluran PKH tahap kedua (revisi)', mustRead: false });
  });

  it('keeps roles apart and answers bad input with 400 naming the field', async () => {
    await start();
    const id = await answerInReview('Pengaduan PKH yang tidak cair');
    expect((await publish(id, 'lead1')).status).toBe(200);
    const noticeId = (await readership('admin')).find((n) => n.itemId === id)!.id;

    // Agents alone have a desk of notices and acknowledge; leads and admins alone see readership.
    expect((await getJson(url('/api/notices/mine'), cookies.lead1)).status).toBe(403);
    expect((await getJson(url('/api/notices/mine'))).status).toBe(401);
    expect((await getJson(url('/api/notices/readership'), cookies.agent1)).status).toBe(403);
    expect((await getJson(url('/api/notices/readership'), cookies.trainer1)).status).toBe(403);
    const ack = (user: string | undefined, notice = noticeId) =>
      sendJson(url(`/api/notices/${notice}/acknowledge`), 'POST', {}, user && cookies[user]);
    expect((await ack('lead1')).status).toBe(403);
    expect((await ack('trainer1')).status).toBe(403);
    expect((await ack(undefined)).status).toBe(401);
    expect((await ack('agent1', 'no-such-notice')).status).toBe(404);
    expect((await readership('admin')).find((n) => n.id === noticeId)!.readers).toSatisfy(
      (readers: { acknowledgedAt: number | null }[]) =>
        readers.every((r) => r.acknowledgedAt === null),
    );

    const mark = (body: unknown, notice = noticeId) =>
      sendJson(url(`/api/notices/${notice}/must-read`), 'PUT', body, cookies.admin);
    const notBoolean = await mark({ mustRead: 'yes' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.error).toMatchObject({
      code: 'invalid_payload',
      fields: [expect.objectContaining({ path: 'body.mustRead' })],
    });
    expect((await mark({})).status).toBe(400);
    expect((await mark({ mustRead: true }, 'no-such-notice')).status).toBe(404);
    expect((await readership('admin')).find((n) => n.id === noticeId)!.mustRead).toBe(false);

    const other = await answerInReview('Pengaduan PKH lewat aplikasi');
    const badPublish = await publish(other, 'admin', { mustRead: 'please' });
    expect(badPublish.status).toBe(400);
    expect(JSON.stringify(badPublish.body)).toContain('body.mustRead');
    expect((await readership('admin')).some((n) => n.itemId === other)).toBe(false);
  });

  it("shows a lead their own team's agents, and tells only them", async () => {
    await start();
    const db = server!.app.store.db;
    // The demo's second team (lead2, agent3, agent4); agent2 moves to it.
    await db
      .updateTable('users')
      .set({ team_id: 'team-layanan-2' })
      .where('username', '=', 'agent2')
      .execute();
    cookies.lead2 = await signIn(server!.url, 'lead2');
    const [lead1Socket, lead2Socket] = await Promise.all([connect('lead1'), connect('lead2')]);

    const id = await answerInReview('Bantuan PKH untuk lansia');
    await publish(id, 'admin', { mustRead: true });
    const names = async (user: string) =>
      (await readership(user))
        .find((n) => n.itemId === id)!
        .readers.map((r) => r.displayName)
        .sort();
    expect(await names('lead1')).toEqual(['Dewi Lestari', 'Rina Wulandari']);
    expect(await names('lead2')).toEqual(['Budi Santoso', 'Nur Aini', 'Yohanes Manurung']);
    expect(await names('admin')).toEqual([
      'Budi Santoso',
      'Dewi Lestari',
      'Nur Aini',
      'Rina Wulandari',
      'Yohanes Manurung',
    ]);

    const noticeId = (await readership('admin')).find((n) => n.itemId === id)!.id;
    await sendJson(url(`/api/notices/${noticeId}/acknowledge`), 'POST', {}, cookies.agent2);
    await lead2Socket.next('notice:acknowledged', (f) => f.noticeId === noticeId);
    await sleep(150);
    expect(lead1Socket.has('notice:acknowledged')).toBe(false);
  });
});

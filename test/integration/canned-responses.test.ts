import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CannedResponse, CannedResponseList } from '../../shared/schemas/canned-response';
import type { StorageMode, TestServer } from './harness';
import { STORAGE_MODES, getJson, sendJson, signIn, startServer } from './harness';

describe.each(STORAGE_MODES)('canned responses on %s', (mode: StorageMode) => {
  let server: TestServer;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer(mode);
    for (const user of ['agent1', 'trainer1', 'lead1', 'admin']) {
      cookies[user] = await signIn(server.url, user);
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  const url = (path = '') => `${server.url}/api/canned-responses${path}`;

  async function list(user: string, query = ''): Promise<CannedResponse[]> {
    const { status, body } = await getJson(url(query), cookies[user]);
    expect(status).toBe(200);
    return (body as CannedResponseList).responses;
  }

  it('lists the seeded responses to agents with the variables each uses', async () => {
    const responses = await list('agent1');
    expect(responses.length).toBeGreaterThanOrEqual(10);
    const closing = responses.find((r) => r.code === 'penutup');
    expect(closing).toMatchObject({
      status: 'active',
      variables: ['caller.name', 'reference'],
      updatedByName: expect.any(String),
    });
    expect(responses.map((r) => r.code)).toEqual([...responses.map((r) => r.code)].sort());
    expect((await getJson(url())).status).toBe(401);
  });

  it('lets administrators and trainers write, change, retire and restore; nobody else', async () => {
    const body = {
      code: 'Sudah-Cair',
      title: 'Bantuan sudah cair',
      text: 'Bantuan untuk {caller.name} sudah cair pada {tanggal.cair}.',
      topic: 'bansos',
    };
    for (const user of ['agent1', 'lead1']) {
      expect((await sendJson(url(), 'POST', body, cookies[user])).status).toBe(403);
    }
    const created = await sendJson(url(), 'POST', body, cookies.trainer1);
    expect(created.status).toBe(200);
    const response = created.body as unknown as CannedResponse;
    // Codes are kept in lower case: the agent types them without thinking of capitals.
    expect(response).toMatchObject({
      code: 'sudah-cair',
      topic: 'bansos',
      status: 'active',
      variables: ['caller.name', 'tanggal.cair'],
    });
    expect((await list('agent1')).map((r) => r.id)).toContain(response.id);

    const duplicate = await sendJson(url(), 'POST', { ...body, title: 'Lagi' }, cookies.admin);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ fields: [{ path: 'body.code' }] });

    const changed = await sendJson(
      url(`/${response.id}`),
      'PUT',
      { ...body, text: 'Bantuan sudah cair pada {tanggal.cair}.', topic: null },
      cookies.admin,
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ topic: null, variables: ['tanggal.cair'] });
    expect((await sendJson(url(`/${response.id}`), 'PUT', body, cookies.agent1)).status).toBe(403);

    expect((await sendJson(url(`/${response.id}/retire`), 'POST', {}, cookies.lead1)).status).toBe(
      403,
    );
    const retired = await sendJson(url(`/${response.id}/retire`), 'POST', {}, cookies.trainer1);
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired' });
    expect((await sendJson(url(`/${response.id}/retire`), 'POST', {}, cookies.admin)).status).toBe(
      409,
    );
    expect((await list('agent1')).map((r) => r.id)).not.toContain(response.id);
    // Agents never see retired ones, even when asking; managers do.
    expect((await list('agent1', '?includeRetired=true')).map((r) => r.id)).not.toContain(
      response.id,
    );
    expect((await list('admin', '?includeRetired=true')).map((r) => r.id)).toContain(response.id);

    // The code is free again once retired; restoring the old one then collides.
    const successor = await sendJson(url(), 'POST', body, cookies.admin);
    expect(successor.status).toBe(200);
    const restore = await sendJson(url(`/${response.id}/restore`), 'POST', {}, cookies.admin);
    expect(restore.status).toBe(409);
    const successorId = (successor.body as unknown as CannedResponse).id;
    await sendJson(url(`/${successorId}/retire`), 'POST', {}, cookies.admin);
    const restored = await sendJson(url(`/${response.id}/restore`), 'POST', {}, cookies.admin);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'active' });
    expect((await sendJson(url('/tidak-ada/retire'), 'POST', {}, cookies.admin)).status).toBe(404);
  });

  it('answers 400 naming each bad field, and changes nothing', async () => {
    const before = await list('admin', '?includeRetired=true');
    const bad = await sendJson(
      url(),
      'POST',
      { code: 'x', title: 'ab', text: '   ', topic: 'bansos' },
      cookies.admin,
    );
    expect(bad.status).toBe(400);
    const paths = (bad.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.title', 'body.text']));
    const unknownTopic = await sendJson(
      url(),
      'POST',
      { code: 'topik-asing', title: 'Topik asing', text: 'Halo.', topic: 'tidak-ada' },
      cookies.admin,
    );
    expect(unknownTopic.status).toBe(400);
    expect(unknownTopic.body.error).toMatchObject({ fields: [{ path: 'body.topic' }] });
    expect(await list('admin', '?includeRetired=true')).toEqual(before);
  });

  it('gives a code to one of two administrators saving it at once', async () => {
    const body = { code: 'balapan', title: 'Dua penyimpan', text: 'Halo {caller.name}.' };
    const both = await Promise.all([
      sendJson(url(), 'POST', body, cookies.admin),
      sendJson(url(), 'POST', body, cookies.trainer1),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await list('agent1')).filter((r) => r.code === 'balapan')).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScriptDefinition } from '../../shared/domain/guided-script';
import type { ConversationDetail } from '../../shared/schemas/contact';
import type { ScriptList, ScriptVersionView } from '../../shared/schemas/script';
import type { ScriptPublished } from '../../server/modules/scripts/editor-service';
import type { StorageMode, TestServer } from './harness';
import {
  STORAGE_MODES,
  TestClient,
  getJson,
  inboundContact,
  postInbound,
  sendJson,
  signIn,
  startServer,
} from './harness';

/** A second opening question: the citizen calls for themselves or for someone else. */
function withBranch(definition: ScriptDefinition, greeting: string): ScriptDefinition {
  const [opening, ...rest] = definition.steps;
  return {
    startStepId: opening!.id,
    steps: [
      { ...opening!, text: greeting, next: 'untuk-siapa' },
      {
        id: 'untuk-siapa',
        title: 'Untuk siapa?',
        text: 'Apakah pertanyaan ini untuk Bapak/Ibu sendiri atau untuk keluarga?',
        options: [
          { id: 'sendiri', label: 'Untuk diri sendiri', next: opening!.next ?? null },
          { id: 'keluarga', label: 'Untuk keluarga', next: opening!.next ?? null },
        ],
      },
      ...rest,
    ],
  };
}

const SHORT_SCRIPT: ScriptDefinition = {
  startStepId: 'salam',
  steps: [
    { id: 'salam', title: 'Salam', text: 'Selamat pagi, {caller.name}.', next: 'penutup' },
    { id: 'penutup', title: 'Penutup', text: 'Nomor Anda {reference}.', next: null },
  ],
};

describe.each(STORAGE_MODES)('script editor on %s', (mode: StorageMode) => {
  let server: TestServer;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer(mode, { env: { OFFER_TIMEOUT_MS: '60000' } });
    for (const user of ['agent1', 'lead1', 'trainer1', 'admin', 'unit-sulsel']) {
      cookies[user] = await signIn(server.url, user);
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  /**
   * A PUT saves the way the editor does, from the version as it stands now, unless the body
   * names its own `baseUpdatedAt`.
   */
  async function act(
    user: string,
    path: string,
    body: Record<string, unknown> = {},
    method: 'POST' | 'PUT' = 'POST',
  ) {
    if (method === 'PUT' && body.baseUpdatedAt === undefined) {
      const current = await read('trainer1', path);
      const baseUpdatedAt =
        current.status === 200 ? (current.body as ScriptVersionView).version.updatedAt : 0;
      body = { ...body, baseUpdatedAt };
    }
    return sendJson(`${server.url}/api/scripts${path}`, method, body, cookies[user]);
  }
  async function read(user: string, path = '') {
    return getJson(`${server.url}/api/scripts${path}`, cookies[user]);
  }
  async function bansosVersions(user: string): Promise<[number, string][]> {
    const { status, body } = await read(user, '?topic=bansos');
    expect(status).toBe(200);
    const [script] = (body as ScriptList).scripts;
    return script!.versions.map((v) => [v.version, v.status]);
  }

  it('lets trainers and administrators draft, publish and retire; others read what agents are given', async () => {
    expect((await read('unit-sulsel')).status).toBe(403);
    expect((await getJson(`${server.url}/api/scripts`)).status).toBe(401);
    const asAgent = (await read('agent1')).body as ScriptList;
    expect(asAgent.scripts.find((s) => s.topic === 'bansos')).toMatchObject({
      id: 'script-bansos',
      queueIds: expect.arrayContaining(['q-bansos-suara', 'q-bansos-digital']),
      versions: [{ version: 1, status: 'published' }],
    });
    const byQueue = (await read('lead1', '?queueId=q-bansos-digital')).body as ScriptList;
    expect(byQueue.scripts.map((s) => s.id)).toEqual(['script-bansos']);

    for (const user of ['agent1', 'lead1']) {
      expect((await act(user, '/script-bansos/versions')).status).toBe(403);
      expect((await act(user, '/script-bansos/versions/1/retire')).status).toBe(403);
      expect(
        (await act(user, '', { topic: 'bansos', title: 'Baru', definition: SHORT_SCRIPT })).status,
      ).toBe(403);
    }

    const started = await act('trainer1', '/script-bansos/versions');
    expect(started.status).toBe(200);
    const draft = started.body as unknown as ScriptVersionView;
    const v1 = (await read('agent1', '/script-bansos/versions/1')).body as ScriptVersionView;
    expect(draft.version).toMatchObject({
      version: 2,
      status: 'draft',
      authorName: 'Maria Simanjuntak',
      publishedAt: null,
    });
    expect(draft.version.definition).toEqual(v1.version.definition);
    expect((await act('admin', '/script-bansos/versions')).status).toBe(409);

    // A draft is work in progress: only editors see it.
    expect((await read('agent1', '/script-bansos/versions/2')).status).toBe(403);
    expect((await read('lead1', '/script-bansos/versions/2')).status).toBe(403);
    expect(await bansosVersions('lead1')).toEqual([[1, 'published']]);
    expect(await bansosVersions('trainer1')).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);

    const definition = withBranch(v1.version.definition, 'Selamat datang, {caller.name}.');
    expect(
      (await act('lead1', '/script-bansos/versions/2', { title: 'Bansos v2', definition }, 'PUT'))
        .status,
    ).toBe(403);
    const edited = await act(
      'trainer1',
      '/script-bansos/versions/2',
      { title: 'Bansos v2', definition },
      'PUT',
    );
    expect(edited.status).toBe(200);
    expect((edited.body as unknown as ScriptVersionView).version.definition).toEqual(definition);

    const published = await act('admin', '/script-bansos/versions/2/publish');
    expect(published.status).toBe(200);
    const after = published.body as unknown as ScriptVersionView;
    expect(after.version).toMatchObject({
      status: 'published',
      title: 'Bansos v2',
      publishedByName: 'Administrator',
      publishedAt: expect.any(Number),
    });
    expect(after.script.versions.find((v) => v.version === 1)).toMatchObject({
      status: 'retired',
      retiredByName: 'Administrator',
      retiredAt: after.version.publishedAt,
    });

    // Only a draft changes; a version moves forward once.
    expect(
      (await act('trainer1', '/script-bansos/versions/2', { title: 'Lagi', definition }, 'PUT'))
        .status,
    ).toBe(409);
    expect((await act('admin', '/script-bansos/versions/2/publish')).status).toBe(409);
    expect((await act('admin', '/script-bansos/versions/1/retire')).status).toBe(409);
    expect((await act('admin', '/script-bansos/versions/1/publish')).status).toBe(409);

    const retired = await act('trainer1', '/script-bansos/versions/2/retire');
    expect(retired.status).toBe(200);
    expect((retired.body as unknown as ScriptVersionView).version).toMatchObject({
      status: 'retired',
      retiredByName: 'Maria Simanjuntak',
    });
    expect(await bansosVersions('agent1')).toEqual([
      [2, 'retired'],
      [1, 'retired'],
    ]);
    // With nothing published, the next draft starts from the latest version.
    const again = (await act('trainer1', '/script-bansos/versions'))
      .body as unknown as ScriptVersionView;
    expect(again.version).toMatchObject({ version: 3, status: 'draft', title: 'Bansos v2' });
    expect((await act('trainer1', '/script-bansos/versions/3/publish')).status).toBe(200);

    for (const path of ['/nope/versions/1', '/script-bansos/versions/9']) {
      expect((await read('trainer1', path)).status).toBe(404);
      expect((await act('admin', `${path}/publish`)).status).toBe(404);
      expect((await act('trainer1', path, { title: 'Tidak ada', definition }, 'PUT')).status).toBe(
        404,
      );
    }
    expect((await act('trainer1', '/nope/versions')).status).toBe(404);
  });

  it("creates a topic's script once, as a draft", async () => {
    await server.app.store.db
      .insertInto('topics')
      .values({ code: 'pengaduan', label_id: 'Pengaduan layanan', label_en: 'Service complaints' })
      .execute();
    const body = { topic: 'pengaduan', title: 'Pengaduan layanan', definition: SHORT_SCRIPT };
    const created = await act('trainer1', '', body);
    expect(created.status).toBe(200);
    const view = created.body as unknown as ScriptVersionView;
    expect(view.script).toMatchObject({ topic: 'pengaduan', queueIds: [] });
    expect(view.version).toMatchObject({ version: 1, status: 'draft', definition: SHORT_SCRIPT });
    // Agents never see a script that has only a draft.
    const asAgent = (await read('agent1', '?topic=pengaduan')).body as ScriptList;
    expect(asAgent.scripts).toEqual([]);
    expect((await act('admin', '', body)).status).toBe(409);
    const unknown = await act('admin', '', { ...body, topic: 'astrologi' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ fields: [{ path: 'body.topic' }] });
    expect((await read('admin', '?queueId=q-nowhere')).status).toBe(400);
  });

  it('refuses a definition with problems, naming the step and the field', async () => {
    const draft = (await act('trainer1', '/script-kesehatan/versions'))
      .body as unknown as ScriptVersionView;
    const path = `/script-kesehatan/versions/${draft.version.version}`;
    const { definition } = draft.version;
    const save = (changed: ScriptDefinition, title = 'Kesehatan') =>
      act('trainer1', path, { title, definition: changed }, 'PUT');
    const fieldsOf = (response: { body: Record<string, unknown> }) =>
      (response.body.error as { fields: { path: string; message: string }[] }).fields;

    const lostBranch = withBranch(definition, 'Halo {caller.name}.');
    lostBranch.steps[1]!.options![1]!.next = 'tidak-ada';
    const dangling = await save(lostBranch);
    expect(dangling.status).toBe(400);
    expect(fieldsOf(dangling)).toEqual([
      {
        path: 'body.definition.steps.1.options.1.next',
        message: expect.stringContaining('step "untuk-siapa" leads to "tidak-ada"'),
      },
    ]);

    const typo = structuredClone(definition);
    typo.steps[0]!.text = 'Halo {caller.nama}.';
    typo.steps[1]!.plainText = { public: 'Untuk {pemanggil}.' };
    const variables = fieldsOf(await save(typo));
    expect(variables.map((f) => f.path)).toEqual([
      'body.definition.steps.0.text',
      'body.definition.steps.1.plainText.public',
    ]);
    expect(variables[0]!.message).toContain('{caller.nama}');

    const island = structuredClone(definition);
    island.steps.push({ id: 'pulau', title: 'Pulau', text: 'Tidak terjangkau.', next: null });
    const unreachable = fieldsOf(await save(island));
    expect(unreachable).toEqual([
      {
        path: `body.definition.steps.${island.steps.length - 1}`,
        message: expect.stringContaining('"pulau" cannot be reached'),
      },
    ]);

    const loop = structuredClone(definition);
    loop.steps[loop.steps.length - 1]!.next = loop.startStepId;
    const cycle = await save(loop);
    expect(cycle.status).toBe(400);
    expect(fieldsOf(cycle)[0]!.message).toContain('loop');

    const shape = await save(
      { ...definition, steps: [{ ...definition.steps[0]!, title: ' ', id: 'Salam Besar' }] },
      '',
    );
    expect(shape.status).toBe(400);
    expect(fieldsOf(shape).map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'body.title',
        'body.definition.steps.0.id',
        'body.definition.steps.0.title',
      ]),
    );

    // Nothing refused was saved.
    const stored = (await read('trainer1', path)).body as ScriptVersionView;
    expect(stored.version.definition).toEqual(definition);

    // Two editors from the same base: the second save would silently undo the first.
    const base = { baseUpdatedAt: stored.version.updatedAt };
    const first = await act('trainer1', path, { title: 'Kesehatan A', definition, ...base }, 'PUT');
    expect(first.status).toBe(200);
    const second = await act('admin', path, { title: 'Kesehatan B', definition, ...base }, 'PUT');
    expect(second.status).toBe(409);
    const after = (first.body as unknown as ScriptVersionView).version;
    expect(after.updatedAt).toBeGreaterThan(stored.version.updatedAt);
    expect((await save(withBranch(definition, 'Halo {caller.name}.'))).status).toBe(200);
  });

  it('lets one of two editors publishing the same draft at once win; the other gets 409', async () => {
    const starts = await Promise.all([
      act('trainer1', '/script-pajak/versions'),
      act('admin', '/script-pajak/versions'),
    ]);
    expect(starts.map((r) => r.status).sort()).toEqual([200, 409]);
    const both = await Promise.all([
      act('trainer1', '/script-pajak/versions/2/publish'),
      act('admin', '/script-pajak/versions/2/publish'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await server.app.store.db
      .selectFrom('script_versions')
      .select(['version', 'status'])
      .where('script_id', '=', 'script-pajak')
      .orderBy('version')
      .execute();
    expect(rows.map((r) => [Number(r.version), r.status])).toEqual([
      [1, 'retired'],
      [2, 'published'],
    ]);
  });

  it('leaves a conversation on the version it pinned; the next one gets the new version, and listeners hear of it', async () => {
    const heard: ScriptPublished[] = [];
    server.app.services.scriptEditor.onPublished((info) => {
      heard.push(info);
    });
    server.app.services.scriptEditor.onPublished(() => {
      throw new Error('a failing listener does not undo the publication');
    });
    const agent = await TestClient.connect(server.url, 'agent1', cookies.agent1);
    try {
      await agent.sendOk('agent:set-status', { status: 'available' });
      const first = await postInbound(
        server.url,
        inboundContact({ topic: 'adminduk', from: '081211110001' }),
      );
      const offer = await agent.next('offer:created', (o) => o.contact.id === first.body.contactId);
      const held = await agent.sendOk('offer:accept', { offerId: offer.id });
      expect(held.script).toMatchObject({ id: 'script-adminduk', version: 1 });
      const oldOpening = held.script!.steps[0]!.text;

      const draft = (await act('trainer1', '/script-adminduk/versions'))
        .body as unknown as ScriptVersionView;
      const definition = withBranch(draft.version.definition, 'Versi baru untuk {caller.name}.');
      expect(
        (
          await act(
            'trainer1',
            '/script-adminduk/versions/2',
            { title: 'Adminduk v2', definition },
            'PUT',
          )
        ).status,
      ).toBe(200);
      expect((await act('admin', '/script-adminduk/versions/2/publish')).status).toBe(200);
      // Every desk online hears of it at once, as a banner naming what changed.
      const notice = await agent.next('notice:published', (n) => n.kind === 'script');
      expect(notice).toMatchObject({ itemId: 'script-adminduk', version: 2, title: 'Adminduk v2' });
      expect(heard).toEqual([
        {
          scriptId: 'script-adminduk',
          version: 2,
          title: 'Adminduk v2',
          topic: 'adminduk',
          publishedAt: expect.any(Number),
          publishedById: expect.any(String),
        },
      ]);

      // The conversation under way keeps version 1, read afresh and moved on.
      const reread = await getJson(`${server.url}/api/contacts/${held.contact.id}`, cookies.agent1);
      const pinned = (reread.body as ConversationDetail).script!;
      expect(pinned).toMatchObject({ version: 1, title: held.script!.title });
      expect(pinned.steps[0]!.text).toBe(oldOpening);
      expect(pinned.steps.map((s) => s.id)).not.toContain('untuk-siapa');
      const moved = await agent.sendOk('script:answer', {
        contactId: held.contact.id,
        atStepId: pinned.steps[0]!.id,
        optionId: null,
      });
      expect(moved.progress.path.at(-1)!.stepId).toBe(held.script!.steps[1]!.id);

      const second = await postInbound(
        server.url,
        inboundContact({ topic: 'adminduk', from: '081211110002', name: 'Dewi Lestari' }),
      );
      const offer2 = await agent.next(
        'offer:created',
        (o) => o.contact.id === second.body.contactId,
      );
      const held2 = await agent.sendOk('offer:accept', { offerId: offer2.id });
      expect(held2.script).toMatchObject({ version: 2, title: 'Adminduk v2' });
      expect(held2.script!.steps[0]!.text).toBe('Versi baru untuk Dewi Lestari.');
      expect(held2.script!.steps[1]).toMatchObject({
        id: 'untuk-siapa',
        options: [
          { id: 'sendiri', label: 'Untuk diri sendiri' },
          { id: 'keluarga', label: 'Untuk keluarga' },
        ],
      });
    } finally {
      agent.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnswerDetail } from '../../shared/schemas/knowledge';
import type { StorageMode, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  inboundContact,
  postInbound,
  sendJson,
  signIn,
  startServer,
} from './harness';

const DAY = 86_400_000;
const PKH = 'pol-pkh-2026';

/** Words planted where the public must never see them. */
const SECRET = {
  draftAnswer: 'RAHASIA-DRAF-JAWABAN',
  reviewNote: 'RAHASIA-CATATAN-REVIEW',
  retiredAnswer: 'RAHASIA-JAWABAN-PENSIUN',
  futureAnswer: 'RAHASIA-BELUM-BERLAKU',
  draftPolicy: 'RAHASIA-DRAF-KEBIJAKAN',
  internalNote: 'RAHASIA-CATATAN-INTERNAL',
  citizenQuestion: 'RAHASIA-PERTANYAAN-WARGA',
  citizenName: 'Rahasia Warganama',
  phone: '081299990000',
  nik: '7371019999990001',
  scriptInjection: '<script>alert(1)</script>',
};

describe.each(STORAGE_MODES)('the public FAQ on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);
  const url = (path: string) => `${server.url}${path}`;

  async function text(path: string): Promise<{ status: number; body: string; type: string }> {
    const response = await fetch(url(path));
    return {
      status: response.status,
      body: await response.text(),
      type: response.headers.get('content-type') ?? '',
    };
  }

  function answerBody(title: string, body: string, effectiveFrom = Date.now() - DAY) {
    return {
      topic: 'bansos',
      unitId: 'pusat-kontak',
      title,
      body,
      summary: `${title} ringkas`,
      sourceDocument: 'Permensos 1/2018',
      sourceArticle: 'Pasal 5',
      effectiveFrom,
    };
  }

  it('shows published policies, answers in force and approved questions, and nothing unpublished, internal or personal, however it is asked', async () => {
    server = await startServer(mode);
    const trainer = await signIn(server.url, 'trainer1');
    const lead = await signIn(server.url, 'lead1');
    const admin = await signIn(server.url, 'admin');

    // A draft answer, linked to a published policy: on no public surface.
    const draft = await sendJson(
      url('/api/knowledge'),
      'POST',
      answerBody(`Draf PKH ${SECRET.draftAnswer}`, `Isi ${SECRET.draftAnswer}`),
      trainer,
    );
    const draftId = (draft.body as unknown as AnswerDetail).id;
    // A published answer whose review note is internal; then a retired one; one not yet in force.
    async function publish(title: string, body: string, effectiveFrom?: number) {
      const created = await sendJson(
        url('/api/knowledge'),
        'POST',
        answerBody(title, body, effectiveFrom),
        trainer,
      );
      const id = (created.body as unknown as AnswerDetail).id;
      await sendJson(url(`/api/knowledge/${id}/versions/1/submit`), 'POST', {}, trainer);
      const published = await sendJson(
        url(`/api/knowledge/${id}/versions/1/publish`),
        'POST',
        { note: SECRET.reviewNote },
        lead,
      );
      expect(published.status).toBe(200);
      return id;
    }
    const publicId = await publish(
      `Jadwal PKH terbaru ${SECRET.scriptInjection}`,
      'Pencairan PKH tahap dua dimulai bulan depan.',
    );
    const retiredId = await publish(`Jawaban lama ${SECRET.retiredAnswer}`, SECRET.retiredAnswer);
    await sendJson(url(`/api/knowledge/${retiredId}/versions/1/retire`), 'POST', {}, lead);
    await publish(
      `Belum berlaku ${SECRET.futureAnswer}`,
      SECRET.futureAnswer,
      Date.now() + 30 * DAY,
    );

    // The PKH policy links to all of them; its internal note and a draft policy stay inside.
    const pkh = await sendJson(
      url(`/api/policies/${PKH}`),
      'PUT',
      {
        title: 'PKH 2026: pemutakhiran data DTSEN',
        plainSummary: 'Bantuan PKH cair bagi keluarga yang datanya sudah diperbarui di DTSEN.',
        effectiveFrom: Date.now() - DAY,
        unitId: 'pusat-kontak',
        answerIds: [publicId, draftId, retiredId],
        internalNote: SECRET.internalNote,
      },
      admin,
    );
    expect(pkh.status).toBe(200);
    await sendJson(
      url('/api/policies'),
      'POST',
      {
        title: `Kebijakan ${SECRET.draftPolicy}`,
        plainSummary: `Ringkasan ${SECRET.draftPolicy} untuk internal.`,
        effectiveFrom: Date.now(),
        unitId: 'pusat-kontak',
        internalNote: SECRET.internalNote,
      },
      admin,
    );
    expect(
      (
        await sendJson(
          url(`/api/policies/${PKH}/public-questions`),
          'POST',
          { text: 'Kapan PKH tahap dua cair?' },
          admin,
        )
      ).status,
    ).toBe(200);
    // Nobody but an administrator approves public questions; the public cannot at all.
    expect(
      (
        await sendJson(
          url(`/api/policies/${PKH}/public-questions`),
          'POST',
          { text: 'x'.repeat(9) },
          lead,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await sendJson(url(`/api/policies/${PKH}/public-questions`), 'POST', {
          text: 'x'.repeat(9),
        })
      ).status,
    ).toBe(401);

    // A citizen with a name, number and NIK asks a question that is recorded as feedback.
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(
      server.url,
      inboundContact({
        topic: 'bansos',
        name: SECRET.citizenName,
        from: SECRET.phone,
        text: `NIK saya ${SECRET.nik}`,
      }),
    );
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: String(created.body.contactId),
      wrapupCode: 'answered',
      notes: `${SECRET.citizenName} ${SECRET.nik}`,
      policyFeedback: [
        {
          policyId: PKH,
          understanding: 'confused',
          question: `Syarat ${SECRET.citizenQuestion} ${SECRET.nik}`,
        },
      ],
    });

    const page = await text('/faq');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('<html lang="id">');
    expect(page.body).toContain('PKH 2026: pemutakhiran data DTSEN');
    expect(page.body).toContain('Pencairan PKH tahap dua dimulai bulan depan.');
    expect(page.body).toContain('Kapan PKH tahap dua cair?');
    // Aggregated only: the count per tag, never the words.
    expect(page.body).toContain('Syarat dan sasaran: 1 pertanyaan');
    // Escaped, never markup.
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script');

    const surfaces = [
      page,
      await text('/faq/feed.json'),
      await text('/faq/feed.xml'),
      // Trying the search on each secret word directly.
      ...(await Promise.all(
        Object.values(SECRET).map((secret) => text(`/faq?q=${encodeURIComponent(secret)}`)),
      )),
      await text(`/faq?q=${encodeURIComponent('RAHASIA')}`),
      await text(`/faq?q=${encodeURIComponent('"RAHASIA*" OR x')}`),
    ];
    for (const surface of surfaces) {
      expect(surface.status).toBe(200);
      for (const secret of Object.values(SECRET)) {
        if (secret === SECRET.scriptInjection) {
          // Markup only matters where it could run: JSON carries it as text, which is right.
          if (!surface.type.includes('json')) expect(surface.body).not.toContain('<script>');
          continue;
        }
        // The search box echoes the words typed; everything else must not contain them.
        const withoutEcho = surface.body.replaceAll(
          /value="[^"]*"|Hasil pencarian untuk “[^”]*”/g,
          '',
        );
        expect(withoutEcho, `leak of ${secret}`).not.toContain(secret);
      }
      // No author or reviewer names (trainer1 wrote, lead1 published).
      expect(surface.body).not.toContain('Maria Simanjuntak');
      expect(surface.body).not.toContain('Agus Prasetyo');
    }

    // The feeds: JSON Feed 1.1 and RSS 2.0, published items only.
    const json = JSON.parse((await text('/faq/feed.json')).body) as {
      version: string;
      items: { id: string; title: string }[];
    };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((i) => i.id)).toContain(`answer:${publicId}`);
    expect(json.items.map((i) => i.id)).toContain(`policy:${PKH}`);
    expect(json.items.map((i) => i.id)).not.toContain(`answer:${draftId}`);
    const rss = await text('/faq/feed.xml');
    expect(rss.type).toContain('application/rss+xml');
    expect(rss.body).toContain('<rss version="2.0">');

    // Internal endpoints stay closed without a session.
    for (const path of [
      '/api/policies',
      `/api/policies/${PKH}/report`,
      `/api/policies/${PKH}/report/csv`,
      '/api/campaigns',
      '/api/policy-digests',
      `/api/knowledge/${draftId}`,
    ]) {
      expect((await fetch(url(path))).status, path).toBe(401);
    }
  });

  it('searches the published answers', async () => {
    server = await startServer(mode);
    const page = await text(`/faq?q=${encodeURIComponent('KIP Kuliah')}`);
    expect(page.body).toContain('jawaban ditemukan');
    expect(page.body).toContain('<mark>');
    const none = await text(`/faq?q=${encodeURIComponent('zzzqqq')}`);
    expect(none.body).toContain('Tidak ada jawaban yang cocok');
  });

  it('gives one address a fair share of the public pages', async () => {
    server = await startServer(mode, { env: { PUBLIC_FAQ_RATE_LIMIT_PER_MINUTE: '3' } });
    const statuses = [];
    for (const path of ['/faq', '/faq?q=PKH', '/faq?q=KIP', '/faq?q=BPJS', '/faq/feed.json']) {
      statuses.push((await fetch(url(path))).status);
    }
    // Counted per page and address: the fourth look at /faq waits, the feed does not.
    expect(statuses).toEqual([200, 200, 200, 429, 200]);
    // Signed-in work is not held back by it.
    expect((await fetch(url('/api/health'))).status).toBe(200);
  });
});

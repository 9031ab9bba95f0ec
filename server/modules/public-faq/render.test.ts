import { describe, expect, it } from 'vitest';
import type { PublicPolicy } from './repository';
import { escapeHtml, policyMatches, renderFaqPage, renderJsonFeed, renderRssFeed } from './render';

const POLICY: PublicPolicy = {
  id: 'pol-"x"',
  title: 'KIP Kuliah 2026 <b>baru</b>',
  plainSummary: 'Pendaftaran dibuka & gratis.',
  effectiveFrom: Date.UTC(2026, 0, 1),
  publishedAt: Date.UTC(2026, 0, 1),
  unitName: 'Pusat Kontak',
  answers: [
    {
      answerId: 'kb-1',
      title: 'Syarat',
      summary: 'Ringkas',
      body: 'Baris satu\nbaris dua\n\nParagraf <i>dua</i>',
      source: 'Permendikbud 10/2020',
      publishedAt: Date.UTC(2026, 0, 2),
      snippet: 'cara «daftar» <KIP>',
    },
  ],
  questions: ['Apakah <gratis>?'],
  askedByTag: [{ tag: 'registration', count: 3 }],
};

describe('the public page', () => {
  it('escapes every piece of text, and marks only the engine’s matches', () => {
    const page = (query: string) =>
      renderFaqPage({
        organisation: 'Org & co',
        policies: [POLICY],
        query,
        results: query === '' ? null : POLICY.answers,
        timeZone: 'Asia/Jakarta',
      });
    const searched = page('"><script> KIP');
    expect(searched).not.toMatch(/<script|<b>|<i>|<KIP>|<gratis>/);
    expect(searched).toContain('value="&quot;&gt;&lt;script&gt; KIP"');
    expect(searched).toContain('cara <mark>daftar</mark> &lt;KIP&gt;');
    const html = page('');
    expect(html).not.toMatch(/<script|<b>|<i>|<KIP>|<gratis>/);
    expect(html).toContain('KIP Kuliah 2026 &lt;b&gt;baru&lt;/b&gt;');
    expect(html).toContain('<p>Baris satu<br>baris dua</p><p>Paragraf &lt;i&gt;dua&lt;/i&gt;</p>');
    expect(html).toContain('id="policy-pol-&quot;x&quot;"');
    expect(html).toContain('Cara mendaftar: 3 pertanyaan');
    expect(html).toContain('<html lang="id">');
  });

  it('matches a policy when at least half the words typed are in it', () => {
    expect(policyMatches(POLICY, 'syarat KIP Kuliah')).toBe(true);
    expect(policyMatches(POLICY, 'pajak bumi bangunan')).toBe(false);
    expect(policyMatches(POLICY, 'di')).toBe(true);
  });

  it('escapes the RSS feed and keeps JSON text as text', () => {
    const item = {
      id: 'a&b',
      kind: 'answer' as const,
      title: 'T <x>',
      summary: 'S & s',
      publishedAt: Date.UTC(2026, 0, 3),
    };
    const rss = renderRssFeed('https://x.id', 'Org', [item]);
    expect(rss).toContain('<title>T &lt;x&gt;</title>');
    expect(rss).toContain('<guid isPermaLink="false">answer:a&amp;b</guid>');
    expect(rss).toContain('<pubDate>Sat, 03 Jan 2026 00:00:00 GMT</pubDate>');
    const json = renderJsonFeed('https://x.id', 'Org', [item]);
    expect(json.items[0]).toMatchObject({
      id: 'answer:a&b',
      url: 'https://x.id/faq#answer-a%26b',
      title: 'T <x>',
    });
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

import type { QuestionTag } from '../../../shared/domain/policy-report';
import type { FeedItem, PublicAnswer, PublicPolicy } from './repository';

/** Text into HTML (element content and quoted attributes alike). */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const TAG_LABELS: Record<QuestionTag, string> = {
  eligibility: 'Syarat dan sasaran',
  registration: 'Cara mendaftar',
  payment: 'Pencairan, besaran dan iuran',
  status: 'Cek status',
  data: 'Perbaikan data',
  complaint: 'Pengaduan',
  other: 'Lainnya',
};

function date(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone }).format(at);
}

/** A search snippet: escaped, then the engine's «…» marks as <mark>. */
function snippetHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll('«', '<mark>').replaceAll('»', '</mark>');
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

function answerHtml(answer: PublicAnswer, timeZone: string): string {
  return `<details class="answer" id="answer-${escapeHtml(answer.answerId)}">
<summary><span class="q">${escapeHtml(answer.title)}</span><span class="s">${escapeHtml(answer.summary)}</span>${answer.snippet ? `<span class="snippet">${snippetHtml(answer.snippet)}</span>` : ''}</summary>
${paragraphs(answer.body)}
<p class="meta">Dasar hukum: ${escapeHtml(answer.source)} · Diterbitkan ${date(answer.publishedAt, timeZone)}</p>
</details>`;
}

function policyHtml(policy: PublicPolicy, timeZone: string): string {
  const asked = policy.askedByTag
    .map((a) => `<li>${escapeHtml(TAG_LABELS[a.tag])}: ${a.count} pertanyaan</li>`)
    .join('');
  return `<section class="policy" id="policy-${escapeHtml(policy.id)}" aria-labelledby="policy-${escapeHtml(policy.id)}-title">
<h2 id="policy-${escapeHtml(policy.id)}-title">${escapeHtml(policy.title)}</h2>
<p class="meta">Berlaku mulai ${date(policy.effectiveFrom, timeZone)} · ${escapeHtml(policy.unitName)}</p>
<p class="summary">${escapeHtml(policy.plainSummary)}</p>
${
  policy.questions.length > 0
    ? `<h3>Pertanyaan yang sering diajukan</h3><ul class="questions">${policy.questions
        .map((q) => `<li>${escapeHtml(q)}</li>`)
        .join('')}</ul>`
    : ''
}
${asked ? `<h3>Yang paling banyak ditanyakan (90 hari terakhir)</h3><ul class="asked">${asked}</ul>` : ''}
${
  policy.answers.length > 0
    ? `<h3>Jawaban resmi</h3>${policy.answers.map((a) => answerHtml(a, timeZone)).join('')}`
    : ''
}
</section>`;
}

const STYLE = `
:root{color-scheme:light;--ink:#1a1b1e;--muted:#5c5f66;--line:#dee2e6;--accent:#1864ab}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f8f9fa}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px}
header{background:#1864ab;color:#fff;padding:20px 16px}
header h1{margin:0 0 4px;font-size:1.5rem}header p{margin:0;opacity:.9}
main{max-width:860px;margin:0 auto;padding:16px}
form{display:flex;gap:8px;margin:8px 0 20px;flex-wrap:wrap}
label{width:100%;font-weight:600}
input[type=search]{flex:1;min-width:220px;padding:10px 12px;font-size:1rem;border:1px solid #adb5bd;border-radius:6px}
button{padding:10px 16px;font-size:1rem;border:0;border-radius:6px;background:var(--accent);color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #f59f00;outline-offset:2px}
.policy{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;margin:0 0 16px}
.policy h2{margin:0 0 4px;font-size:1.25rem}.policy h3{font-size:1rem;margin:16px 0 6px}
.meta{color:var(--muted);font-size:.875rem;margin:0 0 8px}
.summary{font-size:1.05rem}
.answer{border-top:1px solid var(--line);padding:8px 0}
.answer summary{cursor:pointer}
.answer summary span{display:block}
.answer .q{display:inline!important;font-weight:600}.answer .s{color:var(--muted);font-size:.9rem;margin-top:2px}
.answer[open] summary{margin-bottom:8px}
.snippet{background:#fff9db;padding:6px 8px;border-radius:4px;margin-top:4px;font-size:.9rem}
mark{background:#ffe066}
.results{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px;margin:0 0 16px}
footer{max-width:860px;margin:0 auto;padding:16px;color:var(--muted);font-size:.875rem}
@media print{header{background:none;color:#000}form,.skip{display:none}details{display:block}}
`;

/** A policy matches a search when at least half the words typed (of 3+ letters) are in it. */
export function policyMatches(policy: PublicPolicy, query: string): boolean {
  const words = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3);
  if (words.length === 0) return true;
  const text = `${policy.title} ${policy.plainSummary} ${policy.questions.join(' ')}`.toLowerCase();
  return words.filter((word) => text.includes(word)).length * 2 >= words.length;
}

/** The whole public page: one self-contained, script-free HTML document in Bahasa Indonesia. */
export function renderFaqPage(input: {
  organisation: string;
  policies: PublicPolicy[];
  query: string;
  results: PublicAnswer[] | null;
  timeZone: string;
}): string {
  const { query, results, timeZone } = input;
  const policies =
    query === '' ? input.policies : input.policies.filter((p) => policyMatches(p, query));
  const resultBlock =
    results === null
      ? ''
      : `<section class="results" aria-labelledby="results-title">
<h2 id="results-title">Hasil pencarian untuk “${escapeHtml(query)}”</h2>
<p role="status">${results.length === 0 ? 'Tidak ada jawaban yang cocok. Coba kata lain, atau hubungi pusat kontak.' : `${results.length} jawaban ditemukan.`}</p>
${results.map((a) => answerHtml(a, timeZone)).join('')}
</section>`;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tanya Jawab Kebijakan · ${escapeHtml(input.organisation)}</title>
<meta name="description" content="Kebijakan terbaru dan jawaban resmi atas pertanyaan masyarakat.">
<link rel="alternate" type="application/feed+json" title="Kebijakan dan jawaban terbaru (JSON)" href="/faq/feed.json">
<link rel="alternate" type="application/rss+xml" title="Kebijakan dan jawaban terbaru (RSS)" href="/faq/feed.xml">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Langsung ke isi</a>
<header><h1>Tanya Jawab Kebijakan</h1><p>${escapeHtml(input.organisation)} · jawaban resmi atas pertanyaan masyarakat</p></header>
<main id="main">
<form method="get" action="/faq" role="search">
<label for="q">Cari pertanyaan Anda</label>
<input type="search" id="q" name="q" value="${escapeHtml(query)}" placeholder="mis. syarat PKH, KIP Kuliah, BPJS nonaktif" maxlength="200">
<button type="submit">Cari</button>
</form>
${resultBlock}
${
  policies.length === 0
    ? query === ''
      ? '<p>Belum ada kebijakan yang diterbitkan.</p>'
      : ''
    : policies.map((p) => policyHtml(p, timeZone)).join('\n')
}
</main>
<footer><p>Halaman ini hanya memuat kebijakan dan jawaban yang sudah diterbitkan. Pembaruan: <a href="/faq/feed.xml">RSS</a> · <a href="/faq/feed.json">JSON</a>.</p></footer>
</body>
</html>`;
}

function itemUrl(base: string, item: FeedItem): string {
  return `${base}/faq#${item.kind}-${encodeURIComponent(item.id)}`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(base: string, organisation: string, items: FeedItem[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Kebijakan dan jawaban terbaru · ${organisation}`,
    home_page_url: `${base}/faq`,
    feed_url: `${base}/faq/feed.json`,
    language: 'id',
    items: items.map((item) => ({
      id: `${item.kind}:${item.id}`,
      url: itemUrl(base, item),
      title: item.title,
      content_text: item.summary,
      date_published: new Date(item.publishedAt).toISOString(),
      tags: [item.kind === 'policy' ? 'kebijakan' : 'jawaban'],
    })),
  };
}

/** RSS 2.0. */
export function renderRssFeed(base: string, organisation: string, items: FeedItem[]): string {
  const entries = items
    .map(
      (item) => `<item>
<title>${escapeHtml(item.title)}</title>
<link>${escapeHtml(itemUrl(base, item))}</link>
<guid isPermaLink="false">${escapeHtml(`${item.kind}:${item.id}`)}</guid>
<category>${item.kind === 'policy' ? 'kebijakan' : 'jawaban'}</category>
<description>${escapeHtml(item.summary)}</description>
<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${escapeHtml(`Kebijakan dan jawaban terbaru · ${organisation}`)}</title>
<link>${escapeHtml(`${base}/faq`)}</link>
<description>Kebijakan dan jawaban resmi yang baru diterbitkan.</description>
<language>id</language>
${entries}
</channel>
</rss>`;
}

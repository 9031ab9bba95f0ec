import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MASK,
  groupQuestions,
  maskPersonalData,
  normaliseQuestion,
  periodOf,
  policyReport,
  sliceFigures,
  tagQuestion,
  wordSimilarity,
  type FeedbackFact,
  type ShareFact,
} from './policy-report';

const ZONE = 'Asia/Jakarta';
/** A moment in March 2026 at a WIB (UTC+7) wall-clock time. 2 March 2026 is a Monday. */
function wib(day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, 2, day, hour - 7, minute);
}

/** Four share marks and six feedback records for PKH, counted by hand in the tests below. */
const SHARES: ShareFact[] = [
  {
    policyId: 'pkh',
    contactId: 'c1',
    at: wib(2, 9),
    segment: 'public',
    channel: 'voice',
    isShared: true,
  },
  {
    policyId: 'pkh',
    contactId: 'c2',
    at: wib(2, 23, 30),
    segment: 'media',
    channel: 'whatsapp',
    isShared: false,
  },
  // 00:30 WIB on Tuesday is still Monday in UTC: it must count on Tuesday.
  {
    policyId: 'pkh',
    contactId: 'c3',
    at: wib(3, 0, 30),
    segment: 'public',
    channel: 'whatsapp',
    isShared: true,
  },
  {
    policyId: 'pkh',
    contactId: 'c4',
    at: wib(9, 10),
    segment: 'public',
    channel: 'voice',
    isShared: true,
  },
];

const NIK_QUESTION = 'Apa syarat PKH untuk lansia? NIK saya 7371012345670001';
const FEEDBACK: FeedbackFact[] = [
  {
    policyId: 'pkh',
    contactId: 'c1',
    at: wib(2, 9, 5),
    segment: 'public',
    channel: 'voice',
    understanding: 'understood',
    question: 'Kapan PKH tahap 2 cair?',
    tag: null,
  },
  {
    policyId: 'pkh',
    contactId: 'c2',
    at: wib(2, 23, 45),
    segment: 'media',
    channel: 'whatsapp',
    understanding: 'confused',
    question: NIK_QUESTION,
    tag: null,
  },
  {
    policyId: 'pkh',
    contactId: 'c3',
    at: wib(3, 0, 40),
    segment: 'public',
    channel: 'whatsapp',
    understanding: 'partly',
    question: 'Kapan dana PKH tahap 2 cair ya?',
    tag: null,
  },
  {
    policyId: 'pkh',
    contactId: 'c5',
    at: wib(4, 10),
    segment: 'official',
    channel: 'email',
    understanding: 'confused',
    question: 'Syarat PKH lansia apa saja?',
    tag: 'eligibility',
  },
  {
    policyId: 'pkh',
    contactId: 'c4',
    at: wib(9, 10, 5),
    segment: 'public',
    channel: 'voice',
    understanding: 'disagrees',
    question: null,
    tag: null,
  },
  {
    policyId: 'pkh',
    contactId: 'c6',
    at: wib(9, 11),
    segment: 'academia',
    channel: 'webchat',
    understanding: 'understood',
    question: 'Kapan PKH tahap 2 cair?',
    tag: null,
  },
];

function figures(
  contacts: number,
  shared: number,
  notShared: number,
  [understood, partly, confused, disagrees]: [number, number, number, number],
) {
  const feedback = understood + partly + confused + disagrees;
  return {
    contacts,
    shared,
    notShared,
    feedback,
    understanding: { understood, partly, confused, disagrees },
    understoodRate: feedback === 0 ? null : understood / feedback,
  };
}

describe('the report of one policy, against hand-counted figures', () => {
  const byDay = policyReport(SHARES, FEEDBACK, { unit: 'day', timeZone: ZONE });

  it('totals: 6 contacts, 3 shared and 1 not, 6 feedback of which 2 understood', () => {
    expect(byDay.totals).toEqual(figures(6, 3, 1, [2, 1, 2, 1]));
    expect(byDay.totals.understoodRate).toBeCloseTo(1 / 3);
  });

  it('per local day, the day boundary at WIB midnight', () => {
    expect(byDay.periods).toEqual([
      { period: '2026-03-02', ...figures(2, 1, 1, [1, 0, 1, 0]) },
      { period: '2026-03-03', ...figures(1, 1, 0, [0, 1, 0, 0]) },
      { period: '2026-03-04', ...figures(1, 0, 0, [0, 0, 1, 0]) },
      { period: '2026-03-09', ...figures(2, 1, 0, [1, 0, 0, 1]) },
    ]);
  });

  it('per ISO week, named by its Monday', () => {
    const byWeek = policyReport(SHARES, FEEDBACK, { unit: 'week', timeZone: ZONE });
    expect(byWeek.periods).toEqual([
      { period: '2026-03-02', ...figures(4, 2, 1, [1, 1, 2, 0]) },
      { period: '2026-03-09', ...figures(2, 1, 0, [1, 0, 0, 1]) },
    ]);
  });

  it('per segment', () => {
    expect(byDay.bySegment).toEqual([
      { segment: 'academia', ...figures(1, 0, 0, [1, 0, 0, 0]) },
      { segment: 'media', ...figures(1, 0, 1, [0, 0, 1, 0]) },
      { segment: 'official', ...figures(1, 0, 0, [0, 0, 1, 0]) },
      { segment: 'public', ...figures(3, 3, 0, [1, 1, 0, 1]) },
    ]);
  });

  it('per channel', () => {
    expect(byDay.byChannel).toEqual([
      { channel: 'email', ...figures(1, 0, 0, [0, 0, 1, 0]) },
      { channel: 'voice', ...figures(2, 2, 0, [1, 0, 0, 1]) },
      { channel: 'webchat', ...figures(1, 0, 0, [1, 0, 0, 0]) },
      { channel: 'whatsapp', ...figures(2, 1, 1, [0, 1, 1, 0]) },
    ]);
  });

  it('questions by tag: 3 about payment (kapan … cair), 2 about eligibility (syarat)', () => {
    expect(byDay.questionTags).toEqual([
      { tag: 'payment', count: 3 },
      { tag: 'eligibility', count: 2 },
    ]);
  });

  it('questions by similar wording, the NIK masked out of the wording shown', () => {
    expect(byDay.questionGroups).toEqual([
      {
        text: 'Kapan PKH tahap 2 cair?',
        count: 3,
        tag: 'payment',
        firstAskedAt: wib(2, 9, 5),
        lastAskedAt: wib(9, 11),
      },
      {
        text: `Apa syarat PKH untuk lansia? NIK saya ${MASK}`,
        count: 2,
        tag: 'eligibility',
        firstAskedAt: wib(2, 23, 45),
        lastAskedAt: wib(4, 10),
      },
    ]);
  });

  it('limits the groups to the most asked', () => {
    const top = policyReport(SHARES, FEEDBACK, { unit: 'day', timeZone: ZONE, maxGroups: 1 });
    expect(top.questionGroups.map((g) => g.count)).toEqual([3]);
  });

  it('has nothing to say without facts', () => {
    const empty = policyReport([], [], { unit: 'day', timeZone: ZONE });
    expect(empty.totals).toEqual(figures(0, 0, 0, [0, 0, 0, 0]));
    expect(empty.totals.understoodRate).toBeNull();
    expect(empty.periods).toEqual([]);
    expect(empty.questionGroups).toEqual([]);
  });

  it('whatever the facts, the slices add up to the totals (contacts in one slice each per day)', () => {
    const share = fc.record({
      policyId: fc.constant('p'),
      contactId: fc.constantFrom('a', 'b', 'c', 'd'),
      at: fc.integer({ min: wib(1, 0), max: wib(20, 0) }),
      segment: fc.constantFrom('public', 'media'),
      channel: fc.constantFrom('voice', 'sms'),
      isShared: fc.boolean(),
    }) as fc.Arbitrary<ShareFact>;
    const item = fc.record({
      policyId: fc.constant('p'),
      contactId: fc.constantFrom('a', 'b', 'c', 'd'),
      at: fc.integer({ min: wib(1, 0), max: wib(20, 0) }),
      segment: fc.constantFrom('public', 'media'),
      channel: fc.constantFrom('voice', 'sms'),
      understanding: fc.constantFrom('understood', 'partly', 'confused', 'disagrees'),
      question: fc.option(fc.constantFrom('Kapan cair?', 'Syarat apa?'), { nil: null }),
      tag: fc.constant(null),
    }) as fc.Arbitrary<FeedbackFact>;
    fc.assert(
      fc.property(fc.array(share, { maxLength: 15 }), fc.array(item, { maxLength: 15 }), (s, f) => {
        const report = policyReport(s, f, { unit: 'week', timeZone: ZONE });
        for (const slices of [report.periods, report.bySegment, report.byChannel]) {
          const sum = (pick: (x: (typeof slices)[number]) => number) =>
            slices.reduce((total, x) => total + pick(x), 0);
          expect(sum((x) => x.shared)).toBe(report.totals.shared);
          expect(sum((x) => x.notShared)).toBe(report.totals.notShared);
          expect(sum((x) => x.feedback)).toBe(report.totals.feedback);
          expect(sum((x) => x.understanding.confused)).toBe(report.totals.understanding.confused);
        }
        const asked = f.filter((x) => x.question !== null).length;
        expect(report.questionGroups.reduce((t, g) => t + g.count, 0)).toBe(asked);
        expect(report.questionTags.reduce((t, g) => t + g.count, 0)).toBe(asked);
      }),
    );
  });
});

describe('a slice', () => {
  it('counts a contact once whether it was shared, given feedback, or both', () => {
    expect(sliceFigures(SHARES.slice(0, 1), FEEDBACK.slice(0, 1)).contacts).toBe(1);
  });
});

describe('periods', () => {
  it('a Sunday evening belongs to the week of the Monday before', () => {
    expect(periodOf(wib(8, 22), 'week', ZONE)).toBe('2026-03-02');
    expect(periodOf(wib(9, 0), 'week', ZONE)).toBe('2026-03-09');
  });
  it('the same instant is another day in Jayapura (UTC+9)', () => {
    expect(periodOf(wib(2, 23), 'day', ZONE)).toBe('2026-03-02');
    expect(periodOf(wib(2, 23), 'day', 'Asia/Jayapura')).toBe('2026-03-03');
  });
});

describe('question wording', () => {
  it('keeps the meaningful words, once each, sorted', () => {
    expect(normaliseQuestion('Apakah saya BISA daftar KIP Kuliah, kuliah di Makassar?')).toEqual([
      'daftar',
      'kip',
      'kuliah',
      'makassar',
    ]);
  });
  it('drops long digit runs and accents', () => {
    expect(normaliseQuestion('Cek NIK 7371012345670001 café')).toEqual(['cafe', 'cek', 'nik']);
  });
  it('similarity is the word overlap', () => {
    expect(wordSimilarity(['a', 'b'], ['a', 'b'])).toBe(1);
    expect(wordSimilarity(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(wordSimilarity([], [])).toBe(1);
    expect(wordSimilarity(['a'], [])).toBe(0);
  });
  it('groups the most asked first, then the earliest', () => {
    const groups = groupQuestions([
      { text: 'Berapa iuran BPJS kelas 3?', at: 1, tag: null },
      { text: 'Cara daftar KIP Kuliah', at: 2, tag: null },
      { text: 'cara daftar kip kuliah?', at: 3, tag: null },
    ]);
    expect(groups.map((g) => [g.text, g.count, g.tag])).toEqual([
      ['Cara daftar KIP Kuliah', 2, 'registration'],
      ['Berapa iuran BPJS kelas 3?', 1, 'payment'],
    ]);
  });
});

describe('tags from wording', () => {
  it.each([
    ['Saya mau lapor pungli di kelurahan', 'complaint'],
    ['Siapa yang berhak menerima PKH?', 'eligibility'],
    ['Bagaimana cara mendaftar KIP Kuliah?', 'registration'],
    ['Kapan bantuan cair?', 'payment'],
    ['Kenapa kartu saya nonaktif?', 'status'],
    ['Nama di KTP salah', 'data'],
    ['Terima kasih', 'other'],
  ] as const)('%s → %s', (text, tag) => {
    expect(tagQuestion(text)).toBe(tag);
  });
});

describe('personal data out of a citizen’s words', () => {
  it.each([
    ['NIK 7371012345670001 saya', `NIK ${MASK} saya`],
    ['hubungi 0812-3456-7890 ya', `hubungi ${MASK} ya`],
    ['nomor +62 812 3456 7890', `nomor ${MASK}`],
    ['email siti.rahayu@example.com', `email ${MASK}`],
    ['bantuan Rp 600.000 kapan cair', 'bantuan Rp 600.000 kapan cair'],
    ['tahap 2 tahun 2026', 'tahap 2 tahun 2026'],
  ])('%s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });
  it('never leaves a run of five digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 .a-z-]{0,40}$/), (text) => {
        const masked = maskPersonalData(text);
        const runs = masked.match(/\d(?:[\s-]?\d){4,}/g) ?? [];
        expect(runs).toEqual([]);
      }),
    );
  });
});

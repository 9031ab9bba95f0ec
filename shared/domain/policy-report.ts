/**
 * What a policy owner reads: per policy, the contacts it came up in, how often it was shared, how
 * well the public understood it (over time, by segment and by channel) and the questions asked,
 * grouped by tag and by similar wording. Pure: facts in, figures out.
 */
import type { Channel, SegmentCode } from '../schemas/common';
import { toZoned } from './zoned-time';
import { isoWeekdayOf, localDateOf } from './local-date';

/** What the agent records at wrap-up about the citizen's grasp of a policy. */
export const UNDERSTANDING_LEVELS = ['understood', 'partly', 'confused', 'disagrees'] as const;
export type Understanding = (typeof UNDERSTANDING_LEVELS)[number];

/** What a question is about, so owners see which part of a policy confuses people. */
export const QUESTION_TAGS = [
  'eligibility',
  'registration',
  'payment',
  'status',
  'data',
  'complaint',
  'other',
] as const;
export type QuestionTag = (typeof QUESTION_TAGS)[number];

/** A share mark: the desk prompted the policy in a contact and the agent said shared or not. */
export interface ShareFact {
  policyId: string;
  contactId: string;
  at: number;
  segment: SegmentCode;
  channel: Channel;
  isShared: boolean;
}

/** Feedback recorded at wrap-up for one policy in one contact. */
export interface FeedbackFact {
  policyId: string;
  contactId: string;
  at: number;
  segment: SegmentCode;
  channel: Channel;
  understanding: Understanding;
  /** The question in the citizen's words, if one was asked. */
  question: string | null;
  tag: QuestionTag | null;
}

export type UnderstandingCounts = Record<Understanding, number>;

/** Figures for one slice (the whole period, a day, a segment, a channel). */
export interface SliceFigures {
  /** Distinct contacts in which the policy was marked (shared or not) or given feedback. */
  contacts: number;
  shared: number;
  notShared: number;
  /** Feedback records, one per contact and policy. */
  feedback: number;
  understanding: UnderstandingCounts;
  /** Understood ÷ feedback, null without feedback. */
  understoodRate: number | null;
}

export function emptyUnderstanding(): UnderstandingCounts {
  return { understood: 0, partly: 0, confused: 0, disagrees: 0 };
}

/** The figures of whatever shares and feedback are given (already filtered to a slice). */
export function sliceFigures(
  shares: readonly ShareFact[],
  feedback: readonly FeedbackFact[],
): SliceFigures {
  const contacts = new Set<string>();
  let shared = 0;
  let notShared = 0;
  for (const share of shares) {
    contacts.add(share.contactId);
    if (share.isShared) shared += 1;
    else notShared += 1;
  }
  const understanding = emptyUnderstanding();
  for (const item of feedback) {
    contacts.add(item.contactId);
    understanding[item.understanding] += 1;
  }
  return {
    contacts: contacts.size,
    shared,
    notShared,
    feedback: feedback.length,
    understanding,
    understoodRate: feedback.length === 0 ? null : understanding.understood / feedback.length,
  };
}

export type PeriodUnit = 'day' | 'week';

/**
 * The local period an instant falls in, as the `YYYY-MM-DD` of its first day: the day itself, or
 * the Monday of its ISO week.
 */
export function periodOf(at: number, unit: PeriodUnit, timeZone: string): string {
  const { day } = toZoned(at, timeZone);
  return localDateOf(unit === 'day' ? day : day - (isoWeekdayOf(day) - 1));
}

export interface QuestionGroup {
  /** The wording shown: the most frequent of the group (the earliest on a tie). */
  text: string;
  count: number;
  /** The group's most frequent tag. */
  tag: QuestionTag;
  firstAskedAt: number;
  lastAskedAt: number;
}

export interface PolicyReportFigures {
  totals: SliceFigures;
  /** Oldest first, only periods with activity. */
  periods: ({ period: string } & SliceFigures)[];
  bySegment: ({ segment: SegmentCode } & SliceFigures)[];
  byChannel: ({ channel: Channel } & SliceFigures)[];
  /** Questions by tag, most asked first (ties in QUESTION_TAGS order). */
  questionTags: { tag: QuestionTag; count: number }[];
  /** Questions grouped by similar wording, most asked first; at most `maxGroups`. */
  questionGroups: QuestionGroup[];
}

function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function slices<K extends string>(
  shares: readonly ShareFact[],
  feedback: readonly FeedbackFact[],
  key: (fact: ShareFact | FeedbackFact) => K,
): Map<K, SliceFigures> {
  const shareGroups = groupBy(shares, key);
  const feedbackGroups = groupBy(feedback, key);
  const keys = [...new Set([...shareGroups.keys(), ...feedbackGroups.keys()])].sort();
  return new Map(
    keys.map((k) => [k, sliceFigures(shareGroups.get(k) ?? [], feedbackGroups.get(k) ?? [])]),
  );
}

/** One policy's report from its facts in the period asked (the caller filters by period). */
export function policyReport(
  shares: readonly ShareFact[],
  feedback: readonly FeedbackFact[],
  options: { unit: PeriodUnit; timeZone: string; maxGroups?: number },
): PolicyReportFigures {
  const periods = slices(shares, feedback, (f) => periodOf(f.at, options.unit, options.timeZone));
  const segments = slices(shares, feedback, (f) => f.segment);
  const channels = slices(shares, feedback, (f) => f.channel);
  const questions = feedback.filter(
    (f): f is FeedbackFact & { question: string } => f.question !== null && f.question !== '',
  );
  const tagCounts = new Map<QuestionTag, number>();
  for (const q of questions) {
    const tag = q.tag ?? tagQuestion(q.question);
    tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  return {
    totals: sliceFigures(shares, feedback),
    periods: [...periods].map(([period, figures]) => ({ period, ...figures })),
    bySegment: [...segments].map(([segment, figures]) => ({ segment, ...figures })),
    byChannel: [...channels].map(([channel, figures]) => ({ channel, ...figures })),
    questionTags: QUESTION_TAGS.flatMap((tag) => {
      const count = tagCounts.get(tag) ?? 0;
      return count === 0 ? [] : [{ tag, count }];
    }).sort((a, b) => b.count - a.count),
    questionGroups: groupQuestions(
      questions.map((q) => ({ text: q.question, at: q.at, tag: q.tag })),
    ).slice(0, options.maxGroups ?? 20),
  };
}

/** Words that carry no meaning of their own in a citizen's question. */
const STOPWORDS = new Set([
  'apa',
  'apakah',
  'bagaimana',
  'gimana',
  'kenapa',
  'mengapa',
  'yang',
  'di',
  'ke',
  'dari',
  'saya',
  'aku',
  'kami',
  'kita',
  'ibu',
  'bapak',
  'pak',
  'bu',
  'untuk',
  'dan',
  'atau',
  'itu',
  'ini',
  'ada',
  'bisa',
  'dengan',
  'sudah',
  'belum',
  'akan',
  'mau',
  'ingin',
  'tolong',
  'mohon',
  'ya',
  'kok',
  'sih',
  'dong',
  'nya',
  'pada',
  'juga',
  'saja',
  'the',
  'a',
  'of',
  'to',
]);

/**
 * A question's meaningful words: lower case, accents and punctuation gone, stopwords and any run
 * of five or more digits (a NIK, a phone or card number) dropped, each word once, sorted.
 */
export function normaliseQuestion(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOPWORDS.has(word) && !/^\d{5,}$/.test(word));
  return [...new Set(words)].sort();
}

/** |A ∩ B| ÷ |A ∪ B|; two empty sets are the same question. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(a);
  const shared = b.filter((word) => set.has(word)).length;
  return shared / (a.length + b.length - shared);
}

/** Questions at least this similar (word overlap) are counted as the same question. */
export const SIMILAR_WORDING = 0.5;

/**
 * Groups questions by similar wording: each question, oldest first, joins the first group whose
 * first question's words overlap at least SIMILAR_WORDING, else starts a group. Most asked first,
 * then the earliest asked.
 */
export function groupQuestions(
  questions: readonly { text: string; at: number; tag: QuestionTag | null }[],
): QuestionGroup[] {
  const ordered = [...questions].sort(
    (a, b) => a.at - b.at || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  const groups: { words: string[]; members: typeof ordered }[] = [];
  for (const question of ordered) {
    const words = normaliseQuestion(question.text);
    const group = groups.find((g) => wordSimilarity(g.words, words) >= SIMILAR_WORDING);
    if (group) group.members.push(question);
    else groups.push({ words, members: [question] });
  }
  return groups
    .map(({ members }) => ({
      text: maskPersonalData(mostFrequent(members.map((m) => m.text.trim()))),
      count: members.length,
      tag: mostFrequent(members.map((m) => m.tag ?? tagQuestion(m.text))),
      firstAskedAt: members[0]!.at,
      lastAskedAt: members[members.length - 1]!.at,
    }))
    .sort((a, b) => b.count - a.count || a.firstAskedAt - b.firstAskedAt);
}

/** The most frequent value; on a tie the one seen first. */
function mostFrequent<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] as T;
  for (const value of values) if (counts.get(value)! > counts.get(best)!) best = value;
  return best;
}

/** Word stems that point to a tag, checked in this order; the first hit wins. */
const TAG_CUES: [QuestionTag, RegExp][] = [
  ['complaint', /\b(adu|aduan|pengaduan|lapor|komplain|pungli|keberatan)/],
  ['eligibility', /\b(syarat|sasaran|berhak|layak|kriteria|siapa|penerima)/],
  ['registration', /\b(daftar|mendaftar|pendaftaran|ajukan|mengajukan|pengajuan|cara)/],
  ['payment', /\b(cair|pencairan|jadwal|kapan|besaran|berapa|nominal|dana|bayar|iuran|denda)/],
  ['status', /\b(cek|status|terdaftar|nonaktif|aktif|dicoret|keluar)/],
  ['data', /\b(data|nik|ktp|kk|salah|ubah|perbaiki|perbaikan|ganda)/],
];

/** The tag a question's wording suggests; `other` when nothing does. */
export function tagQuestion(text: string): QuestionTag {
  const lower = text.toLowerCase();
  return TAG_CUES.find(([, cue]) => cue.test(lower))?.[0] ?? 'other';
}

/** What stands in for a number or address taken out of a citizen's words. */
export const MASK = '***';

/**
 * A citizen's words with what may identify them taken out: e-mail addresses, and runs of five or
 * more digits (NIK, phone, card and account numbers, even written with spaces, dots or dashes).
 * Amounts written the Indonesian way (`600.000`, `1.200.000`) stay.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, MASK)
    .replace(/\+?\d(?:[\s.-]?\d){4,}/g, (match) =>
      /^\d{1,3}(?:\.\d{3})+$/.test(match) ? match : MASK,
    );
}

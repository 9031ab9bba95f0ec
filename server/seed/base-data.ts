import type { SegmentCode } from '../../shared/schemas/common';

/**
 * Shipped defaults every instance starts with (an administration screen comes later). Officials
 * and the media expect the fastest answer (seed article, "Tanggapan"). Priority is strict between
 * segments; within one priority the contact most overdue against its target goes first. An aging
 * rule that lifts long-waiting lower-priority contacts is planned with full routing.
 */
export const DEFAULT_SEGMENTS: { code: SegmentCode; priority: number; targetAnswerMs: number }[] = [
  { code: 'official', priority: 5, targetAnswerMs: 30_000 },
  { code: 'media', priority: 4, targetAnswerMs: 45_000 },
  { code: 'observer', priority: 3, targetAnswerMs: 90_000 },
  { code: 'academia', priority: 3, targetAnswerMs: 120_000 },
  { code: 'public', priority: 2, targetAnswerMs: 120_000 },
];

export const GENERAL_TOPIC = {
  code: 'umum',
  labelId: 'Informasi umum',
  labelEn: 'General information',
};

export const GENERAL_QUEUE = {
  id: 'q-umum',
  name: 'Informasi umum',
  topic: 'umum',
  channels: ['voice', 'sms', 'whatsapp', 'webchat', 'email', 'social'],
  sort: 100,
};

export const DEFAULT_WRAPUP_CODES = [
  {
    code: 'answered',
    labelId: 'Terjawab tuntas',
    labelEn: 'Answered in full',
    needsFollowUp: false,
  },
  {
    code: 'info-sent',
    labelId: 'Informasi dikirim',
    labelEn: 'Information sent',
    needsFollowUp: false,
  },
  {
    code: 'follow-up',
    labelId: 'Perlu tindak lanjut',
    labelEn: 'Needs follow-up',
    needsFollowUp: true,
  },
  {
    code: 'handoff',
    labelId: 'Diteruskan ke unit pemilik',
    labelEn: 'Handed to the owning unit',
    needsFollowUp: true,
  },
  {
    code: 'complaint',
    labelId: 'Pengaduan dicatat',
    labelEn: 'Complaint recorded',
    needsFollowUp: true,
  },
  {
    code: 'policy-feedback',
    labelId: 'Masukan atas kebijakan',
    labelEn: 'Feedback on a policy',
    needsFollowUp: false,
  },
  {
    code: 'not-our-service',
    labelId: 'Bukan layanan kami / salah sambung',
    labelEn: 'Not our service / wrong number',
    needsFollowUp: false,
  },
  { code: 'dropped', labelId: 'Kontak terputus', labelEn: 'Contact dropped', needsFollowUp: false },
];

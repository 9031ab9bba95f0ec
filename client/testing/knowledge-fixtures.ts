/**
 * Knowledge answers and publication notices shaped like the contract, for client tests and the
 * msw handlers. Never imported by product code.
 */
import type { AnswerStatus } from '../../shared/domain/knowledge';
import type { AnswerDetail, AnswerVersion } from '../../shared/schemas/knowledge';
import type { MyNotice, NoticeReadership } from '../../shared/schemas/publication';
import { T0 } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

export function aVersion(overrides: Partial<AnswerVersion> = {}): AnswerVersion {
  return {
    version: 1,
    status: 'published',
    title: 'Syarat menerima PKH',
    body: 'Keluarga harus terdaftar di DTSEN dan memiliki komponen PKH.',
    summary: 'Terdaftar di DTSEN dan punya komponen PKH.',
    sourceDocument: 'Permensos 1/2018',
    sourceArticle: 'Pasal 5',
    effectiveFrom: T0 - 30 * DAY,
    expiresAt: null,
    authorId: 'u-trainer1',
    authorName: 'Bambang Pelatih',
    reviewerName: 'Rina Lead',
    note: null,
    createdAt: T0 - 40 * DAY,
    updatedAt: T0 - 30 * DAY,
    publishedAt: T0 - 30 * DAY,
    retiredAt: null,
    ...overrides,
  };
}

/**
 * Three answers: `kb-pkh-syarat` (v2 in review by trainer1 over the published v1),
 * `kb-lead-draft` (v1 in review, written by lead1), `kb-ktp-hilang` (v1 published).
 */
export function knowledgeAnswers(): AnswerDetail[] {
  return [
    {
      id: 'kb-pkh-syarat',
      topic: 'bansos',
      unitId: 'pusat-kontak',
      versions: [
        aVersion({
          version: 2,
          status: 'review',
          body: 'Keluarga harus terdaftar di DTSEN, memiliki komponen PKH, dan lolos verifikasi.',
          reviewerName: null,
          note: null,
          updatedAt: T0 - DAY,
          publishedAt: null,
        }),
        aVersion(),
      ],
    },
    {
      id: 'kb-lead-draft',
      topic: 'adminduk',
      unitId: 'pusat-kontak',
      versions: [
        aVersion({
          title: 'Mengganti KTP-el yang rusak',
          status: 'review',
          authorId: 'u-lead1',
          authorName: 'Rina Lead',
          reviewerName: null,
          updatedAt: T0 - 2 * DAY,
          publishedAt: null,
        }),
      ],
    },
    {
      id: 'kb-ktp-hilang',
      topic: 'adminduk',
      unitId: 'kanwil-sulsel',
      versions: [
        aVersion({
          title: 'KTP-el hilang',
          body: 'Lapor ke Disdukcapil dengan surat kehilangan dari kepolisian.',
          updatedAt: T0 - 3 * DAY,
        }),
      ],
    },
  ];
}

export function statusOf(answer: AnswerDetail): AnswerStatus {
  return answer.versions[0]?.status ?? 'draft';
}

export function aNotice(overrides: Partial<MyNotice> = {}): MyNotice {
  return {
    id: 'n-1',
    kind: 'answer',
    itemId: 'kb-pkh-syarat',
    version: 2,
    title: 'Syarat menerima PKH',
    topic: 'bansos',
    whatChanged: 'Ditambah: lolos verifikasi.',
    publishedAt: T0,
    publishedByName: 'Rina Lead',
    mustRead: false,
    revision: 0,
    acknowledgedAt: null,
    ...overrides,
  };
}

export function aReadership(overrides: Partial<NoticeReadership> = {}): NoticeReadership {
  const { acknowledgedAt: _ignored, ...notice } = aNotice({ mustRead: true, revision: 1 });
  return {
    ...notice,
    readers: [
      { agentId: 'u-agent1', displayName: 'Sari Agen', acknowledgedAt: null },
      { agentId: 'u-agent2', displayName: 'Joko Agen', acknowledgedAt: null },
    ],
    ...overrides,
  };
}

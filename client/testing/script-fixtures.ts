import type { ScriptDefinition } from '../../shared/domain/guided-script';
import type { ScriptSummary, ScriptVersionView } from '../../shared/schemas/script';

/** Bansos, branching on whether the citizen is registered; the closing is required. */
export function aBansosDefinition(): ScriptDefinition {
  return {
    startStepId: 'salam',
    steps: [
      {
        id: 'salam',
        title: 'Salam pembuka',
        text: 'Selamat pagi, {caller.name}. Saya {agent.name}.',
        next: 'terdaftar',
      },
      {
        id: 'terdaftar',
        title: 'Sudah terdaftar?',
        text: 'Apakah Bapak/Ibu sudah terdaftar di DTKS?',
        plainText: { public: 'Apakah Bapak/Ibu sudah pernah menerima bantuan?' },
        options: [
          { id: 'sudah', label: 'Sudah terdaftar', next: 'cek-status' },
          { id: 'belum', label: 'Belum terdaftar', next: 'usulan' },
        ],
      },
      { id: 'cek-status', title: 'Cek status', text: 'Cek di laman cekbansos.', next: 'penutup' },
      { id: 'usulan', title: 'Usulan', text: 'Usulan lewat desa/kelurahan.', next: 'penutup' },
      {
        id: 'penutup',
        title: 'Penutup',
        text: 'Nomor referensi Anda {reference}.',
        isRequired: true,
        next: null,
      },
    ],
  };
}

type FullVersion = ScriptVersionView['version'];

/** A stored script as the msw handlers keep it: the summary's fields and full versions. */
export interface MockScript {
  id: string;
  topic: string;
  queueIds: string[];
  versions: FullVersion[];
}

const AT = Date.UTC(2026, 0, 12, 3, 0);

export function aScriptVersion(overrides: Partial<FullVersion> = {}): FullVersion {
  return {
    version: 1,
    status: 'published',
    title: 'Bansos — pengecekan penerima',
    authorName: 'Bambang Pelatih',
    createdAt: AT,
    updatedAt: AT,
    publishedAt: AT,
    publishedByName: 'Admin',
    retiredAt: null,
    retiredByName: null,
    definition: aBansosDefinition(),
    ...overrides,
  };
}

/** The bansos script, v1 published, and v2 a draft when `withDraft`. */
export function aMockScript(withDraft = true): MockScript {
  const published = aScriptVersion();
  const draft = aScriptVersion({
    version: 2,
    status: 'draft',
    publishedAt: null,
    publishedByName: null,
    createdAt: AT + 86_400_000,
    updatedAt: AT + 86_400_000,
  });
  return {
    id: 'script-bansos',
    topic: 'bansos',
    queueIds: ['q-bansos'],
    versions: withDraft ? [draft, published] : [published],
  };
}

export function summaryOf(script: MockScript): ScriptSummary {
  return {
    id: script.id,
    topic: script.topic,
    queueIds: script.queueIds,
    versions: script.versions.map(({ definition: _definition, ...summary }) => summary),
  };
}

/** Canned responses and provenance for client tests. */
import type { CannedResponse } from '../../shared/schemas/canned-response';
import { templateVariables } from '../../shared/domain/template';
import type { OutcomeProvenance } from '../../shared/schemas/provenance';

export function aCannedResponse(
  code: string,
  title: string,
  text: string,
  topic: string | null = null,
): CannedResponse {
  return {
    id: `canned-${code}`,
    code,
    title,
    text,
    topic,
    status: 'active',
    variables: templateVariables(text),
    updatedAt: 1_760_000_000_000,
    updatedByName: 'Bambang Pelatih',
  };
}

export const cannedResponses: CannedResponse[] = [
  aCannedResponse(
    'salam',
    'Salam pembuka',
    'Selamat datang, {caller.name}. Saya {agent.name}, ada yang bisa saya bantu?',
  ),
  aCannedResponse(
    'penutup',
    'Penutup percakapan',
    'Terima kasih, {caller.name}. Nomor tiket Anda {reference}.',
  ),
  aCannedResponse(
    'tindak-lanjut',
    'Diteruskan ke unit',
    'Sudah kami teruskan ke {unit}; petugas menghubungi Anda paling lambat {jam}.',
  ),
  aCannedResponse(
    'cek-dtks',
    'Cek status DTKS',
    'Cek status di cekbansos.kemensos.go.id.',
    'bansos',
  ),
];

export function aProvenance(overrides: Partial<OutcomeProvenance> = {}): OutcomeProvenance {
  return {
    answers: [
      {
        answerId: 'kb-pkh-syarat',
        version: 3,
        title: 'Syarat PKH',
        sourceDocument: 'Permensos 1/2018',
        sourceArticle: 'Pasal 5',
      },
    ],
    script: {
      scriptId: 'script-bansos',
      version: 2,
      title: 'Bansos',
      steps: [
        { stepId: 'salam', title: 'Salam', answer: null },
        { stepId: 'terdaftar', title: 'Sudah terdaftar?', answer: 'Belum' },
      ],
    },
    ...overrides,
  };
}

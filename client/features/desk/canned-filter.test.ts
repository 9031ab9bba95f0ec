import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../../shared/schemas/canned-response';
import { filterCannedResponses } from './canned-filter';

function response(code: string, title: string, topic: string | null = null): CannedResponse {
  return {
    id: `id-${code}`,
    code,
    title,
    text: `Teks ${title}.`,
    topic,
    status: 'active',
    variables: [],
    updatedAt: 0,
    updatedByName: 'Pelatih',
  };
}

const responses = [
  response('salam', 'Salam pembuka'),
  response('penutup', 'Penutup percakapan'),
  response('cek-dtks', 'Cek status DTKS', 'bansos'),
  response('jadwal-dukcapil', 'Jadwal ke Dukcapil', 'adminduk'),
  response('nomor-tiket', 'Nomor tiket untuk dicatat'),
];

const codes = (list: CannedResponse[]) => list.map((r) => r.code);

describe('filterCannedResponses', () => {
  it('puts the conversation’s topic first, then any topic, then others, with no query', () => {
    expect(codes(filterCannedResponses(responses, '', 'bansos'))).toEqual([
      'cek-dtks',
      'nomor-tiket',
      'penutup',
      'salam',
      'jadwal-dukcapil',
    ]);
  });

  it('puts a code starting with the typed word above a mere mention', () => {
    expect(codes(filterCannedResponses(responses, 'pe', 'bansos'))).toEqual(['penutup', 'salam']);
  });

  it('needs every word, in any field, whatever the case', () => {
    expect(codes(filterCannedResponses(responses, 'JADWAL dukcapil', null))).toEqual([
      'jadwal-dukcapil',
    ]);
    expect(filterCannedResponses(responses, 'tidak ada', null)).toEqual([]);
  });
});

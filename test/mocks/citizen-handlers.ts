/**
 * msw handlers for the citizen records screen, with state: three profiles, an access log the
 * handlers append to as the server does, and merges that move addresses and history.
 *
 * - `cz-siti` Siti Rahayu (phone 6281277770001, NIK …0123, two contacts, one open follow-up);
 *   `cz-siti-mail` Ibu Siti R. (bu.siti@contoh.id, no NIK, one contact); `cz-dewi` Dewi
 *   Kusuma (verified media, Harian Kompas, @dewi_kusuma).
 * - `GET /api/citizens?q=&reason=`: 400 without a reason (`querystring.reason`); digits that are
 *   neither a phone (6–15) nor a NIK (16) are a 400 `number_length` on `querystring.q`; a whole
 *   NIK, an address, or the beginnings of name words find profiles not merged away.
 * - `PATCH /api/citizens/:id`: the NIK `0000000000000000` is refused with a 400 on `body.nik`
 *   (as the server would refuse a number it does not accept).
 * - `POST /api/citizens/:id/merge`: two different NIKs answer 409.
 * - Any other citizen id falls through to the handlers after these (reveal-nik for the desk).
 */
import { http, HttpResponse } from 'msw';
import type {
  CitizenMatch,
  CitizenProfile,
  CitizenSearchHit,
  ProfileAccess,
  UpdateCitizenBody,
} from '../../shared/schemas/citizen';
import { maskNik } from '../../shared/schemas/citizen';

const T0 = Date.UTC(2026, 2, 10, 3, 0, 0);
const HOUR = 3_600_000;

interface MockCitizen {
  profile: Omit<CitizenProfile, 'nikMasked'>;
  nik: string | null;
  mergedInto: string | null;
  log: ProfileAccess[];
}

function initialCitizens(): Map<string, MockCitizen> {
  const citizens: MockCitizen[] = [
    {
      nik: '3171234567890123',
      mergedInto: null,
      log: [],
      profile: {
        id: 'cz-siti',
        name: 'Siti Rahayu',
        segment: 'public',
        isSegmentVerified: false,
        organisation: null,
        preferredLanguage: 'id',
        mayContact: true,
        addresses: [{ address: '6281277770001', kind: 'phone' }],
        openFollowUps: [
          {
            id: 'fu-1',
            title: 'Kabari status pencairan PKH',
            dueAt: T0 + 48 * HOUR,
            ownerName: 'Rina Wulandari',
            contactReference: 'TGP-20260310-0007',
          },
        ],
        timeline: [
          {
            id: 'c-siti-2',
            reference: 'TGP-20260310-0007',
            channel: 'whatsapp',
            topic: 'bansos',
            arrivedAt: T0,
            status: 'closed',
            agentName: 'Rina Wulandari',
            outcome: {
              wrapupCode: 'follow_up',
              notes: 'Dicek ke dinas sosial.',
              createdAt: T0 + HOUR,
            },
          },
          {
            id: 'c-siti-1',
            reference: 'TGP-20260302-0011',
            channel: 'voice',
            topic: 'bansos',
            arrivedAt: T0 - 8 * 24 * HOUR,
            status: 'closed',
            agentName: 'Budi Santoso',
            outcome: {
              wrapupCode: 'answered',
              notes: 'Syarat PKH dijelaskan.',
              createdAt: T0 - 8 * 24 * HOUR + HOUR,
            },
          },
        ],
      },
    },
    {
      nik: null,
      mergedInto: null,
      log: [],
      profile: {
        id: 'cz-siti-mail',
        name: 'Ibu Siti R.',
        segment: 'public',
        isSegmentVerified: false,
        organisation: 'Kelurahan Menteng',
        preferredLanguage: 'id',
        mayContact: false,
        addresses: [{ address: 'bu.siti@contoh.id', kind: 'email' }],
        openFollowUps: [],
        timeline: [
          {
            id: 'c-mail-1',
            reference: 'TGP-20260305-0003',
            channel: 'email',
            topic: 'bansos',
            arrivedAt: T0 - 5 * 24 * HOUR,
            status: 'closed',
            agentName: 'Rina Wulandari',
            outcome: { wrapupCode: 'answered', notes: '', createdAt: T0 - 5 * 24 * HOUR + HOUR },
          },
        ],
      },
    },
    {
      nik: '3273000011112222',
      mergedInto: null,
      log: [],
      profile: {
        id: 'cz-dewi',
        name: 'Dewi Kusuma',
        segment: 'media',
        isSegmentVerified: true,
        organisation: 'Harian Kompas',
        preferredLanguage: 'id',
        mayContact: true,
        addresses: [{ address: '@dewi_kusuma', kind: 'handle' }],
        openFollowUps: [],
        timeline: [],
      },
    },
  ];
  return new Map(citizens.map((citizen) => [citizen.profile.id, citizen]));
}

let citizens = initialCitizens();
let clock = T0 + 100 * HOUR;

export function resetCitizenMockState(): void {
  citizens = initialCitizens();
  clock = T0 + 100 * HOUR;
}

function record(citizen: MockCitizen, action: ProfileAccess['action'], reason: string): void {
  clock += 1000;
  citizen.log.unshift({ viewerName: 'Agus Prasetyo', at: clock, action, reason });
}

function profileOf(citizen: MockCitizen): CitizenProfile {
  return { ...citizen.profile, nikMasked: maskNik(citizen.nik) };
}

function hitOf(citizen: MockCitizen): CitizenSearchHit {
  const { profile } = citizen;
  return {
    id: profile.id,
    name: profile.name,
    segment: profile.segment,
    isSegmentVerified: profile.isSegmentVerified,
    organisation: profile.organisation,
    nikMasked: maskNik(citizen.nik),
    addresses: profile.addresses,
    contactCount: profile.timeline.length,
    lastContactAt: profile.timeline[0]?.arrivedAt ?? null,
  };
}

function invalid(path: string, message: string) {
  return HttpResponse.json(
    { error: { code: 'invalid_payload', message: `Invalid ${path}`, fields: [{ path, message }] } },
    { status: 400 },
  );
}

function reasonOf(request: Request): string | null {
  const reason = new URL(request.url).searchParams.get('reason')?.trim() ?? '';
  return reason.length >= 5 ? reason : null;
}

function find(text: string): { matchedOn: CitizenMatch; found: MockCitizen[] } | 'number_length' {
  const live = [...citizens.values()].filter((c) => c.mergedInto === null);
  const compact = text.replace(/[\s.\-()]/g, '');
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.replace(/^\+/, '');
    if (digits.length === 16)
      return { matchedOn: 'nik', found: live.filter((c) => c.nik === digits) };
    if (digits.length < 6 || digits.length > 15) return 'number_length';
    const phone = digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
    return {
      matchedOn: 'phone',
      found: live.filter((c) => c.profile.addresses.some((a) => a.address === phone)),
    };
  }
  const lower = text.trim().toLowerCase();
  if (lower.includes('@')) {
    return {
      matchedOn: lower.startsWith('@') ? 'handle' : 'email',
      found: live.filter((c) => c.profile.addresses.some((a) => a.address === lower)),
    };
  }
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return {
    matchedOn: 'name',
    found: live.filter((c) => {
      const nameWords = c.profile.name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
      return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
    }),
  };
}

export const citizenHandlers = [
  http.get('*/api/citizens', ({ request }) => {
    const reason = reasonOf(request);
    if (reason === null) return invalid('querystring.reason', 'required');
    const q = new URL(request.url).searchParams.get('q') ?? '';
    const result = find(q);
    if (result === 'number_length') return invalid('querystring.q', 'number_length');
    const found = result.found.sort((a, b) => a.profile.name.localeCompare(b.profile.name));
    for (const citizen of found) record(citizen, 'search', reason);
    return HttpResponse.json({
      matchedOn: result.matchedOn,
      hits: found.map(hitOf),
      hasMore: false,
    });
  }),
  http.get('*/api/citizens/:id/access-log', ({ params }) => {
    const citizen = citizens.get(String(params.id));
    if (!citizen) return undefined;
    return HttpResponse.json({ entries: citizen.log });
  }),
  http.get('*/api/citizens/:id', ({ params, request }) => {
    const citizen = citizens.get(String(params.id));
    if (!citizen) return undefined;
    const reason = reasonOf(request);
    if (reason === null) return invalid('reason', 'required');
    if (citizen.mergedInto !== null) {
      return HttpResponse.json(
        { error: { code: 'conflict', message: `merged into ${citizen.mergedInto}` } },
        { status: 409 },
      );
    }
    record(citizen, 'profile', reason);
    return HttpResponse.json(profileOf(citizen));
  }),
  http.patch('*/api/citizens/:id', async ({ params, request }) => {
    const citizen = citizens.get(String(params.id));
    if (!citizen) return undefined;
    const reason = reasonOf(request);
    if (reason === null) return invalid('reason', 'required');
    const change = (await request.json()) as UpdateCitizenBody;
    if (change.nik === '0000000000000000') return invalid('body.nik', 'not a NIK on file');
    const { nik, ...details } = change;
    if (nik !== undefined) citizen.nik = nik;
    citizen.profile = { ...citizen.profile, ...details };
    record(citizen, 'update', `${reason}: ${Object.keys(change).join(', ')}`);
    return HttpResponse.json(profileOf(citizen));
  }),
  http.post('*/api/citizens/:id/reveal-nik', async ({ params, request }) => {
    const citizen = citizens.get(String(params.id));
    if (!citizen) return undefined;
    const { reason } = (await request.json()) as { reason: string };
    record(citizen, 'reveal_nik', reason);
    return HttpResponse.json({ nik: citizen.nik });
  }),
  http.post('*/api/citizens/:id/merge', async ({ params, request }) => {
    const survivor = citizens.get(String(params.id));
    if (!survivor) return undefined;
    const body = (await request.json()) as { otherCitizenId: string; reason: string };
    const other = citizens.get(body.otherCitizenId);
    if (!other)
      return HttpResponse.json(
        { error: { code: 'not_found', message: 'no such citizen' } },
        { status: 404 },
      );
    if (
      survivor.mergedInto !== null ||
      other.mergedInto !== null ||
      (survivor.nik !== null && other.nik !== null && survivor.nik !== other.nik)
    ) {
      return HttpResponse.json(
        { error: { code: 'conflict', message: 'cannot merge' } },
        { status: 409 },
      );
    }
    survivor.nik ??= other.nik;
    survivor.profile = {
      ...survivor.profile,
      organisation: survivor.profile.organisation ?? other.profile.organisation,
      addresses: [...survivor.profile.addresses, ...other.profile.addresses],
      openFollowUps: [...survivor.profile.openFollowUps, ...other.profile.openFollowUps],
      timeline: [...survivor.profile.timeline, ...other.profile.timeline].sort(
        (a, b) => b.arrivedAt - a.arrivedAt,
      ),
    };
    other.mergedInto = survivor.profile.id;
    for (const citizen of [survivor, other]) {
      record(citizen, 'merge', `${other.profile.id} → ${survivor.profile.id}: ${body.reason}`);
    }
    return HttpResponse.json(profileOf(survivor));
  }),
];

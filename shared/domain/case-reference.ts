/**
 * Case reference numbers, told to the citizen on the call (K2). The format is configuration;
 * the default follows indonesia.md §2: `{BODY}-{TYPE}-{YYYYMMDD}-{SEQ5}`, e.g.
 * `KEMX-PIP-20260316-00042`. The date is the receipt's local day in the contact center's zone.
 */
import type { RequestType } from '../schemas/deadlines';
import { localDateOf } from './local-date';
import { toZoned } from './zoned-time';

export const DEFAULT_CASE_REFERENCE_FORMAT = '{BODY}-{TYPE}-{YYYYMMDD}-{SEQ5}';

/** Short codes per type, as the register and the citizen read them. */
export const CASE_TYPE_CODES: Record<RequestType, string> = {
  information_request: 'PIP', // Permohonan Informasi Publik
  objection: 'KEB', // Keberatan
  complaint: 'PGD', // Pengaduan
  personal_data_request: 'PDP', // Pelindungan Data Pribadi
  inquiry: 'TNY', // Pertanyaan
  aspiration: 'ASP', // Aspirasi
};

const TOKEN = /\{(BODY|TYPE|YYYYMMDD|YYYY|MM|DD|SEQ([1-9]))\}/g;

/** Why a format cannot make unique references, or `undefined` when it can. */
export function referenceFormatProblem(format: string): string | undefined {
  const sequences = format.match(/\{SEQ[1-9]\}/g) ?? [];
  if (sequences.length !== 1) return 'must contain exactly one {SEQn} (n = 1..9)';
  const stray = format.replace(TOKEN, '').match(/[{}]/);
  if (stray) return 'unknown {…} token; use {BODY} {TYPE} {YYYYMMDD} {YYYY} {MM} {DD} {SEQn}';
  if (format.length > 80) return 'at most 80 characters';
  return undefined;
}

export interface ReferenceParts {
  body: string;
  type: RequestType;
  at: number;
  timeZone: string;
}

function fill(format: string, parts: ReferenceParts, seq: (width: number) => string): string {
  const date = localDateOf(toZoned(parts.at, parts.timeZone).day); // YYYY-MM-DD
  return format.replace(TOKEN, (_whole, token: string, width?: string) => {
    switch (token) {
      case 'BODY':
        return parts.body;
      case 'TYPE':
        return CASE_TYPE_CODES[parts.type];
      case 'YYYYMMDD':
        return date.replaceAll('-', '');
      case 'YYYY':
        return date.slice(0, 4);
      case 'MM':
        return date.slice(5, 7);
      case 'DD':
        return date.slice(8, 10);
      default:
        return seq(Number(width));
    }
  });
}

/**
 * The name of the counter whose next value numbers this reference: the format filled in without
 * its sequence, so each distinct prefix (body, type, day, as the format has them) counts from 1.
 * A format without a date therefore numbers for ever, one with a date restarts each day.
 */
export function referenceCounterName(format: string, parts: ReferenceParts): string {
  return `case-ref:${fill(format, parts, () => '#')}`;
}

/** The reference with sequence `seq`, zero-padded to the format's width (wider when it outgrows it). */
export function formatCaseReference(format: string, parts: ReferenceParts, seq: number): string {
  return fill(format, parts, (width) => String(seq).padStart(width, '0'));
}

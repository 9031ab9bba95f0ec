import { describe, expect, it } from 'vitest';
import { at } from './calendar-fixtures';
import {
  DEFAULT_CASE_REFERENCE_FORMAT,
  formatCaseReference,
  referenceCounterName,
  referenceFormatProblem,
} from './case-reference';

describe('case references', () => {
  const parts = {
    body: 'KEMX',
    type: 'information_request' as const,
    // 23:30 WIB on 16 March is already the 17th in WIT; the format uses the given zone.
    at: at('2026-03-16T23:30:00+07:00'),
    timeZone: 'Asia/Jakarta',
  };

  it('fills the default format with the local day and a five-digit sequence', () => {
    expect(formatCaseReference(DEFAULT_CASE_REFERENCE_FORMAT, parts, 42)).toBe(
      'KEMX-PIP-20260316-00042',
    );
    expect(
      formatCaseReference(
        DEFAULT_CASE_REFERENCE_FORMAT,
        { ...parts, timeZone: 'Asia/Jayapura' },
        1,
      ),
    ).toBe('KEMX-PIP-20260317-00001');
    expect(formatCaseReference(DEFAULT_CASE_REFERENCE_FORMAT, parts, 123456)).toBe(
      'KEMX-PIP-20260316-123456',
    );
  });

  it('counts per prefix: per type and day in the default, for ever without a date', () => {
    const name = referenceCounterName(DEFAULT_CASE_REFERENCE_FORMAT, parts);
    expect(name).toBe('case-ref:KEMX-PIP-20260316-#');
    expect(
      referenceCounterName(DEFAULT_CASE_REFERENCE_FORMAT, { ...parts, type: 'complaint' }),
    ).not.toBe(name);
    expect(referenceCounterName('{BODY}/{SEQ7}', parts)).toBe('case-ref:KEMX/#');
    expect(formatCaseReference('{TYPE}.{YYYY}.{MM}.{DD}.{SEQ3}', parts, 7)).toBe(
      'PIP.2026.03.16.007',
    );
  });

  it('refuses formats that cannot be unique or have unknown tokens', () => {
    expect(referenceFormatProblem(DEFAULT_CASE_REFERENCE_FORMAT)).toBeUndefined();
    expect(referenceFormatProblem('{BODY}-{YYYYMMDD}')).toMatch(/SEQ/);
    expect(referenceFormatProblem('{SEQ3}-{SEQ4}')).toMatch(/SEQ/);
    expect(referenceFormatProblem('{BODY}-{UNIT}-{SEQ5}')).toMatch(/unknown/);
  });
});

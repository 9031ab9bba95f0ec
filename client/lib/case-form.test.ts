import { describe, expect, it } from 'vitest';
import { emptyCaseForm, toCaseDraft } from './case-form';

describe('the case form', () => {
  it('builds an information request with its register fields', () => {
    const result = toCaseDraft({
      ...emptyCaseForm('Siti Rahayu', '0812'),
      type: 'information_request',
      subject: ' Data PKH ',
      text: 'Jumlah penerima per kecamatan',
      purpose: 'Penelitian',
    });
    expect(result).toEqual({
      ok: true,
      draft: {
        type: 'information_request',
        subject: 'Data PKH',
        requester: { name: 'Siti Rahayu', contact: '0812' },
        confidentiality: 'normal',
        details: {
          informationRequested: 'Jumlah penerima per kecamatan',
          purpose: 'Penelitian',
          obtainMode: 'copy',
          deliveryMode: 'email',
        },
      },
    });
  });

  it('names the missing fields in form terms', () => {
    const result = toCaseDraft({ ...emptyCaseForm(''), type: 'information_request' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      ['purpose', 'requesterName', 'subject', 'text'].sort(),
    );
    expect(toCaseDraft(emptyCaseForm('x'))).toEqual({ ok: false, errors: { type: 'required' } });
  });

  it('takes a service class for inquiries, with days when custom', () => {
    const base = { ...emptyCaseForm('Budi'), type: 'inquiry' as const, subject: 'S', text: 'Q?' };
    expect(toCaseDraft({ ...base, serviceClass: 'one_week' })).toMatchObject({
      ok: true,
      draft: { serviceClass: 'one_week', details: { question: 'Q?' } },
    });
    expect(toCaseDraft({ ...base, serviceClass: 'custom' })).toMatchObject({
      ok: false,
      errors: { customWorkingDays: expect.any(String) },
    });
    expect(toCaseDraft({ ...base, serviceClass: 'custom', customWorkingDays: '3' })).toMatchObject({
      ok: true,
      draft: { customWorkingDays: 3 },
    });
  });
});

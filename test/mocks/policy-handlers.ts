/**
 * msw handlers for policy prompts and the catalog: every conversation is prompted the PKH policy
 * (campaign `camp-pkh`), unmarked; the catalog has PKH and KIP Kuliah, published.
 */
import { http, HttpResponse } from 'msw';
import type { Policy, PolicyList, PolicyPromptList } from '../../shared/schemas/policy';

const T0 = Date.UTC(2026, 0, 1);

function aPolicy(id: string, title: string): Policy {
  return {
    id,
    title,
    plainSummary: `${title}: ringkasan dalam bahasa sederhana.`,
    effectiveFrom: T0,
    unitId: 'pusat-kontak',
    unitName: 'Pusat Kontak',
    status: 'published',
    publishedAt: T0,
    answers: [],
    scripts: [],
    internalNote: null,
    updatedAt: T0,
  };
}

export const policyHandlers = [
  http.get('*/api/policies', () =>
    HttpResponse.json<PolicyList>({
      policies: [aPolicy('pol-pkh', 'PKH 2026'), aPolicy('pol-kip', 'KIP Kuliah 2026')],
    }),
  ),
  http.get('*/api/contacts/:contactId/policy-prompts', ({ params }) =>
    HttpResponse.json<PolicyPromptList>({
      prompts: [
        {
          contactId: String(params.contactId),
          campaignId: 'camp-pkh',
          policyId: 'pol-pkh',
          title: 'PKH 2026',
          plainSummary: 'PKH hanya cair bila data DTSEN sudah diperbarui.',
          message: 'Info: perbarui data DTSEN agar PKH tetap cair.',
          effectiveFrom: T0,
          mark: null,
        },
      ],
    }),
  ),
];

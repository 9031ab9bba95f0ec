import type { TFunction } from 'i18next';
import type { PublicationNotice } from '../../../shared/schemas/publication';

/** "Jawaban diperbarui: Syarat PKH (v3)": what was published, new or changed, with its version. */
export function noticeHeadline(
  notice: Pick<PublicationNotice, 'kind' | 'title' | 'version'>,
  t: TFunction,
): string {
  const change = notice.version === 1 ? 'new' : 'updated';
  return t(`notices.headline.${notice.kind}_${change}`, {
    title: notice.title,
    version: notice.version,
  });
}

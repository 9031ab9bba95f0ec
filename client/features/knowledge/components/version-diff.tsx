import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerVersion } from '../../../../shared/schemas/knowledge';
import { formatDateTime } from '../../../lib/format';
import { diffWords } from '../word-diff';

/** The version agents read before this one: the newest earlier one that was published. */
export function previousPublished(
  versions: readonly AnswerVersion[],
  of: AnswerVersion,
): AnswerVersion | undefined {
  return versions
    .filter((v) => v.version < of.version && v.publishedAt !== null)
    .sort((a, b) => b.version - a.version)[0];
}

function Diff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {diffWords(before, after).map((part, index) => {
        if (part.kind === 'same') return <span key={index}>{part.text}</span>;
        const isAdded = part.kind === 'added';
        return (
          <Box
            key={index}
            component={isAdded ? 'ins' : 'del'}
            title={isAdded ? t('authoring.diffAdded') : t('authoring.diffRemoved')}
            style={{
              background: isAdded ? 'var(--mantine-color-teal-1)' : 'var(--mantine-color-red-1)',
              textDecoration: isAdded ? 'underline' : 'line-through',
            }}
          >
            {part.text}
          </Box>
        );
      })}
    </Text>
  );
}

/**
 * What this version changes against the one agents read before it, field by field, words added
 * underlined and words taken out struck through (not by colour alone).
 */
export function VersionDiff({
  versions,
  version,
}: {
  versions: readonly AnswerVersion[];
  version: AnswerVersion;
}) {
  const { t, i18n } = useTranslation();
  const base = previousPublished(versions, version);
  if (base === undefined) return null;
  const dates = (v: AnswerVersion) =>
    `${formatDateTime(v.effectiveFrom, i18n.language)} – ${
      v.expiresAt === null ? t('authoring.noExpiry') : formatDateTime(v.expiresAt, i18n.language)
    }`;
  const fields = [
    { label: t('authoring.titleField'), before: base.title, after: version.title },
    { label: t('authoring.summary'), before: base.summary, after: version.summary },
    { label: t('authoring.body'), before: base.body, after: version.body },
    {
      label: t('authoring.source'),
      before: `${base.sourceDocument} ${base.sourceArticle ?? ''}`.trim(),
      after: `${version.sourceDocument} ${version.sourceArticle ?? ''}`.trim(),
    },
    { label: t('authoring.period'), before: dates(base), after: dates(version) },
  ];
  const changed = fields.filter((field) => field.before !== field.after);
  return (
    <section aria-labelledby="version-diff-title" data-testid="version-diff">
      <Text fw={650} size="sm" id="version-diff-title" component="h3" m={0} mb={4}>
        {t('authoring.diffTitle', { base: base.version, version: version.version })}
      </Text>
      {changed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('authoring.diffNone')}
        </Text>
      ) : (
        <Stack gap={6}>
          {changed.map((field) => (
            <div key={field.label}>
              <Text size="xs" fw={600} c="dimmed">
                {field.label}
              </Text>
              <Diff before={field.before} after={field.after} />
            </div>
          ))}
        </Stack>
      )}
    </section>
  );
}

import { Box, Divider, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { useAccessReason } from '../hooks/use-access-reason';
import { CitizenProfileView } from './citizen-profile-view';
import { CitizenSearch } from './citizen-search';
import { ReasonBar } from './reason-bar';
import { addScreenStrings } from '../../../i18n';
import { citizensScreenId } from '../../../i18n/citizens-screen-id';

addScreenStrings({ citizens: citizensScreenId });

/**
 * Citizen records for leads and administrators: say why once, search, open a profile (its
 * details, history and access log), edit it, reveal the NIK with a reason, merge two profiles
 * of one person. Every search and read is logged on the server with the reason.
 */
export function CitizensScreen({ frame }: { frame: FrameProps }) {
  const { t } = useTranslation();
  const [reason, setReason] = useAccessReason(frame.user.id);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <AppFrame frame={frame}>
      <Box
        data-testid="citizens-screen"
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(300px, 380px) minmax(0, 1fr)',
          height: '100%',
        }}
      >
        <Stack
          gap="sm"
          p="md"
          style={{ borderRight: '1px solid var(--mantine-color-gray-3)', overflowY: 'auto' }}
        >
          <Title order={1} size="h4">
            {t('citizens.title')}
          </Title>
          <ReasonBar reason={reason} onChange={setReason} />
          <Divider />
          <CitizenSearch
            reason={reason}
            currentId={openId}
            onPick={(hit) => setOpenId(hit.id)}
            autoFocus={reason !== ''}
          />
        </Stack>
        <Box p="md" style={{ overflowY: 'auto' }}>
          {openId === null ? (
            <Text size="sm" c="dimmed">
              {t('citizens.profile.none')}
            </Text>
          ) : (
            <CitizenProfileView
              key={openId}
              citizenId={openId}
              reason={reason}
              onMerged={(survivor) => setOpenId(survivor.id)}
            />
          )}
        </Box>
      </Box>
    </AppFrame>
  );
}

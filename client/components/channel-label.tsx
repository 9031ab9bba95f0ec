import { Group, Text } from '@mantine/core';
import {
  IconBrandWhatsapp,
  IconMail,
  IconMessage,
  IconMessageCircle,
  IconPhone,
  IconShare,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/schemas/common';

const ICONS = {
  voice: IconPhone,
  sms: IconMessage,
  whatsapp: IconBrandWhatsapp,
  webchat: IconMessageCircle,
  email: IconMail,
  social: IconShare,
} satisfies Record<Channel, unknown>;

export function ChannelIcon({ channel, size = 14 }: { channel: Channel; size?: number }) {
  const Icon = ICONS[channel];
  return <Icon size={size} aria-hidden stroke={1.8} />;
}

export function ChannelLabel({ channel, size = 'sm' }: { channel: Channel; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const Icon = ICONS[channel];
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Icon size={size === 'xs' ? 12 : 14} aria-hidden stroke={1.8} />
      <Text span size={size}>
        {t(`channel.${channel}`)}
      </Text>
    </Group>
  );
}

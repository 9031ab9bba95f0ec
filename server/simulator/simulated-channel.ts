import type { InboundContactBody } from '../../shared/schemas/inbound';
import type { ChannelGateway, OutboundDelivery } from '../modules/messaging/gateway';
import type { Random } from './generate';

/** What a citizen typically writes back after an agent's answer. */
const CITIZEN_REPLIES = [
  'Baik, terima kasih atas informasinya.',
  'Kalau sudah dicek tapi nama saya tetap tidak ada, saya harus ke mana?',
  'Apakah ada nomor yang bisa saya hubungi langsung di kantor dinas?',
  'Mohon maaf, bisa dijelaskan lagi persyaratannya? Saya kurang paham.',
  'Oke, saya akan coba besok pagi. Terima kasih, Kak.',
  'Berapa lama prosesnya biasanya?',
  'Apakah bisa diwakilkan oleh anak saya?',
];

/**
 * The demo's stand-in for a channel provider: it takes the agent's reply, confirms delivery a
 * moment later, and now and then the citizen answers through the same inbound path a real
 * provider would use.
 */
export function createSimulatedChannel(options: {
  random: Random;
  receive: (body: InboundContactBody) => Promise<unknown>;
  confirmDelivered: (messageId: string) => Promise<unknown>;
  onError: (error: unknown) => void;
  delayScale?: number;
}): ChannelGateway {
  const scale = options.delayScale ?? 1;
  const later = (ms: number, task: () => Promise<unknown>) => {
    const timer = setTimeout(() => task().catch(options.onError), ms * scale);
    timer.unref();
  };
  return {
    deliver(delivery: OutboundDelivery) {
      later(800 + options.random() * 1200, () => options.confirmDelivered(delivery.messageId));
      if (options.random() < 0.7) {
        const text = CITIZEN_REPLIES[Math.floor(options.random() * CITIZEN_REPLIES.length)]!;
        later(4000 + options.random() * 6000, () =>
          options.receive({
            channel: delivery.channel,
            externalId: `sim-reply-${delivery.messageId}`,
            from: delivery.to,
            text,
          }),
        );
      }
      return Promise.resolve({ ok: true });
    },
  };
}

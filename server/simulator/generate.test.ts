import { describe, expect, it } from 'vitest';
import { InboundContactBodySchema } from '../../shared/schemas/inbound';
import { createPopulation, generateInboundContact, seededRandom } from './generate';

describe('simulated inbound traffic', () => {
  it('produces bodies the inbound API accepts, across channels, topics and all five segments', () => {
    const random = seededRandom(7);
    const population = createPopulation(random, 60);
    const bodies = Array.from({ length: 400 }, (_, i) =>
      generateInboundContact(random, population, i),
    );
    for (const body of bodies) expect(InboundContactBodySchema.safeParse(body).success).toBe(true);
    expect(new Set(bodies.map((b) => b.channel)).size).toBe(6);
    expect(new Set(bodies.map((b) => b.segment))).toEqual(
      new Set(['public', 'media', 'academia', 'observer', 'official']),
    );
    expect(new Set(bodies.map((b) => b.topic)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(bodies.map((b) => b.externalId)).size).toBe(bodies.length);
  });

  it('brings callers back, so their history builds up', () => {
    const random = seededRandom(3);
    const population = createPopulation(random, 10);
    const froms = Array.from(
      { length: 100 },
      (_, i) => generateInboundContact(random, population, i).from,
    );
    expect(new Set(froms).size).toBeLessThan(froms.length);
  });

  it('is repeatable for a seed', () => {
    const run = () => {
      const random = seededRandom(42);
      return generateInboundContact(random, createPopulation(random, 5), 1);
    };
    expect(run()).toEqual(run());
  });

  it('uses Indonesian mobile numbers for voice, SMS and WhatsApp', () => {
    const random = seededRandom(11);
    const population = createPopulation(random, 30);
    for (let i = 0; i < 200; i++) {
      const body = generateInboundContact(random, population, i);
      if (['voice', 'sms', 'whatsapp', 'webchat'].includes(body.channel))
        expect(body.from).toMatch(/^08\d{10}$/);
      if (body.channel === 'email') expect(body.from).toMatch(/@contoh\.id$/);
    }
  });
});

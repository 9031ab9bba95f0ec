import { describe, expect, it } from 'vitest';
import { isAllowedToScrape } from './handlers';

const TOKEN = 'a-metrics-token-of-32-characters';

describe('who may scrape /metrics', () => {
  it('lets loopback scrape without a token', () => {
    expect(isAllowedToScrape('127.0.0.1', undefined, undefined)).toBe(true);
    expect(isAllowedToScrape('::1', undefined, undefined)).toBe(true);
    expect(isAllowedToScrape('::ffff:127.0.0.1', undefined, TOKEN)).toBe(true);
  });

  it('refuses another host without the token', () => {
    expect(isAllowedToScrape('10.1.2.3', undefined, undefined)).toBe(false);
    expect(isAllowedToScrape('10.1.2.3', undefined, TOKEN)).toBe(false);
    expect(isAllowedToScrape('10.1.2.3', 'Bearer wrong', TOKEN)).toBe(false);
    expect(isAllowedToScrape('10.1.2.3', `Basic ${TOKEN}`, TOKEN)).toBe(false);
  });

  it('lets another host scrape with the bearer token', () => {
    expect(isAllowedToScrape('10.1.2.3', `Bearer ${TOKEN}`, TOKEN)).toBe(true);
  });
});

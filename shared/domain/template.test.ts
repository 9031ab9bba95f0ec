import { describe, expect, it } from 'vitest';
import { fillTemplate } from './template';

describe('fillTemplate', () => {
  it('fills known variables', () => {
    const result = fillTemplate('Selamat pagi, {caller.name}. Nomor tiket Anda {reference}.', {
      'caller.name': 'Siti Rahayu',
      reference: 'TGP-20261128-00001',
    });
    expect(result).toEqual({
      text: 'Selamat pagi, Siti Rahayu. Nomor tiket Anda TGP-20261128-00001.',
      missing: [],
    });
  });

  it('leaves unknown or empty variables visible and reports them once', () => {
    const result = fillTemplate('{agent.name} / {agent.name} / {caller.nik}', {
      'agent.name': '',
    });
    expect(result.text).toBe('{agent.name} / {agent.name} / {caller.nik}');
    expect(result.missing).toEqual(['agent.name', 'caller.nik']);
  });

  it('ignores braces that are not variables', () => {
    expect(fillTemplate('{ 1 } {}', {}).text).toBe('{ 1 } {}');
  });
});

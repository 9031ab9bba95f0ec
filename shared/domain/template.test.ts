import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillTemplate, templateVariables } from './template';

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

describe('templateVariables', () => {
  it('lists each variable once, in the order it first appears', () => {
    expect(
      templateVariables('{caller.name}, nomor {reference} ({caller.name}) pada {tanggal}. {}'),
    ).toEqual(['caller.name', 'reference', 'tanggal']);
    expect(templateVariables('Tanpa isian.')).toEqual([]);
  });
});

describe('fillTemplate with every variable given', () => {
  it('treats a value of spaces as missing', () => {
    expect(fillTemplate('Nomor {reference}', { reference: '  ' })).toEqual({
      text: 'Nomor {reference}',
      missing: ['reference'],
    });
  });

  it('leaves no variable unfilled, and reports exactly the ones it lacks', () => {
    const name = fc.constantFrom('caller.name', 'reference', 'tanggal', 'kode.pos');
    const part = fc.oneof(
      name.map((n) => `{${n}}`),
      fc.string({ maxLength: 8 }).filter((s) => !s.includes('{') && !s.includes('}')),
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 10 }),
        fc.dictionary(
          name,
          fc
            .string({ minLength: 1, maxLength: 5 })
            .filter((v) => !v.includes('{') && v.trim() !== ''),
        ),
        (parts, given) => {
          const text = parts.join('');
          const result = fillTemplate(text, given);
          const used = templateVariables(text);
          expect(result.missing).toEqual(used.filter((n) => given[n] === undefined));
          expect(templateVariables(result.text)).toEqual(result.missing);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  loadUsedAnswers,
  pruneUsedAnswers,
  recordUsedAnswer,
  withUsedAnswer,
  withoutUsedAnswer,
  type UsedAnswer,
} from './used-answers';

const syarat: UsedAnswer = {
  answerId: 'kb-pkh-syarat',
  version: 3,
  title: 'Syarat PKH',
  source: 'Permensos 1/2018 Pasal 5',
  via: 'inserted',
};
const syaratV2: UsedAnswer = { ...syarat, version: 2 };

describe('answers used in a conversation', () => {
  it('lists each version once, keeping how it was first used, and removes one on its own', () => {
    const list = withUsedAnswer(withUsedAnswer([syarat], syaratV2), { ...syarat, via: 'read' });
    expect(list).toEqual([syarat, syaratV2]);
    expect(withoutUsedAnswer(list, { answerId: 'kb-pkh-syarat', version: 3 })).toEqual([syaratV2]);
  });

  it('keeps each conversation’s list on this device, and forgets those no longer held', () => {
    recordUsedAnswer('c-1', syarat);
    recordUsedAnswer('c-2', syaratV2);
    expect(loadUsedAnswers('c-1')).toEqual([syarat]);
    // The same stored list reads as the same array (React's external store needs that).
    expect(loadUsedAnswers('c-1')).toBe(loadUsedAnswers('c-1'));
    pruneUsedAnswers(['c-2']);
    expect(loadUsedAnswers('c-1')).toEqual([]);
    expect(loadUsedAnswers('c-2')).toEqual([syaratV2]);
  });

  it('ignores a stored list that is not one', () => {
    window.localStorage.setItem('tanggap:used-answers:c-3', '{"bukan":"daftar"}');
    expect(loadUsedAnswers('c-3')).toEqual([]);
  });
});

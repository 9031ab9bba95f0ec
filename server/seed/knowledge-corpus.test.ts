import { describe, expect, it } from 'vitest';
import { CreateAnswerBodySchema } from '../../shared/schemas/knowledge';
import { searchTerms } from '../modules/knowledge/repository';
import { GENERAL_TOPIC } from './base-data';
import { DEMO_TOPICS } from './demo-data';
import { KNOWLEDGE_CORPUS } from './knowledge-corpus';
import { DEFAULT_UNIT, DEMO_UNITS } from './units';

describe('the demo knowledge corpus', () => {
  it('holds at least 200 answers with unique ids and titles', () => {
    expect(KNOWLEDGE_CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(KNOWLEDGE_CORPUS.map((a) => a.id)).size).toBe(KNOWLEDGE_CORPUS.length);
    expect(new Set(KNOWLEDGE_CORPUS.map((a) => a.title)).size).toBe(KNOWLEDGE_CORPUS.length);
  });

  it('passes the same checks as an answer written through the API', () => {
    const topics = new Set([GENERAL_TOPIC.code, ...DEMO_TOPICS.map((t) => t.code)]);
    const units = new Set([DEFAULT_UNIT.id, ...DEMO_UNITS.map((u) => u.id)]);
    for (const answer of KNOWLEDGE_CORPUS) {
      expect(CreateAnswerBodySchema.safeParse({ ...answer, effectiveFrom: 0 }).success).toBe(true);
      expect(topics.has(answer.topic), answer.id).toBe(true);
      expect(units.has(answer.unitId), answer.id).toBe(true);
      expect(answer.sourceArticle, answer.id).toMatch(/^Pasal \d+/);
      // Template seams (doubled words or punctuation, an unfilled field) would read badly.
      expect(`${answer.title} ${answer.body} ${answer.summary}`, answer.id).not.toMatch(
        /undefined|\.\.|\(\(|\s,/,
      );
    }
  });

  it('covers every demo topic', () => {
    const covered = new Set(KNOWLEDGE_CORPUS.map((a) => a.topic));
    for (const topic of [...DEMO_TOPICS.map((t) => t.code), 'umum']) {
      expect(covered.has(topic), topic).toBe(true);
    }
  });
});

describe('search terms', () => {
  it('keeps words and numbers only, lower-cased, so no search syntax reaches the engine', () => {
    expect(searchTerms('KIS nonaktif?')).toEqual(['kis', 'nonaktif']);
    expect(searchTerms('"KTP-el" OR * NEAR(')).toEqual(['ktp', 'el', 'or', 'near']);
    expect(searchTerms('UU 24/2013')).toEqual(['uu', '24', '2013']);
    expect(searchTerms('!!!')).toEqual([]);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

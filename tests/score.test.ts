import { describe, expect, it } from 'vitest';
import { align, sameNumber, type ScoredRecord } from '../src/score/align.js';
import { metrics, scoreDocument, subjectMatches } from '../src/score/score.js';

const r = (value: number, unit: string, extra: Partial<ScoredRecord> = {}): ScoredRecord => ({
  value,
  value_max: null,
  unit,
  qualifier: 'exact',
  change: 'none',
  modality: 'actual',
  subject: '',
  subject_key: '',
  ...extra,
});

describe('score: alignment', () => {
  it('aligns in document order on (value, value_max, unit)', () => {
    const gold = [r(1, '个'), r(2, '%'), r(3, '元')];
    const predicted = [r(1, '个'), r(9, '%'), r(3, '元')];
    expect(align(predicted, gold).pairs).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it('a missed record shifts nothing after it', () => {
    const gold = [r(5, '个'), r(5, '个'), r(7, '%')];
    const predicted = [r(5, '个'), r(7, '%')];
    expect(align(predicted, gold).pairs).toHaveLength(2);
  });

  it('value_max must match too', () => {
    expect(align([r(2, '所', { value_max: 3 })], [r(2, '所')]).pairs).toEqual([]);
  });

  it('numbers compare exactly, tolerating float noise of a JSON number', () => {
    expect(sameNumber('2389000', 2389000)).toBe(true);
    expect(sameNumber(33.333333333333336, '33.33333333333333')).toBe(true);
    expect(sameNumber(238.9, 238.8)).toBe(false);
    expect(sameNumber(null, null)).toBe(true);
    expect(sameNumber(3, null)).toBe(false);
  });
});

describe('score: metrics by QUANTITIES.md §7', () => {
  it('counts precision and recall, leaving optional gold out of both sides', () => {
    const gold = [r(1, '个'), r(13, '方面', { optional: true }), r(2, '%')];
    const predicted = [r(1, '个'), r(13, '方面'), r(4, '元')];
    const { counts } = scoreDocument('d', predicted, gold);
    expect(counts).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    const m = metrics(counts);
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBe(0.5);
  });

  it('an unmatched prediction of an optional record is neither for nor against', () => {
    const { counts } = scoreDocument('d', [], [r(13, '方面', { optional: true })]);
    expect(counts).toMatchObject({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  });

  it('attribute accuracies over aligned pairs', () => {
    const gold = [r(71, '%', { change: 'increase', subject_key: '转化数量' }), r(5, '个', { qualifier: 'at_least', subject_key: '项目' })];
    const predicted = [r(71, '%', { change: 'increase', subject: '科技成果本地转化数量' }), r(5, '个')];
    const m = metrics(scoreDocument('d', predicted, gold).counts);
    expect(m.changeAccuracy).toBe(1);
    expect(m.qualifierAccuracy).toBe(0.5);
    expect(m.subjectAccuracy).toBe(0.5);
  });

  it('subject contains the key, spaces ignored; an empty key accepts any subject', () => {
    expect(subjectMatches('最低工资 标准', '最低工资标准')).toBe(true);
    expect(subjectMatches('项目', '产业项目')).toBe(false);
    expect(subjectMatches('', '')).toBe(true);
    expect(subjectMatches('任何', '')).toBe(true);
  });

  it('no records at all gives zeros, not NaN', () => {
    expect(metrics(scoreDocument('d', [], []).counts).f1).toBe(0);
  });
});

/**
 * clean, running heads (src/stages/clean/furniture.ts `runningHeads`): a short line repeated a page
 * apart goes, but only one that reads as a title; prose that repeats stays. The case that drops
 * one is in tests/cases/clean.yaml.
 */
import { describe, expect, it } from 'vitest';
import { createPipeline, processText } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clean } from '../src/stages/clean/index.js';

const pipeline = createPipeline(loadRules(), [clean]);
const wrap = (text: string, width: number): string[] => text.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [];
const paragraph = '全年完成固定资产投资1234.5亿元，增长6.1%，其中工业投资增长12.3%，基础设施投资增长8.8%，民间投资增长2.4%，占全部投资的55%。';

function runningHeadsDropped(raw: string): string[] {
  return processText(pipeline, 'r', raw)
    .warnings.filter((w) => w.rule === 'furniture.yaml#running-head')
    .map((w) => w.actual ?? '');
}

describe('clean: running heads', () => {
  it('a title line atop every page goes, each with an info warning that names it', () => {
    const page = ['清河市统计公报', ...wrap(paragraph + paragraph, 18)];
    const raw = [...page, ...page, ...page].join('\n');
    expect(runningHeadsDropped(raw)).toEqual(['清河市统计公报', '清河市统计公报', '清河市统计公报']);
  });

  it('twice is not enough: a report may repeat a heading once', () => {
    const page = ['清河市统计公报', ...wrap(paragraph + paragraph, 18)];
    expect(runningHeadsDropped([...page, ...page].join('\n'))).toEqual([]);
  });

  it('a short line with a clause mark (a table unit line) stays', () => {
    const page = ['单位：亿元', ...wrap(paragraph + paragraph, 18)];
    expect(runningHeadsDropped([...page, ...page, ...page].join('\n'))).toEqual([]);
  });

  it('prose that wraps the same way three times stays: a line with a comma or a percent sign is no head', () => {
    // the same stock paragraph, wrapped at the same width, thrice: its lines repeat a page apart
    const raw = [paragraph, paragraph, paragraph].flatMap((p) => [...wrap(p, 18), '']).join('\n');
    expect(runningHeadsDropped(raw)).toEqual([]);
  });

  it('lines of the same head closer than a page (a list of equal items) stay', () => {
    const raw = ['清河市统计公报', '清河市统计公报', '清河市统计公报', ...wrap(paragraph, 18)].join('\n');
    expect(runningHeadsDropped(raw)).toEqual([]);
  });
});

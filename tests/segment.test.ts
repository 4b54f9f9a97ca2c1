/**
 * The segmenter's `tag` is jieba's `cut` plus a lookup in the dictionaries JS already holds
 * (text/word-table.ts), not jieba's own `tag`. These tests prove the two equal, word for
 * word and tag for tag, on varied and hostile text and on hostile user dictionaries.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { getSegmenter, tagEach } from '../src/text/segment.js';
import { WordTable } from '../src/text/word-table.js';

const require = createRequire(import.meta.url);
interface Jieba {
  DEFAULT_DICT: string;
  tag(text: string): { word: string; tag: string }[];
  cut(text: string, hmm: boolean): string[];
}

// loads jieba with liang's user dictionary first; the same process-wide jieba answers below
const segmenter = getSegmenter(loadRules().userDictPath);
const jieba = require('nodejieba') as Jieba;

function expectSameAsJieba(text: string): void {
  const ours = segmenter.tag(text).map(({ word, tag }) => [word, tag]);
  const theirs = jieba.tag(text).map(({ word, tag }) => [word, tag]);
  expect(ours, JSON.stringify(text.slice(0, 80))).toEqual(theirs);
}

const HOSTILE = [
  '',
  ' ',
  '5',
  'a',
  '12',
  'a1',
  '1a',
  'ab',
  'A1B2C3',
  '2024年',
  '增长6.5%',
  'GDP增长5.2%',
  '5G基站1.2万个',
  '3D打印',
  'iPhone15 Pro Max',
  '１２３４５',
  'ＧＤＰ',
  '第１季度',
  '一二三四五六七八九十百千万亿',
  '，。、；：？！“”‘’（）《》【】',
  '\t\n\r\u3000\u00a0 ',
  '𠀀𠀁𪚥字𝟘𝟙',
  '😀增长😀5%😀',
  'a😀b',
  '😀1',
  '1😀',
  '12😀',
  'ab😀😀',
  '@#$%^&*()_+-=[]{}|\\;\':",./<>?',
  'http://www.example.gov.cn/a?b=1&c=2',
  '规上工业增加值比上年增长6.5%，社会消费品零售总额增长4.1%。',
  '全市地区生产总值达到7000亿元 , 同比增长 5% ; 其中第三产业增加值3500亿元',
  'x'.repeat(300),
  '1'.repeat(300),
  '增长'.repeat(200),
];

describe('segmenter tag = jieba cut + dictionary lookup', () => {
  it('matches jieba tag on hostile strings', () => {
    for (const text of HOSTILE) expectSameAsJieba(text);
  });

  it('matches jieba tag on every line of the sample and the fixtures', () => {
    const files = [
      ...readdirSync('input').filter((f) => f.endsWith('.txt')).map((f) => join('input', f)),
      ...['tests/fixtures/zh-heldout', 'tests/fixtures/english'].flatMap((dir) =>
        readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)),
      ),
    ];
    expect(files.length).toBeGreaterThan(10);
    let words = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expectSameAsJieba(text);
      words += jieba.cut(text, true).length;
    }
    expect(words).toBeGreaterThan(10000);
  });

  it('matches jieba tag on random mixes of Han, digits, Latin, punctuation, spaces and astral characters', () => {
    const pieces = fc.constantFrom(
      ...'增长下降亿元万人个百分点工业生产总值全市社会消费品零售总额比上年年末同比实现完成目标任务的了和与及'.split(''),
      ...'0123456789０１２３abcXYZ.．%％-+/'.split(''),
      ' ', '\t', '\n', '\u3000', '，', '。', '、', '；', '：', '（', '）', '“', '”', '《', '》',
      '𠀀', '😀', '𝟘', '\u00a0', '·', '—', '…',
      '规上工业增加值', '比上年', '地区生产总值', '新质生产力', 'GDP', '5G', 'PM2.5',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => expectSameAsJieba(parts.join(''))),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('tagEach: several texts in one jieba call', () => {
  const tokensOf = (text: string, base: number) => segmenter.tag(text, base).map(({ word, tag, start, end }) => [word, tag, start, end]);

  it('gives each text the words, tags and offsets its own tag call gives', () => {
    const texts = HOSTILE.filter((text) => text.length < 100);
    const bases = texts.map((_, k) => 1000 * k + 7);
    const each = tagEach(segmenter, texts, bases);
    expect(each.map((tokens) => tokens.map(({ word, tag, start, end }) => [word, tag, start, end]))).toEqual(
      texts.map((text, k) => tokensOf(text, bases[k]!)),
    );
  });

  it('agrees with one call per text on random runs of sentence pieces', () => {
    const piece = fc.array(
      fc.constantFrom(...Array.from('增长下降亿元万人个工业生产总值全市同比12.5%abc 😀，。、；'), '比上年', '\n', '\t', '𠀀'),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const texts = parts.map((part) => part.join(''));
        const bases = texts.map((_, k) => 50 * k);
        const each = tagEach(segmenter, texts, bases).map((tokens) => tokens.map(({ word, tag, start, end }) => [word, tag, start, end]));
        expect(each).toEqual(texts.map((text, k) => tokensOf(text, bases[k]!)));
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('gathers the lists of consecutive texts by groups, empty groups included', () => {
    const piece = fc.array(fc.constantFrom(...Array.from('增长下降亿元万人个工业生产总值12.5%abc ，。、'), '比上年', '\n', '𠀀'), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 4 }), { maxLength: 6 }), (grouped) => {
        const texts = grouped.flat().map((part) => part.join(''));
        const bases = texts.map((_, k) => 40 * k + 3);
        const each = tagEach(segmenter, texts, bases, grouped.map((group) => group.length));
        let k = 0;
        const expected = grouped.map((group) => group.flatMap(() => tokensOf(texts[k]!, bases[k++]!)));
        expect(each.map((tokens) => tokens.map(({ word, tag, start, end }) => [word, tag, start, end]))).toEqual(expected);
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('refuses a segmenter that cuts a word across a join', () => {
    const gluing = { ...segmenter, tag: (text: string) => [{ word: text, tag: 'x', start: 0, end: text.length }] };
    expect(() => tagEach(gluing, ['增长', '5%'], [0, 10])).toThrow(/across the join/);
  });
});

describe('WordTable reads tags from user dictionaries as jieba does', () => {
  // jieba holds one dictionary per process: a hostile user dictionary needs a process of its own
  it('agrees with jieba loaded with a hostile user dictionary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liang-tags-'));
    const userDict = join(dir, 'user.txt');
    const user = [
      '中国 10 nz', // a main word retagged
      '上海 x', // word and tag
      '北京', // no tag: the main tag is replaced by none, so the ASCII rule decides
      '苹果 5', // two fields: the second is the tag, even a number
      '香蕉  nt', // two spaces: an empty frequency, then the tag
      '西瓜 1 nz extra', // four fields: ignored
      ' 葡萄 nz', // a leading space: an empty word, ignored
      '橘子\tnz', // a tab is part of the word
      '梨子 3 nz\r', // CRLF: the tag keeps the \r
      '荔枝 ', // a trailing space opens no field
      '芒果  ', // two trailing spaces: an empty tag
      '桃子 3 nz ', // a space after the third field opens no fourth
      '樱桃 3 nz  ', // two spaces after it do: four fields, ignored
      '李子 nz ', // a space after the second field
      '',
      'AB12 3 nz',
      'A1 nx',
      '新词语甲 n',
      '新词语甲 vn', // a later line wins
    ].join('\n');
    writeFileSync(userDict, user);
    const texts = [
      '中国，上海，北京，苹果，香蕉，西瓜，葡萄，橘子\tnz，梨子\r，荔枝，芒果，桃子，樱桃，李子，AB12，A1，新词语甲',
      '中国上海北京苹果香蕉西瓜葡萄橘子梨子荔枝芒果AB12A1新词语甲',
      ...HOSTILE,
    ];
    const script = `
      const j = require(${JSON.stringify(require.resolve('nodejieba'))});
      j.load({ userDict: ${JSON.stringify(userDict)} });
      const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      process.stdout.write(JSON.stringify(texts.map((t) => ({ cut: j.cut(t, true), tag: j.tag(t) }))));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(texts), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const answers = JSON.parse(run.stdout) as { cut: string[]; tag: { word: string; tag: string }[] }[];
    const main = readFileSync(jieba.DEFAULT_DICT, 'utf8') + '\n';
    const table = new WordTable(main + user, main.length);
    answers.forEach(({ cut, tag }, i) => {
      expect(cut.map((word) => [word, table.tag(word)]), JSON.stringify(texts[i])).toEqual(tag.map((t) => [t.word, t.tag]));
    });
    // the cases above must reach the user lines they are about
    const tags = new Map(answers[0]!.tag.map((t) => [t.word, t.tag]));
    expect(tags.get('中国')).toBe('nz');
    expect(tags.get('北京')).toBe('x');
    expect(tags.get('苹果')).toBe('5');
    expect(tags.get('新词语甲')).toBe('vn');
    expect(tags.get('桃子')).toBe('nz');
  });
});

/**
 * Measures cleaned output against the clean source paragraphs: what the harness promises to check.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface SourceParagraph {
  kind: 'heading' | 'body';
  text: string;
}

/** The clean source paragraphs of the harness. */
export function sourceParagraphs(): SourceParagraph[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return parse(readFileSync(join(here, 'source.yaml'), 'utf8')) as SourceParagraph[];
}

export interface Scores {
  /** Spaces left between two Chinese characters. */
  cjkSpaces: number;
  /** Paragraph-start F1 (a start is the first 10 characters of a paragraph). */
  paragraphF1: number;
  /** Share of source sentences found whole inside one output paragraph. */
  sentencesWhole: number;
  /** The output holds exactly the source characters in the source order (spaces aside). */
  sameSequence: boolean;
  /** The output holds exactly the source characters, in any order (spaces aside). */
  sameCharacters: boolean;
  lost: string;
  invented: string;
}

const CJK = '[\\u4e00-\\u9fff，。；：、！？“”（）]';
const CJK_SPACE = new RegExp(`${CJK}[ \\t\\u3000]+${CJK}`, 'gu');

const squeeze = (text: string): string => text.replace(/\s+/gu, '');

/** Scores output paragraphs (as strings) against the source. */
export function score(source: readonly string[], output: readonly string[]): Scores {
  const key = (text: string): string => Array.from(squeeze(text)).slice(0, 10).join('');
  const gold = new Set(source.map(key));
  const predicted = new Set(output.map(key));
  const hits = [...predicted].filter((k) => gold.has(k)).length;
  const precision = predicted.size === 0 ? 0 : hits / predicted.size;
  const recall = gold.size === 0 ? 0 : hits / gold.size;
  const paragraphF1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const squeezedOutput = output.map(squeeze);
  const sentences = source.flatMap((text) => squeeze(text).match(/[^。！？；]+[。！？；]?/gu) ?? []);
  const whole = sentences.filter((s) => squeezedOutput.some((p) => p.includes(s))).length;

  const all = squeeze(source.join(''));
  const got = squeeze(output.join(''));
  const { lost, invented } = difference(all, got);
  return {
    cjkSpaces: output.reduce((n, p) => n + (p.match(CJK_SPACE)?.length ?? 0), 0),
    paragraphF1,
    sentencesWhole: sentences.length === 0 ? 1 : whole / sentences.length,
    sameSequence: all === got,
    sameCharacters: lost === '' && invented === '',
    lost,
    invented,
  };
}

function difference(expected: string, actual: string): { lost: string; invented: string } {
  const counts = new Map<string, number>();
  for (const ch of expected) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of actual) counts.set(ch, (counts.get(ch) ?? 0) - 1);
  let lost = '';
  let invented = '';
  for (const [ch, n] of counts) {
    if (n > 0) lost += ch.repeat(n);
    if (n < 0) invented += ch.repeat(-n);
  }
  return { lost, invented };
}

/**
 * Share of source sentences found whole in one output paragraph, allowing one misread
 * character per sentence (a real OCR engine misreads some: `俱人奋进` for `催人奋进`).
 */
export function sentencesWholeFuzzy(source: readonly string[], output: readonly string[]): number {
  const squeezedOutput = output.map(squeeze);
  const sentences = source.flatMap((text) => squeeze(text).match(/[^。！？；]+[。！？；]?/gu) ?? []);
  const found = (sentence: string): boolean => {
    if (squeezedOutput.some((p) => p.includes(sentence))) return true;
    const chars = Array.from(sentence);
    // one character may be misread: replaced, dropped or added
    const escape = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const variants: string[] = [];
    for (let i = 0; i < chars.length; i++) {
      variants.push(chars.map((ch, k) => (k === i ? '.' : escape(ch))).join(''));
      variants.push(chars.map((ch, k) => (k === i ? '' : escape(ch))).join(''));
      variants.push(chars.map((ch, k) => (k === i ? `${escape(ch)}.` : escape(ch))).join(''));
    }
    return variants.some((variant) => {
      const pattern = new RegExp(variant, 'u');
      return squeezedOutput.some((p) => pattern.test(p));
    });
  };
  const whole = sentences.filter(found).length;
  return sentences.length === 0 ? 1 : whole / sentences.length;
}

/** The plain cleaner the issue compares against: join the lines of each blank-line block, drop CJK spaces. */
export function plainClean(raw: string): string[] {
  return raw
    .split(/\n[ \t]*\n/u)
    .map((block) => block.replace(/\n/gu, '').replace(new RegExp(`(${CJK})[ \\t\\u3000]+(?=${CJK})`, 'gu'), '$1').trim())
    .filter((block) => block !== '');
}

/** Paragraph-start F1 alone (a start is the first 10 characters of a paragraph). */
export function paragraphF1(source: readonly string[], output: readonly string[]): number {
  return score(source, output).paragraphF1;
}

/**
 * F1 of two multisets of keys (a quantity's `value|unit`, say): each predicted key matches one
 * gold key at most.
 */
export function multisetF1(predicted: readonly string[], gold: readonly string[]): number {
  const pool = new Map<string, number>();
  for (const key of gold) pool.set(key, (pool.get(key) ?? 0) + 1);
  let hits = 0;
  for (const key of predicted) {
    const left = pool.get(key) ?? 0;
    if (left === 0) continue;
    pool.set(key, left - 1);
    hits++;
  }
  return hits === 0 ? 0 : (2 * hits) / (predicted.length + gold.length);
}

/**
 * ocr-fixes: character confusions from `rules/ocr-fixes.yaml`, applied only where the dictionary
 * agrees: some word of two to four characters around the spot becomes a dictionary word with the
 * fix (`全面银兴` → `振兴`), none around it is a word without it (`银行` keeps its `银`), and jieba
 * reads the fixed window with that word (`500万人关口` keeps its `人`, though `入关` is a word).
 * So a rule cannot damage correct text. The fixed characters keep the raw origins of the ones
 * they replace.
 */
import type { Rules } from '../../rules/schema.js';
import type { Segmenter } from '../../text/segment.js';
import type { Note } from './notes.js';
import type { ParagraphDraft } from './paragraphs.js';

export interface OcrFix {
  wrong: string[];
  right: string[];
  rule: string;
}

/** Longest window, in characters, in which a fix looks for a dictionary word. */
const WINDOW = 4;

/** The fixes by the first character they replace. */
export interface OcrFixes {
  byFirst: Map<string, OcrFix[]>;
  /** 1 for each UTF-16 unit that starts some fix's first character: most characters start none. */
  firstUnits: Uint8Array;
}

export function compileOcrFixes(rules: Rules['ocr-fixes.yaml']): OcrFixes {
  const byFirst = new Map<string, OcrFix[]>();
  const firstUnits = new Uint8Array(0x10000);
  for (const entry of rules) {
    const wrong = Array.from(entry.wrong);
    const fix = { wrong, right: Array.from(entry.right), rule: `ocr-fixes.yaml#${entry.wrong}→${entry.right}` };
    const list = byFirst.get(wrong[0]!) ?? [];
    list.push(fix);
    byFirst.set(wrong[0]!, list);
    firstUnits[wrong[0]!.charCodeAt(0)] = 1;
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);
  return { byFirst, firstUnits };
}

/** Applies the fixes to every paragraph in place; one info note per fix. */
export function applyOcrFixes(
  drafts: ParagraphDraft[],
  { byFirst, firstUnits }: OcrFixes,
  segmenter: Segmenter,
  notes: Note[],
  lineOf: (rawOffset: number) => number,
): void {
  if (byFirst.size === 0) return;
  for (const draft of drafts) {
    const { chars, origins } = draft;
    for (let i = nextCandidate(chars, 0, firstUnits); i >= 0 && i < chars.length; i = nextCandidate(chars, i + 1, firstUnits)) {
      const candidates = byFirst.get(chars[i]!);
      if (!candidates) continue;
      for (const fix of candidates) {
        if (!matchesAt(chars, i, fix.wrong)) continue;
        // only the window around the spot matters: judge a local copy, not the whole paragraph
        const from = Math.max(0, i - WINDOW);
        const before = chars.slice(from, i + fix.wrong.length + WINDOW);
        const after = [...chars.slice(from, i), ...fix.right, ...chars.slice(i + fix.wrong.length, i + fix.wrong.length + WINDOW)];
        if (hasWordAround(before, i - from, fix.wrong.length, segmenter)) break;
        if (!hasWordAround(after, i - from, fix.right.length, segmenter)) continue;
        // a word in some window is not enough: jieba must read the fixed text with that word, so
        // that 500万人关口 keeps its 人 (入关 is a word, but the text reads 万人 / 关口)
        if (!segmentedIntoWord(after, i - from, fix.right.length, segmenter)) continue;
        const context = chars.slice(Math.max(0, i - 3), i + fix.wrong.length + 3).join('');
        const replacedOrigins = fix.right.map((_, k) => origins[i + Math.min(k, fix.wrong.length - 1)]!);
        chars.splice(i, fix.wrong.length, ...fix.right);
        origins.splice(i, fix.wrong.length, ...replacedOrigins);
        notes.push({
          rule: fix.rule,
          reason: `OCR confusion fixed: "${fix.wrong.join('')}" → "${fix.right.join('')}" in "${context}"`,
          severity: 'info',
          line: lineOf(replacedOrigins[0]!),
          raw: { start: replacedOrigins[0]!, end: replacedOrigins[replacedOrigins.length - 1]! + 1 },
          actual: fix.wrong.join(''),
          expected: fix.right.join(''),
        });
        i += fix.right.length - 1;
        break;
      }
    }
  }
}

/**
 * The first index from `from` on whose character may start a fix, or -1. A table look-up, not a
 * string-keyed map look-up, for every character of the text, in a function of its own that V8
 * keeps optimized: inside the loop that applies the fixes, the pass took 0.14 s over 4 MB of the
 * benchmark corpus, now 0.04 s (min of 4 runs).
 */
function nextCandidate(chars: readonly string[], from: number, firstUnits: Uint8Array): number {
  for (let i = from; i < chars.length; i++) if (firstUnits[chars[i]!.charCodeAt(0)] === 1) return i;
  return -1;
}

function matchesAt(chars: string[], at: number, word: string[]): boolean {
  return word.every((ch, k) => chars[at + k] === ch);
}

/** jieba's cut of `chars` puts `[at, at + length)` inside one dictionary word of two or more characters. */
function segmentedIntoWord(chars: string[], at: number, length: number, segmenter: Segmenter): boolean {
  for (const token of segmenter.cut(chars.join(''))) {
    if (token.end <= at) continue;
    return token.start <= at && token.end >= at + length && token.end - token.start >= 2 && segmenter.isWord(token.word);
  }
  return false;
}

/** Some window of 2…WINDOW characters covering `[at, at + length)` is a dictionary word. */
function hasWordAround(chars: string[], at: number, length: number, segmenter: Segmenter): boolean {
  for (let size = Math.max(2, length); size <= Math.max(WINDOW, length); size++) {
    for (let start = at + length - size; start <= at; start++) {
      if (start < 0 || start + size > chars.length) continue;
      if (segmenter.isWord(chars.slice(start, start + size).join(''))) return true;
    }
  }
  return false;
}

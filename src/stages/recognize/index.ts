/**
 * recognize: Chinese sentences → quantities (value, unit, kind, qualifier), spec §1–§5.
 *
 * Passes, in order, per sentence of a `zh` paragraph:
 *   find          scan for numbers, resolve each one               (find.ts)         227 项 → 227 项
 *     numerals    Arabic, full-width, Chinese numerals → exact     (numerals.ts)     两万 → 20000
 *     tail        余/多, magnitude, unit, halves, OCR gaps          (tail.ts)         130余个, 3.6万个
 *     units       longest-first units, classifiers, magnitudes     (units.ts)        3千米 → 3 公里
 *     ranges      connector and a second number                    (ranges.ts)       2-3所 → 2–3
 *     words       X分之Y and 翻N番                                  (number-words.ts) 三分之一 → 33.33… %
 *     bounds      bound words, whole words only → qualifier        (bounds.ts)       超过10万人 → at_least
 *   exclude       dates, ordinals, names, article 一, vague, quoted (exclusions.ts)   一个重大课题 → dropped
 *
 * Decisions (spec gaps, settled here):
 * - Fractions are percentages: `X分之Y` → 100·Y/X with unit `%`, kind percent, rounded half-even
 *   to 10 decimal places when it does not terminate (三分之一 → "33.3333333333", 四分之三 → "75");
 *   百分之N is the same mechanism and always exact. 千分之N is per mille, unit `‰` with value N
 *   (千分之三 → "3" ‰), so it agrees with the same figure written `3‰` in another year's report. Rule
 *   `recognize/fraction` (or `recognize/percent-words`) says which.
 * - Shares in words are percentages too, from units.yaml entries with a `factor`: `N成` is tenths
 *   (九成 → 90 %, 两三成 → 20–30 %), `一半` is 50 %; not-quantities.yaml keeps 成 to one to ten
 *   (500万成为 is the verb) and 半 to 一 (两半, 九点半).
 * - A unit per another written with a slash is one unit (recognize/per-unit): 2400元/吨 → 元/吨,
 *   3200立方米/秒 → 立方米/秒; kind money for a price, other for any other rate.
 * - `1/3` with digits is the fraction 三分之一 is: 33.3333333333 % (rule `recognize/slash-fraction`),
 *   only for whole numbers, the numerator below a denominator of at most 100, with no unit or
 *   magnitude after it (8.6/10万, 2024/2025学年 are not shares).
 * - `翻N番` is a multiple: 2^N 倍 (翻一番 → 2, 翻两番 → 4), text from 翻 to 番, rule
 *   `recognize/doubling`.
 * - Two adjacent Chinese digits n, n+1 are a range: 两三所 → 2–3 所, 七八十个 → 70–80 个,
 *   十二三 → 12–13; qualifier `range`, rule `recognize/adjacent-numerals`. Other pairs
 *   (三五, 五一) are not numbers.
 * - A bare magnitude (no digit of its own: 亿, 百亿, 万) is a quantity only next to a bound word:
 *   亿元以上 and 超亿元 → value 10⁸, unit 元, at_least; 接近百亿元 → 10¹⁰, approx. Without
 *   one (每万人, 千亿级) it is refused (info `recognize/bare-magnitude`).
 * - Bound words count only as whole words. A bound word is suspect when the segmenter's
 *   dictionary (ctx.segmenter.isWord) makes a word of it and its neighbours (签+约, 最+近, 多+元);
 *   a suspect word is a bound only if jieba's cut of the few characters around it
 *   (ctx.segmenter.cut) starts a token at it (收入|超|3万元 is a bound, 签约|3亿元 is not) or, after
 *   a number, ends one with it (3|年|多|时间, not 5|个|多元化). jieba is not asked first: it glues
 *   余 and 多 to classifiers (130|余个, 10|多万|人), so its boundaries alone would reject real
 *   bounds. See bounds.ts.
 * - A number with no unit is not a quantity (spec §2); an Arabic one is reported as info
 *   `recognize/no-unit`, because its unit may have been lost to the OCR.
 * - A unit may follow its number across at most 4 spaces or line breaks, also into the next
 *   sentence when the number ends a paragraph (`260⏎亿斤`): a wrapped line, so only when that
 *   paragraph comes after the number in the raw text too (a line the cleaner lifted from above
 *   lends no unit). A quantity still read from raw places out of order (inside one paragraph)
 *   is warned, naming the raw lines (`recognize/raw-order`, ../provenance.ts).
 * - `unitText` is the magnitude and the unit as written after an Arabic number (`万元`); a
 *   Chinese numeral keeps its own 万/亿 (两万人 → unitText `人`).
 * - A minus sign right before an Arabic number is read when no digit, letter or `%` stands
 *   before it (增长-2.1% → "-2.1", 气温-5℃ → "-5"; 1-11月 is a span, 5%-8% a range); the text
 *   then starts at the sign. Rule `recognize/minus`.
 * - Numbers inside a short quotation or a title are names (“18条”, 《…30条措施》): rule
 *   `recognize/quoted-name`. 从A到B / 由A至B are two levels, not a range.
 * - OCR repairs: `5 000万元` (a space inside a thousands group) is 50000000, rule
 *   `recognize/spaced-thousands`; a full-width comma groups thousands only after a first group of
 *   one to three digits (１，３８１个).
 * - 半 after a unit adds a half: 一年半 → 1.5 年, 两个半月 → 2.5 个月 (rule `recognize/half`).
 */
import type { Doc, Quantity, Warning } from '../../document.js';
import { defineStage } from '../../stage.js';
import { toPlain } from '../../text/decimal.js';
import { charsOf, type Chars, sliceChars } from '../../text/chars.js';
import { compileRecognizer, type Compiled } from './compile.js';
import { exclusionFor, QuoteMarks } from './exclusions.js';
import { numberStarts, scan, type Candidate } from './find.js';
import type { Lexicon } from './bounds.js';
import { outOfOrderWarnings } from '../provenance.js';

const STAGE = 'recognize';

export const recognize = defineStage<Compiled>({
  name: STAGE,
  requires: ['sentences'],
  assigns: ['quantities'],
  prepare: (rules) => compileRecognizer(rules),
  run(doc, context) {
    const lexicon: Lexicon = {
      isWord: (word) => context.segmenter.isWord(word),
      cut: (text, base) => context.segmenter.cut(text, base),
    };
    const { quantities, warnings } = recognizeDoc(doc, context.compiled, lexicon);
    warnings.push(...outOfOrderWarnings(doc, quantities, STAGE));
    const others = doc.quantities.filter((q) => q.lang !== 'zh');
    return {
      ...doc,
      quantities: [...others, ...quantities].sort((a, b) => a.start - b.start || a.end - b.end),
      warnings: [...doc.warnings, ...warnings],
    };
  },
});

/**
 * Every quantity of the Chinese sentences of `doc`, in document order, and the info warnings
 * for the numbers that were dropped. Pure: reads `doc`, returns new records.
 */
export function recognizeDoc(doc: Doc, compiled: Compiled, lexicon: Lexicon): { quantities: Quantity[]; warnings: Warning[] } {
  const chars = charsOf(doc.text);
  const quoteMarks = new QuoteMarks(chars);
  const starts = numberStarts(chars);
  const quantities: Quantity[] = [];
  const warnings: Warning[] = [];
  const isChinese = (sentence: number) => doc.paragraphs[doc.sentences[sentence]!.paragraph]?.lang === 'zh';
  let consumed = 0;

  doc.sentences.forEach((sentence, index) => {
    if (!isChinese(index)) return;
    const from = Math.max(sentence.start, consumed);
    if (from >= sentence.end) return;
    // no digit, numeral or 翻 in the rest of the sentence: scan would find nothing and consume it
    // all (most sentences hold no number); its reach is not worth measuring
    if (starts.next(from) >= sentence.end) {
      consumed = sentence.end;
      return;
    }
    const reach = reachOf(doc, chars, index, isChinese);
    const result = scan(chars, from, sentence.end, reach, compiled, lexicon, starts);
    consumed = result.consumed;
    const place = (start: number, end: number) => ({ start, end, line: doc.offsets.rawLine(start) });

    for (const refusal of result.refusals) {
      warnings.push({ stage: STAGE, rule: refusal.rule, reason: refusal.reason, severity: 'info', place: place(refusal.start, refusal.end) });
    }
    for (const candidate of result.candidates) {
      const exclusion = exclusionFor(candidate, chars, sentence.start, reach, compiled, quoteMarks);
      if (exclusion) {
        warnings.push({
          stage: STAGE,
          rule: exclusion.rule,
          reason: exclusion.reason,
          severity: 'info',
          place: place(candidate.start, candidate.end),
        });
      } else quantities.push(toQuantity(candidate, chars, index));
    }
  });
  return { quantities, warnings };
}

/**
 * How far a unit may be looked for after the numbers of sentence `index`: its end, or, when
 * only line breaks separate it from a following Chinese sentence of the next paragraph, that
 * sentence's end (a unit wrapped onto the next line: `260⏎亿斤`). A wrapped line comes after
 * in the raw text too: a next paragraph the cleaner brought from further up (a short line lifted
 * out of the sentence it seemed to interrupt, a column put back) lends no unit (`1000⏎项目` with
 * 项目 the raw line above 1000).
 */
function reachOf(doc: Doc, chars: Chars, index: number, isChinese: (sentence: number) => boolean): number {
  const sentence = doc.sentences[index]!;
  const next = doc.sentences[index + 1];
  if (!next || !isChinese(index + 1)) return sentence.end;
  for (let k = sentence.end; k < next.start; k++) if (!/\s/u.test(chars[k]!)) return sentence.end;
  if (doc.offsets.toRaw(next.start) < doc.offsets.toRaw(sentence.end - 1)) return sentence.end;
  return next.end;
}

function toQuantity(candidate: Candidate, chars: Chars, sentence: number): Quantity {
  return {
    start: candidate.start,
    end: candidate.end,
    text: sliceChars(chars, candidate.start, candidate.end),
    value: toPlain(candidate.value),
    valueMax: candidate.valueMax === null ? null : toPlain(candidate.valueMax),
    unit: candidate.unit.unit,
    unitText: candidate.unitText,
    kind: candidate.unit.kind,
    qualifier: candidate.qualifier,
    change: 'none',
    subject: '',
    modality: 'actual',
    period: null,
    sentence,
    lang: 'zh',
    rules: candidate.rules,
  };
}

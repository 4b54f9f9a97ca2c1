/**
 * sentences: paragraph spans → sentence spans.
 *
 * A sentence ends after 。！？；!? (and `;`), together with any closing quotes or brackets that
 * follow; a paragraph's end always ends its sentence. The semicolon counts because report
 * sentences chain whole clauses with it (`…增长71%；…`), and a researcher wants the clause.
 * In an English paragraph a full stop ends a sentence too, when a space and a capital letter
 * follow (`…5.1 percent. The…`, but not `U.S. dollars` or `Jan. 17`).
 */
import type { Sentence } from '../document.js';
import { defineStage } from '../stage.js';

/** Characters that end a sentence. Structural punctuation, not a word list. */
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);
/** Closing marks that stay with the sentence they close: `…。”` */
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '」', '』', '】', '》']);

export const sentences = defineStage({
  name: 'sentences',
  requires: ['paragraphs'],
  assigns: ['sentences'],
  prepare: () => null,
  run(doc) {
    const chars = Array.from(doc.text);
    const list: Sentence[] = [];
    doc.paragraphs.forEach((paragraph, index) => {
      let start = paragraph.start;
      const english = paragraph.lang === 'en';
      for (let i = paragraph.start; i < paragraph.end; i++) {
        if (!SENTENCE_END.has(chars[i]!) && !(english && endsEnglishSentence(chars, i, paragraph.end))) continue;
        let end = i + 1;
        while (end < paragraph.end && (CLOSERS.has(chars[end]!) || SENTENCE_END.has(chars[end]!))) end++;
        pushTrimmed(list, chars, start, end, index);
        start = end;
        i = end - 1;
      }
      if (start < paragraph.end) pushTrimmed(list, chars, start, paragraph.end, index);
    });
    return { ...doc, sentences: list };
  },
});

/** `.` at `i` after a word, followed by closing marks, a space and a capital letter or an opening quote. */
function endsEnglishSentence(chars: string[], i: number, end: number): boolean {
  if (chars[i] !== '.') return false;
  // an initial or a roman numeral is no sentence: `U.S.`, `I. Review of Our Work`
  let k = i;
  while (k > 0 && /[A-Za-z]/.test(chars[k - 1]!)) k--;
  const word = chars.slice(k, i).join('');
  if (word.length < 2 || /^[IVXLC]+$/.test(word)) return false;
  let j = i + 1;
  while (j < end && CLOSERS.has(chars[j]!)) j++;
  if (j >= end || chars[j] !== ' ') return false;
  while (j < end && chars[j] === ' ') j++;
  const next = chars[j] ?? '';
  return /^[A-Z"“(]$/.test(next);
}

function pushTrimmed(list: Sentence[], chars: string[], start: number, end: number, paragraph: number): void {
  while (start < end && /\s/.test(chars[start]!)) start++;
  while (end > start && /\s/.test(chars[end - 1]!)) end--;
  if (end > start) list.push({ start, end, paragraph });
}

/**
 * clean, measured on real OCR: the harness's source paragraphs set as a three-column page
 * (tests/harness/ocr/page.html, rendered by headless Chromium 150 (page.html) and 156 (page-grid.html) at 2480 px wide, i.e. 300 dpi
 * for A4, with Noto CJK fonts) and read back by Tesseract 5.3 with `chi_sim` 4.1:
 *   three-columns.psm3.txt  `--psm 3` (automatic layout): the engine found the columns
 *   three-columns.print.psm3.txt  page.html printed as the issue has it: `chromium --headless
 *                           --no-pdf-header-footer --print-to-pdf` (Chromium 156, A4, two pages),
 *                           `pdftoppm -r 300 -gray -png` (poppler 22.12), both pages read in one
 *                           `tesseract … -l chi_sim --psm 3` (a form feed between them): narrower
 *                           columns (12 characters) than the screenshot's, so a paragraph's first
 *                           line, its indent dropped, is two characters short and often looks like
 *                           a heading (`科技创新能力持续增` + `强。…`), and the engine cuts a
 *                           paragraph at a column's foot with a gap (`同比增长` + gap + `31%。…`).
 *                           Read with `--psm 6` the printed page is more garbled than the
 *                           screenshot (plain cleaner 0.152 whole, ours 0.530), with `--psm 4` too
 *                           (0.182, ours 0.470); without `preserve_interword_spaces` the columns are
 *                           joined by single spaces like every word, and ours scores what the plain
 *                           cleaner does (0.136 and 0.152)
 *   three-columns-small.print.psm3.txt, national-2019.print.psm3.txt  page-small.html and
 *                           page-national.html printed and read the same way
 *   three-columns.psm6.txt  `--psm 6 -c preserve_interword_spaces=1`: the engine read straight
 *                           across the columns, joining their fragments with spaces
 *   three-columns-grid.psm6.txt  the same text set on a baseline grid (tests/harness/ocr/page-grid.html:
 *                           10 pt on 17 pt lines, headings on the same lines, no space between
 *                           paragraphs, as newspapers set it), screenshot by headless Chromium at
 *                           2481×3509 px (A4 at 300 dpi), read with `--psm 6` as above: the rows of
 *                           the three columns line up, so the engine reads them cleanly, but mostly
 *                           with a single space (or none, or a stray quote mark) between columns
 *   two-columns-grid.psm6.txt  the same on two columns (page-grid-2col.html, 9 pt on 15 pt lines),
 *                           read the same way
 *   national-2019.psm6.txt  page.html's layout with another text (page-national.html: the opening
 *                           of tests/fixtures/zh-heldout/national-report-2019.txt), read the same way
 *   three-columns.print.psm6.txt, three-columns-small.print.psm6.txt, national-2019.print.psm6.txt
 *                           page.html, page-small.html and page-national.html printed as above
 *                           (Chromium 156 --print-to-pdf, pdftoppm -r 300 -gray), each page's PNGs
 *                           read in one `tesseract <list> … -l chi_sim --psm 6 -c
 *                           preserve_interword_spaces=1`: issue 4's own page read straight across
 *   bulletin.print.psm3.txt, bulletin.print.psm6.txt, county.print.psm3.txt, county.print.psm6.txt
 *                           two pages written for these tests (page-bulletin.html: a statistics-bulletin
 *                           news story with headline, byline and dateline; page-county.html: a county
 *                           work report's summary with its heading line), set as page.html is, printed
 *                           (one A4 page each) and read as above with `--psm 3` and with `--psm 6`
 *   three-columns-small.psm6.txt  page.html set smaller and tighter (page-small.html: 9.5 pt on
 *                           1.7 lines, 6 mm column gap, 2 mm between paragraphs), screenshot by
 *                           headless Chromium 156 at 2481×3509 px, read with `--psm 6` as above:
 *                           rows not aligned, the engine writes most gaps between columns as one
 *                           space or a stray quote mark, and pads no empty column
 * Sentences count as whole when one paragraph holds them with at most one misread character.
 * Figures are compared with the plain cleaner the issue names (join blank-line blocks, drop CJK
 * spaces). Quantities: the full pipeline on the OCR text against the full pipeline on the source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPipeline, processText } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clean } from '../src/stages/clean/index.js';
import { cpSlice } from '../src/text/codepoints.js';
import { multisetF1, paragraphF1, plainClean, sentencesWholeFuzzy, sourceParagraphs } from './harness/measure.js';

const rules = loadRules();
const cleaning = createPipeline(rules, [clean]);
const everything = createPipeline(rules);
const source = sourceParagraphs().map((p) => p.text);
const read = (name: string): string => readFileSync(new URL(`./harness/ocr/${name}`, import.meta.url), 'utf8');
/** The headings and paragraphs of a test page's columns: the source its OCR is measured against. */
const pageSource = (name: string): string[] => [...read(name).split('<div class=cols>')[1]!.matchAll(/<(?:h2|p)>([^<]*)</gu)].map((m) => m[1]!);
const cleaned = (raw: string): string[] => {
  const doc = processText(cleaning, 'ocr', raw);
  return doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
};
const quantityKeys = (text: string): string[] => processText(everything, 'q', text).quantities.map((q) => `${q.value}|${q.unit}`);
const quantityF1 = (raw: string, paragraphs: string[] = source): number => multisetF1(quantityKeys(raw), quantityKeys(paragraphs.join('\n\n')));

function measure(file: string, paragraphs: string[] = source) {
  const raw = read(file);
  const ours = cleaned(raw);
  const plain = plainClean(raw);
  const result = {
    whole: sentencesWholeFuzzy(paragraphs, ours),
    f1: paragraphF1(paragraphs, ours),
    plainWhole: sentencesWholeFuzzy(paragraphs, plain),
    plainF1: paragraphF1(paragraphs, plain),
    quantities: quantityF1(raw, paragraphs),
  };
  console.log(
    `${file}: whole ${result.whole.toFixed(3)} (plain ${result.plainWhole.toFixed(3)}), paragraph F1 ${result.f1.toFixed(3)} (plain ${result.plainF1.toFixed(3)}), quantity F1 ${result.quantities.toFixed(3)}`,
  );
  return result;
}

describe('clean on real OCR, columns found by the engine (psm 3)', () => {
  const result = measure('three-columns.psm3.txt');
  it('beats the plain cleaner; paragraph F1 ≥ 0.90; quantity F1 ≥ 0.90', () => {
    expect(result.whole).toBeGreaterThan(result.plainWhole);
    expect(result.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.f1).toBeGreaterThan(result.plainF1);
    expect(result.quantities).toBeGreaterThanOrEqual(0.9);
    expect(result.whole).toBeGreaterThanOrEqual(0.96);
  });
  // 64 of 66 sentences before the percent repair: the two lost had two misread characters each
  // (`4.19%`, `国定…2.59%`); with `9%` read as `%` where most two-decimal percentages end in 9: 1.000
  it('sentences whole ≥ 0.97 (the issue’s gate)', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.97);
  });
});

describe('clean on real OCR, a printed page whose columns the engine found (psm 3)', () => {
  // measured 0.833 whole (below the plain cleaner's 0.864), F1 0.509 (plain 0.776), quantity F1
  // 0.984 before the title, sentence-tail, dropped-indent and list-percentage repairs of
  // paragraphs.ts and percent-marks.ts; after them 0.970 (64 of 66), F1 0.913, 0.989; with the
  // confusions of rules/ocr-fixes.yaml seen on these pages (万雷 → 万亩, 履盖 → 覆盖, 堵育 → 培育 …)
  // F1 0.957 (a start misread, `着力塔育`, now reads as its source), quantity F1 0.995; with a
  // heading wider than three quarters of the column set apart from the paragraph after it
  // (`今年主要目标和重点任务` + `今年经济社会…`: paragraphs.ts titleRuns) F1 0.979
  const result = measure('three-columns.print.psm3.txt');
  it('paragraph F1 ≥ 0.90, quantity F1 ≥ 0.90, sentences whole ≥ 0.96', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.96);
    expect(result.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.quantities).toBeGreaterThanOrEqual(0.9);
    expect(result.whole).toBeGreaterThan(result.plainWhole);
    expect(result.f1).toBeGreaterThan(result.plainF1);
  });
  // 64 of 66 is 0.9697: the two sentences lost hold more than one misread each, by the engine
  // (`610万雷以上，和总产量…48亿斤以人`, `老上日小区` for 老旧小区)
  it.fails('sentences whole ≥ 0.97 (the issue’s gate)', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.97);
  });
});

describe('clean on real OCR, the smaller page and the other text printed, columns found (psm 3)', () => {
  // measured before the paragraph repairs of three-columns.print.psm3.txt: small page 0.970 whole,
  // F1 0.913, quantity F1 0.989 (unchanged); other text 0.966, F1 0.800 (the
  // first lines that lost their indent read as headings), 0.992; after them 1.000, 0.938, 1.000;
  // small page F1 0.936 with the heading of three-columns.print.psm3.txt set apart (titleRuns)
  const small = measure('three-columns-small.print.psm3.txt');
  const paragraphs = [...read('page-national.html').split('<div class=cols>')[1]!.matchAll(/<(?:h2|p)>([^<]*)</gu)].map((m) => m[1]!);
  const national = measure('national-2019.print.psm3.txt', paragraphs);
  it('paragraph F1 ≥ 0.90, quantity F1 ≥ 0.90; the other text all whole', () => {
    for (const result of [small, national]) {
      expect(result.f1).toBeGreaterThanOrEqual(0.9);
      expect(result.quantities).toBeGreaterThanOrEqual(0.9);
      expect(result.whole).toBeGreaterThanOrEqual(0.96);
    }
    expect(national.whole).toBeGreaterThanOrEqual(0.97);
  });
  // 64 of 66 on the small page: both sentences lost hold two misreads (`42.6000` for `42.6%`,
  // `俱人和奋进` for `催人奋进`)
  it.fails('sentences whole ≥ 0.97 on the smaller page (the issue’s gate)', () => {
    expect(small.whole).toBeGreaterThanOrEqual(0.97);
  });
});

describe('clean on real OCR, read straight across the columns (psm 6)', () => {
  const result = measure('three-columns.psm6.txt');
  it('beats the plain cleaner on whole sentences and paragraph starts', () => {
    expect(result.whole).toBeGreaterThan(result.plainWhole + 0.1);
    expect(result.f1).toBeGreaterThan(result.plainF1 + 0.1);
  });
  // The grid pass (src/stages/clean/grid.ts) deals the fragments into three columns (measured
  // 0.455 whole, F1 0.483; before it 0.409 and 0.373), but on this page the rows of the columns
  // do not line up (headings and paragraph gaps of other heights), and the engine reads the
  // misaligned rows into garbage (`新能7符续痢强。全征会研究与二验发展经`) and most figures
  // with two misread characters (`5.896` for `5.8%`, `4106` for `4.1%`): most sentences lost
  // are lost by the engine, not by the reading order. Read in the right order by hand (every
  // fragment given its column), the same cleaner keeps 0.485 whole: the ceiling of the order.
  // With the misread percent signs repaired (percent-marks.ts): 0.530 whole, quantity F1 0.798
  // (was 0.699); with `9%` read as `%` where the document shows that pattern, 0.561 and 0.832;
  // with 万雷 → 万亩 (rules/ocr-fixes.yaml) quantity F1 0.839; with the marks in the gaps dropped
  // where the text runs on across them (gap-marks.ts), 0.841; with an opening quote that opens
  // nothing dropped with the mark after it (`总量“。 民收入`), 0.576 whole (38 of 66). The baseline-grid page below, read
  // by the same engine, meets the gates. The 29 sentences lost (37 of 66 whole), by cause: 21 in
  // the engine's reading alone (garbage rows, two or more misreads, a decimal point or a stretch
  // of text dropped: `4106`, `认定高  企业`, `配收入分别增长4 906和7 196`); 2 to a ghost row, the
  // lower half of a row read a second time (`新能7符续痢强。全征会研究与二验发展经` under
  // `科技创新能力持续增强。全社会研究与试验发展经费`); 1 to a full stop read in the gap (`总量“。 民收入`);
  // 2 to our dealing at the page's foot (column 1's last rows, a single space before column 2's
  // text, read as shifted into column 2, so `上线运行` runs into column 3's top `造林绿化`); 3 to
  // both the engine and the order. With every loss that is not the engine's repaired: 42 of 66,
  // 0.64. The page printed as the issue has it (Chromium --print-to-pdf, pdftoppm -r 300) reads
  // worse, not better: psm 6 0.530 whole (plain 0.152), psm 4 0.470 (plain 0.182); without
  // `preserve_interword_spaces` every word is set apart by one space like the columns, and ours
  // scores what the plain cleaner does (0.136, plain 0.152). Dropping marks set apart by single
  // spaces in the gap (`1276亿 。 线3条`) helped the printed pages (psm 6 0.530 → 0.576) but drops
  // real marks where spaces are injected around them (the harness's three-column pages), so it
  // is not done.
  it.fails('sentences whole ≥ 0.80 and quantity F1 ≥ 0.90 (the issue’s gates)', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.8);
    expect(result.quantities).toBeGreaterThanOrEqual(0.9);
  });
});

describe('clean on real OCR, a smaller page read straight across, single spaces between columns (psm 6)', () => {
  const result = measure('three-columns-small.psm6.txt');
  it('beats the plain cleaner on whole sentences and paragraph starts', () => {
    expect(result.whole).toBeGreaterThan(result.plainWhole + 0.2);
    expect(result.f1).toBeGreaterThan(result.plainF1 + 0.2);
  });
  // The page is read as one block of three columns (before the geometry counted the starts after
  // single spaces: two blocks, the first taken for two columns, 0.515 whole, 0.561 after; with
  // the misread percent signs repaired 0.652, quantity F1 0.844 → 0.894; with the stray quote
  // marks after a column's line dropped and one-character strays set apart 0.697, F1 0.627; with
  // an open column's row left empty costing more, F1 0.640; with `9%` read as `%`, quantity F1
  // 0.927; with the marks in the gaps dropped where the text runs on across them, 0.939: this
  // page meets the quantity gate, not the sentence one). The sentences lost
  // are lost to the engine: lines read into garbage where rows of two columns half overlap
  // (`二二于二质量二级改盖名蛛向`) and percentages misread (`5.896`, `8.9%6`, `8094`).
  it('quantity F1 ≥ 0.90 (the issue’s gate)', () => {
    expect(result.quantities).toBeGreaterThanOrEqual(0.9);
  });
  it.fails('sentences whole ≥ 0.80 (the issue’s gate)', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.8);
  });
});

describe('clean on real OCR, another text on the same page read straight across (psm 6)', () => {
  // the source: the headings and paragraphs of the page itself (the opening of the held-out
  // national-report-2019.txt)
  const html = read('page-national.html');
  const paragraphs = [...html.split('<div class=cols>')[1]!.matchAll(/<(?:h2|p)>([^<]*)</gu)].map((m) => m[1]!);
  const result = measure('national-2019.psm6.txt', paragraphs);
  // measured with the grid, gap-mark and percent passes as they stood before this fixture:
  // whole 0.414 → 0.431, quantity F1 0.639 → 0.693 (0.713 with the gap marks dropped);
  // the engine's garbage dominates here too
  it('beats the plain cleaner on whole sentences', () => {
    expect(result.whole).toBeGreaterThan(result.plainWhole + 0.2);
  });
  // measured 0.326 against the plain cleaner's 0.348: the garbage rows make paragraphs of their
  // own (`国人`, `WE`), and the plain cleaner's blank-line blocks hit a few starts by chance; 0.364
  // since the paragraph openers, dash items and exact wrap widths (paragraphs.ts, layout.ts)
  it('paragraph starts beyond the plain cleaner’s', () => {
    expect(result.f1).toBeGreaterThan(result.plainF1);
  });
  it.fails('sentences whole ≥ 0.80 and quantity F1 ≥ 0.90 (the issue’s gates)', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.8);
    expect(result.quantities).toBeGreaterThanOrEqual(0.9);
  });
});

describe('clean on real OCR, pages printed as issue 4 says and read straight across (psm 6)', () => {
  // issue 4's own page: Chromium --print-to-pdf, pdftoppm -r 300, Tesseract --psm 6. Measured
  // when made: page.html 0.561 whole (plain 0.152), F1 0.480 (0.080), quantity F1 0.860; the
  // smaller page 0.591 (0.227), 0.304 (0.000), 0.820; the other text 0.310 (0.121), 0.205
  // (0.174), 0.653. The printed rows of three columns never line up (paragraph gaps and
  // headings of other heights), and the engine reads lines that take the upper half of one
  // column's row and the lower half of the next's into garbage (`过去“年工作癌大`), most
  // often where they meet a heading. With the marks the engine writes in a column's gap dropped
  // where the text runs on across them (gap-marks.ts dropGapPunctuation: `持续增。。` + `强。`,
  // `新开通国”。` + `际货运`, `项目418个，。。`): page.html 0.652 whole, F1 0.520, quantity F1 0.867;
  // the smaller page 0.621, 0.304, 0.831; the other text 0.310, 0.205, 0.687. With a fragment
  // that opens a column's text off the page's boundaries after a wide gap (the engine wrote
  // fewer spaces than the empty column before it takes) cut where its first column's line ends
  // counted from its own start (grid.ts splitOverwide: `重提高1.1个百分点。上线运|14个`), page.html
  // 0.727 whole (48 of 66), F1 0.511. With a line's leading spaces from a quarter of a pitch read
  // as an empty first column (grid.ts EMPTY_FIRST, was 0.4: the engine padded it with 9 spaces of
  // 26), the other text 0.345 (20 of 58), F1 0.211. With an opening quote that has a mark
  // straight after it dropped with the mark (gap-marks.ts: `降至“，` + `13.8%`), page.html 0.742 (49 of 66).
  // What is lost, sentence by sentence (a sentence holding two or more characters that no
  // fragment of the engine's text supplies is the engine's; the rest read by hand): page.html 17,
  // 14 the engine's, 3 marks left in the gaps where the words give no evidence (`收入 ，”` +
  // `“全部`, a stray `!`, `成交额过。` + `到96.4`, 达 misread); the smaller page 25, 22 the
  // engine's, 3 a mark in the gap beside a misread or a cut at the wrong character; the other
  // text 38, 30 the engine's, 4 to the block's first row not taken into the block (its gap a
  // single space and a quote mark, its first column's indent dropped: `过去一年，我国发展面 ”户，…`),
  // 2 to a fragment dealt to the column left of its own (`和放生 户。资助…`, garbage before it),
  // 2 to full stops in the gap with no word across them (`城镇老旧小区 。` + `量大面广`).
  const page = measure('three-columns.print.psm6.txt');
  const small = measure('three-columns-small.print.psm6.txt');
  const national = measure('national-2019.print.psm6.txt', pageSource('page-national.html'));
  it('beats the plain cleaner well on whole sentences; floors a little under what was measured', () => {
    for (const result of [page, small, national]) expect(result.whole).toBeGreaterThan(result.plainWhole + 0.15);
    expect(page.whole).toBeGreaterThanOrEqual(0.72);
    expect(small.whole).toBeGreaterThanOrEqual(0.6);
    expect(national.whole).toBeGreaterThanOrEqual(0.32);
    expect(page.quantities).toBeGreaterThanOrEqual(0.85);
    expect(small.quantities).toBeGreaterThanOrEqual(0.81);
    expect(national.quantities).toBeGreaterThanOrEqual(0.67);
  });
  it.fails('sentences whole ≥ 0.80 and quantity F1 ≥ 0.90 (the issue’s gates)', () => {
    for (const result of [page, small, national]) {
      expect(result.whole).toBeGreaterThanOrEqual(0.8);
      expect(result.quantities).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('clean on real OCR, two pages written for it, printed and read both ways (psm 3, psm 6)', () => {
  // a statistics-bulletin news story (headline, byline, dateline) and a county work report's
  // summary, set in three columns like page.html, printed on one A4 page each
  const bulletin = pageSource('page-bulletin.html');
  const county = pageSource('page-county.html');
  const bulletin3 = measure('bulletin.print.psm3.txt', bulletin);
  const county3 = measure('county.print.psm3.txt', county);
  const bulletin6 = measure('bulletin.print.psm6.txt', bulletin);
  const county6 = measure('county.print.psm6.txt', county);
  // measured when made: bulletin 0.941 whole (plain 0.824), F1 0.870 (0.818), quantity F1
  // 0.982; county 1.000 (0.885), 0.824 (0.632), 1.000. Starts missed or invented: the bulletin's
  // headline and byline (not in the source list, which holds the columns' headings and
  // paragraphs only), and `7.5 .40.7 :51.8。` cut from its sentence after the short line
  // `次产业结构调整为` (ours: since a short line taken into prose before a figure is no heading,
  // paragraphs.ts, F1 0.909); the county's headline and dateline run together (not in the source
  // list; the dateline's `——` read `一`, the headline's `（` read `〈`), and `民生福社` for
  // `民生福祉` (the engine's misread inside a start's ten characters; with 社 → 祉 in
  // rules/ocr-fixes.yaml, F1 0.941). The title and dateline are two paragraphs of the page (its
  // h1 and its by-line) and are now parted, as headings (paragraphs.ts titleRuns: lines with no
  // clause mark between paragraph boundaries, one short of the width no wrapped line), which
  // costs this F1 a second invented start (0.941 -> 0.889): the source list lacks both, and with
  // the engine's misreads in their first ten characters (`〈`, `一`) they would not match if it
  // held them, so parting them lowers F1 either way
  it('columns found (psm 3): beats the plain cleaner, quantity F1 ≥ 0.90', () => {
    for (const result of [bulletin3, county3]) {
      expect(result.whole).toBeGreaterThan(result.plainWhole);
      expect(result.f1).toBeGreaterThan(result.plainF1);
      expect(result.quantities).toBeGreaterThanOrEqual(0.9);
    }
    expect(bulletin3.whole).toBeGreaterThanOrEqual(0.92);
    expect(bulletin3.f1).toBeGreaterThanOrEqual(0.9);
    expect(county3.f1).toBeGreaterThanOrEqual(0.88);
    expect(county3.whole).toBeGreaterThanOrEqual(0.97);
  });
  it.fails('columns found (psm 3): sentences whole ≥ 0.97 and paragraph F1 ≥ 0.90 (the issue’s gates)', () => {
    for (const result of [bulletin3, county3]) {
      expect(result.whole).toBeGreaterThanOrEqual(0.97);
      expect(result.f1).toBeGreaterThanOrEqual(0.9);
    }
  });
  // measured when made: bulletin 0.147 whole (plain 0.088), F1 0.118 (0.000), quantity F1
  // 0.745; county 0.308 (0.115), 0.188 (0.143), 0.740; with the gap marks dropped county 0.346,
  // with the off-boundary cuts F1 0.200. Lost: bulletin 29 of 34, 11 the engine's, most of the
  // rest to the block measured as two columns, not three (the engine's spaces put the third
  // column's starts anywhere from 44 to 58 units, so no pitch finds its boundary on most lines;
  // read as three columns 14 of 34 would be whole: accepting a boundary met either after wide gaps
  // or after single spaces well above the starts away from every boundary does that, bulletin
  // 0.147 -> 0.412, but costs bench/clean-damage.mjs --seeds 10 its columns row, 0.970 / 0.947 ->
  // 0.964 / 0.944, so it is not done); county 17 of 26, 16 the engine's. With the boundaries
  // taken from the clusters of the starts after runs of two spaces or more, each with the
  // tolerance its own spread gives, where they account for a boundary's worth of starts more than
  // the regular grid (grid.ts measureClusters: centres 0 / 30 / 47, the second boundary ±8 units),
  // the bulletin is read as three columns: 0.324 whole (11 of 34), F1 0.250, quantity F1 0.763;
  // bench/clean-damage.mjs rows unchanged. Of its 23 sentences lost, 10 hold two characters or
  // more that no fragment of the engine's text supplies (was 10 of 29); most of the other 13 sit
  // in rows the engine garbled or read without a column's text (`0 3.9%0， 股份制企业增长`), the
  // headline and byline above the columns dealt into them.
  it('read straight across (psm 6): beats the plain cleaner', () => {
    for (const result of [bulletin6, county6]) expect(result.whole).toBeGreaterThan(result.plainWhole);
    expect(bulletin6.whole).toBeGreaterThanOrEqual(0.3);
    expect(bulletin6.f1).toBeGreaterThanOrEqual(0.23);
    expect(county6.whole).toBeGreaterThanOrEqual(0.33);
    for (const result of [bulletin6, county6]) expect(result.quantities).toBeGreaterThanOrEqual(0.72);
    expect(bulletin6.quantities).toBeGreaterThanOrEqual(0.75);
  });
  it.fails('read straight across (psm 6): sentences whole ≥ 0.80 and quantity F1 ≥ 0.90 (the issue’s gates)', () => {
    for (const result of [bulletin6, county6]) {
      expect(result.whole).toBeGreaterThanOrEqual(0.8);
      expect(result.quantities).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('clean on real OCR, a baseline-grid page read straight across (psm 6)', () => {
  const result = measure('three-columns-grid.psm6.txt');
  it('beats the plain cleaner on whole sentences and paragraph starts', () => {
    expect(result.whole).toBeGreaterThan(result.plainWhole + 0.1);
    expect(result.f1).toBeGreaterThan(result.plainF1);
  });
  it('sentences whole ≥ 0.80 and quantity F1 ≥ 0.90 (the issue’s gates)', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.8);
    expect(result.quantities).toBeGreaterThanOrEqual(0.9);
  });
});

describe('clean on real OCR, a two-column baseline-grid page read straight across (psm 6)', () => {
  const result = measure('two-columns-grid.psm6.txt');
  it('sentences whole ≥ 0.80 and quantity F1 ≥ 0.90', () => {
    expect(result.whole).toBeGreaterThanOrEqual(0.8);
    expect(result.quantities).toBeGreaterThanOrEqual(0.9);
    expect(result.f1).toBeGreaterThan(result.plainF1);
  });
});

describe('clean: percent signs the OCR engine misread at the end of a number (rules/ocr-percent.yaml)', () => {
  const text = (raw: string) => processText(cleaning, 'percent', raw);
  it('reads a misread pair or a stray digit after the mark as "%", where a cue expects a percentage', () => {
    expect(text('全市地区生产总值比上年增长5.896，增速高于全省。').text).toContain('增长5.8%，');
    expect(text('政务服务事项网上可办率达到98.794。').text).toContain('达到98.7%。');
    expect(text('一般公共预算收入增长496，固定资产投资增长6%6以上。').text).toContain('增长4%，固定资产投资增长6%以上');
    expect(text('空气质量优良天数比例达到86.39%6。完成造林。').text).toContain('达到86.3%。');
    expect(text('单位地区生产总值能耗下降2.590。').text).toContain('下降2.5%。');
  });
  it('leaves numbers alone that keep a unit, lack a cue, are split by a space or read as more than a percentage', () => {
    for (const raw of ['完成投资1276亿元，增长1.5倍。', '发放补贴5.896万元。', '规模以上工业增加值增长7 396，新增企业。', '编号为4096，共计。', '总数达到1896，比上年。', '下降2.12396。']) {
      expect(text(raw).text.replace(/\n/gu, '')).toBe(raw.replace(/ /gu, ' '));
    }
  });
  it('reads "9%" after two decimals as "%" only where most two-decimal percentages of the document end in 9', () => {
    const misread = '收入增长4.19%，覆盖率达到98.79%，能耗下降2.59%，比重达到2.35%。';
    expect(text(misread).text).toBe('收入增长4.1%，覆盖率达到98.7%，能耗下降2.5%，比重达到2.35%。');
    const true2 = '收入增长4.19%，覆盖率达到98.72%，能耗下降2.51%，比重达到2.35%。';
    expect(text(true2).text).toBe(true2);
  });
  it('maps the "%" back to the first misread digit and names the raw line', () => {
    const doc = text('标题\n\n比上年增长5.896，增速高于全省。');
    const at = Array.from(doc.text).indexOf('%');
    expect(doc.offsets.toRaw(at)).toBe(Array.from(doc.raw).indexOf('9'));
    expect(doc.warnings.some((w) => w.rule === 'ocr-percent.yaml#96' && w.place?.line === 3)).toBe(true);
  });
});

describe('clean: marks and strays the engine leaves between columns read straight across', () => {
  // three columns of the harness text, 12 characters a line, read across with wide gaps
  const wrap = (text: string): string[] => Array.from(text).reduce<string[]>((rows, ch, i) => (i % 12 === 0 ? [...rows, ch] : [...rows.slice(0, -1), rows[rows.length - 1] + ch]), []);
  const page = (columns: string[][]): string => {
    const rows = Math.max(...columns.map((c) => c.length));
    // the engine pads an empty stretch with spaces, about two to a Chinese character
    const pad = (s: string): string => s + '  '.repeat(Math.max(0, 12 - Array.from(s).length));
    return Array.from({ length: rows }, (_, r) => columns.map((c) => pad(c[r] ?? '')).join('    ').trimEnd()).join('\n');
  };
  const [a, b, c, d] = [source[2]!, source[3]!, source[5]!, source[6]!];
  it('drops a closing quote after a column’s line that pairs with nothing', () => {
    const left = wrap(a);
    left[2] = `${left[2]} ”`;
    const doc = processText(cleaning, 'gap', page([left, wrap(b), wrap(c)]));
    const paragraphs = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
    expect(paragraphs).toContain(a);
    expect(doc.text).not.toContain('”');
    expect(doc.warnings.some((w) => w.rule === 'clean/columns#gap-quote' && w.place?.line === 3)).toBe(true);
  });
  it('reads a column that runs on alone below the others (uneven columns at the page’s foot) in its place', () => {
    const layouts: [string[][], string[]][] = [
      [[[...wrap(a), ...wrap(d)], wrap(b), wrap(c)], [a, d, b, c]],
      [[wrap(a), wrap(b), [...wrap(c), ...wrap(d)]], [a, b, c, d]],
    ];
    for (const [columns, order] of layouts) {
      const doc = processText(cleaning, 'uneven', page(columns));
      expect(doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end))).toEqual(order);
    }
  });
  it('sets apart a one-character stray after a sentence’s end, so the next paragraph opens with its own text', () => {
    const left = [...wrap(a), '的', ...wrap(d)];
    const doc = processText(cleaning, 'stray', page([left, wrap(b), wrap(c)]));
    const paragraphs = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
    expect(paragraphs.some((p) => p.startsWith(Array.from(d).slice(0, 10).join('')))).toBe(true);
    expect(paragraphs).toContain('的');
    expect(doc.warnings.some((w) => w.rule === 'clean/columns#grid-stray')).toBe(true);
  });
});

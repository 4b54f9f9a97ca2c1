/**
 * clean, measured on the degradation harness: clean source paragraphs damaged as OCR damages a
 * page (tests/harness/degrade.ts), cleaned, and scored against the source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { processText, createPipeline, type Pipeline } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clean } from '../src/stages/clean/index.js';
import { cpSlice } from '../src/text/codepoints.js';
import { degrade, type Damage } from './harness/degrade.js';
import { score, sourceParagraphs } from './harness/measure.js';

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline(loadRules(), [clean]);
});

const source = sourceParagraphs().map((p) => p.text);

function run(damage: Partial<Damage>) {
  const raw = degrade(source, damage);
  const doc = processText(pipeline, 'harness', raw);
  const output = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
  return { raw, doc, output, scores: score(source, output) };
}

const plain: [string, Partial<Damage>][] = [];
for (const width of [13, 24, 37]) {
  for (const gap of ['single', 'blank', 'double'] as const) {
    plain.push([`width ${width}, gap ${gap}`, { width, gap }]);
  }
}
plain.push(['heavy spaces', { spaceRate: 0.3, fullWidthRate: 1 }]);
plain.push(['indented first lines, width 24, gap single', { indent: true, gap: 'single' }]);
plain.push(['indented first lines, width 37, gap single', { indent: true, gap: 'single', width: 37 }]);
plain.push(['furniture every 5 lines', { furnitureEvery: 5, gap: 'double' }]);

describe('clean on the degradation harness (no columns)', () => {
  it.each(plain)('%s: no CJK space left, F1 ≥ 0.95, nothing lost or invented', (_, damage) => {
    for (const seed of [1, 2, 3]) {
      const { scores } = run({ ...damage, seed });
      expect(scores.cjkSpaces).toBe(0);
      expect(scores.sameSequence).toBe(true);
      expect(scores.paragraphF1).toBeGreaterThanOrEqual(0.95);
      expect(scores.sentencesWhole).toBeGreaterThanOrEqual(0.99);
    }
  });
});

const columns: [string, Partial<Damage>][] = [];
for (const [layout, extra] of [
  ['across, 3 spaces', { columns: 'side-by-side', columnGap: 3 }],
  ['across, 1 space', { columns: 'side-by-side', columnGap: 1 }],
  ['alternate lines', { columns: 'alternate' }],
  ['three across, printed padding', { columns: 'side-by-side', columnCount: 3, columnGap: 3, padding: 'printed' }],
  ['three across, printed padding, 1 space', { columns: 'side-by-side', columnCount: 3, columnGap: 1, padding: 'printed' }],
] as const) {
  for (const gap of ['single', 'blank', 'double'] as const) {
    for (const width of [16, 24]) columns.push([`${layout}, width ${width}, gap ${gap}`, { ...extra, gap, width }]);
  }
}

describe('clean on the degradation harness (two columns)', () => {
  it.each(columns)('%s: no CJK space left, nothing lost or invented', (_, damage) => {
    for (const seed of [1, 2, 3]) {
      const { scores } = run({ ...damage, seed });
      expect(scores.cjkSpaces).toBe(0);
      expect(scores.sameCharacters).toBe(true);
    }
  });
});

it('harness figures', () => {
  const rows = [...plain, ...columns].map(([name, damage]) => {
    const all = [1, 2, 3].map((seed) => run({ ...damage, seed }).scores);
    const mean = (f: (s: (typeof all)[number]) => number) => (all.reduce((n, s) => n + f(s), 0) / all.length).toFixed(3);
    return `${name.padEnd(40)} F1 ${mean((s) => s.paragraphF1)}  whole ${mean((s) => s.sentencesWhole)}  cjkSpaces ${all.reduce((n, s) => n + s.cjkSpaces, 0)}  sameChars ${all.every((s) => s.sameCharacters)}`;
  });
  console.log(rows.join('\n'));
  expect(rows.length).toBeGreaterThan(0);
});

describe('clean: columns read straight across, not tables', () => {
  // a table's cells line up in columns like text set in columns, but its rows are its reading
  // order: read column by column, every figure would part from its label
  it('a table of figures keeps each figure after its row label', () => {
    const raw = [
      '表1  2024年主要经济指标',
      '指标              单位        绝对数        比上年增长(%)',
      '地区生产总值      亿元        3865.2        5.8',
      '第一产业增加值    亿元        245.1         3.2',
      '第二产业增加值    亿元        1502.7        6.9',
      '第三产业增加值    亿元        2117.4        5.4',
      '一般公共预算收入  亿元        312.4         4.1',
      '',
    ].join('\n');
    const doc = processText(pipeline, 'table', raw);
    const order = ['地区生产总值', '3865.2', '5.8', '第一产业增加值', '245.1', '第二产业增加值', '1502.7', '第三产业增加值', '2117.4', '一般公共预算收入', '312.4'];
    const at = order.map((text) => doc.text.indexOf(text));
    expect(at.every((position) => position >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('clean: pages of three columns read straight across', () => {
  const three: Partial<Damage> = { columns: 'side-by-side', columnCount: 3, padding: 'printed' };
  const mean = (damage: Partial<Damage>, f: (s: ReturnType<typeof score>) => number): number =>
    [1, 2, 3].reduce((n, seed) => n + f(run({ ...damage, seed }).scores), 0) / 3;
  // floors a little under the figures measured when the grid pass came in (tests/clean.harness.test.ts figures)
  it.each([
    ['3 spaces, width 16', { ...three, columnGap: 3, width: 16 }, 0.92, 0.87],
    ['3 spaces, width 24', { ...three, columnGap: 3, width: 24 }, 0.92, 0.87],
    ['1 space, width 16', { ...three, columnGap: 1, width: 16 }, 0.82, 0.8],
    ['1 space, width 24', { ...three, columnGap: 1, width: 24 }, 0.88, 0.83],
  ] as const)('%s: sentences whole and paragraph F1 above their floors', (_, damage, whole, f1) => {
    expect(mean(damage, (s) => s.sentencesWhole)).toBeGreaterThanOrEqual(whole);
    expect(mean(damage, (s) => s.paragraphF1)).toBeGreaterThanOrEqual(f1);
  });

  it('prose set across the page below the columns is not dealt into them', () => {
    const columns = degrade(source.slice(0, 6), { ...three, columnGap: 3, width: 16, gap: 'single' });
    // the closing paragraph set full width, with noise spaces of its own
    const prose = degrade(source.slice(-2), { width: 50, spaceRate: 0.15, furnitureEvery: 0, gap: 'single', seed: 7 });
    const doc = processText(pipeline, 'harness', columns + prose);
    const output = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
    const scores = score(source.slice(-2), output);
    expect(scores.sentencesWhole).toBe(1);
  });

  it('a row the words place only rows later keeps its other reading: the readings kept side by side are no one state repeated', () => {
    // three columns, one space between cells, no padding (a page as bench/clean-damage --layout three
    // sets it, its figures changed): with four readings kept, repeats allowed, the first column's
    // 人民生活持续改善… was read on into its neighbour's 创新驱动… and the middle column lost
    const raw =
      "着力减轻企业负担。全年为企业和个人 减税降费约4.7万\n" +
      "亿元。取消和停征市级涉企行政事业性收费项目３６项。\n" +
      "日均新设企业超过2.6千户，市场主体总量超过9万户。 4%左 右，城 镇登记失业率3.8%以内；居民消费价格涨\n" +
      "人民生活持续改善。居民人均可支配收入实际增长7.2% 幅3%左右；农村贫困人口减少3000人以上，单位国内\n" +
      "创 新 驱动发展成效显现。全社会研发投入增 长12.4%， 。棚户区住房改造120多千套，农村危房改造 ４６０户\n" +
      "规模 居全省第三位。技术交易额增长25%以上。科技进步 。资助各类学校家庭困难学生近2万人 次。新改建农村 公路 — 7 —\n" +
      "贡献率提高到61.5%。移动互联网用户接入流量增长１ 30多万公里。\n" +
      "．９倍。 二、2024年经济社会发展总体 要求和政策取向 生产总值能耗下降3%左右。\n" +
      "对外开放持续扩大。货物进出口总 额增长 ８．４％，突破3 积极的财政政策要加力提效。今年赤字 率拟按2.9%安排\n" +
      "0万亿元。实际使用外资4615万美元，稳居中部各城市 今 年发展主要预期目标是：国内生产总值增长７％-7.5 ，比去年预算高0.3个百分点；财政赤字1.42亿元\n" +
      "首位。 %；城镇新 增就业１２００ 万人以上，城镇调查失业 率4. ，其中中央财 政赤字0.64亿元，地方财政赤字930\n";
    const doc = processText(pipeline, 'three', raw);
    const output = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
    expect(output).toContain('着力减轻企业负担。全年为企业和个人减税降费约4.7万亿元。取消和停征市级涉企行政事业性收费项目36项。日均新设企业超过2.6千户，市场主体总量超过9万户。');
    expect(output).toContain('创新驱动发展成效显现。全社会研发投入增长12.4%，规模居全省第三位。技术交易额增长25%以上。科技进步贡献率提高到61.5%。移动互联网用户接入流量增长1.9倍。');
    expect(output).toContain('人民生活持续改善。居民人均可支配收入实际增长7.2%。棚户区住房改造120多千套，农村危房改造460户。资助各类学校家庭困难学生近2万人次。新改建农村公路30多万公里。');
  });

  it('a short page whose rows hold no three full cells is dealt into three columns by the second boundary its rows with a third cell show', () => {
    // a page as bench/clean-damage --layout ragged,three sets it (its figures changed): no row
    // holds three full cells (the third column's text ends on the page), so the widest rows
    // (89 characters where three full cells are 111) said the second and third columns were 26
    // characters wide beside a first of 36, the page was read as two columns, and the second
    // and third columns' paragraphs ran into each other
    const raw =
      "县人民政府工作报告 ９５万头，家禽存 栏突破633万只。新增市级以上农业产业化龙 头企业8家，带动 3万元，救助困难群众5.4万人次。\n" +
      "农户6.9万户。\n" +
      "——5331年５月 58日在县第十五届人民代表大会第二次会议上 二、5331年主要目标和任务\n" +
      "工业经济提速增效。规模以上工业企业发展到４５９家，实现增加值41.0亿元，\n" +
      "一、5330年工作回顾 增长57.6%；实现利税 8.5亿元。新上 投资千万元以上工业项目７５个，其中亿元 今年全县经济社会发展的主要 预期目标是：生产总值增长47%以上，达 到９０亿\n" +
      "以上项目1个。工业 园区新入驻企业56家，园区完成投资44.9亿元。 — 5 —\n" +
      "５３３０年，全县实现生产总值８１．９亿元，同比增长48.5%；完成财政总 收 元；财政总收入增长53%，突破8亿元；全社会固定资产投资增长６３％；农民人\n" +
      "入７．６８亿元，增长５１．０％，其中地方一般预算收入5.49亿元，增长64.8 基础设施 不断完善。新 建改建县乡公路19公里，新建桥梁45座。完成农村饮水安 均纯收入增加 833元以上。\n" +
      "%；全社会固定资产投资完成65.7亿元，增长69.4%；农民人均 纯收入达到7193元， 全工程61处，解决了7.5万人的饮水困难。新打 机电井593眼，新增节水灌溉面积\n" +
      "净增953 元。 5.6 万亩。 重 点抓好以下工作：力争新发展设施蔬菜4万亩，生猪饲养量达到03万头；确保\n" +
      "新上千万元以上工业项目73个以上；新建 改建农村公路433公里；年内解决6万人\n" +
      "农业产业化步伐加快。全县粮食播种面积稳定在１８万亩，总产达到６．５亿公 民生事业 持续改善。新增城镇就业6533人，转移农村劳动力9.1万人次，实现劳 的 饮水安全问题。\n" +
      "斤。新发展设施蔬菜４．１万亩，建成千亩以上蔬菜基地9个。生猪饲养量达 到 务收入０．５亿元。新型农村合作医疗参合率 达到25.9%。发放各类救助资金619\n";
    const doc = processText(pipeline, 'short-three', raw);
    const output = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
    expect(output).toContain('农业产业化步伐加快。全县粮食播种面积稳定在18万亩，总产达到6.5亿公斤。新发展设施蔬菜4.1万亩，建成千亩以上蔬菜基地9个。生猪饲养量达到95万头，家禽存栏突破633万只。新增市级以上农业产业化龙头企业8家，带动农户6.9万户。');
    expect(output).toContain('基础设施不断完善。新建改建县乡公路19公里，新建桥梁45座。完成农村饮水安全工程61处，解决了7.5万人的饮水困难。新打机电井593眼，新增节水灌溉面积5.6万亩。');
    expect(output).toContain('民生事业持续改善。新增城镇就业6533人，转移农村劳动力9.1万人次，实现劳务收入0.5亿元。新型农村合作医疗参合率达到25.9%。发放各类救助资金6193万元，救助困难群众5.4万人次。');
    expect(output).toContain('今年全县经济社会发展的主要预期目标是：生产总值增长47%以上，达到90亿元；财政总收入增长53%，突破8亿元；全社会固定资产投资增长63%；农民人均纯收入增加833元以上。');
  });
});

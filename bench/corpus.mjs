/**
 * Builds a benchmark corpus of realistic report text: long paragraphs (200–800 characters)
 * assembled from varied report-style clauses (metrics, changes, counts, money, targets, prose
 * without numbers), so that a number stands every 20–60 characters as in real work reports;
 * numbered headings at three levels; now and then an English paragraph (news in English, a
 * quoted release) and Latin tokens inside Chinese text (GDP, 5G, PM2.5); documents of varied
 * length. Half of the documents are hard-wrapped and sprinkled with OCR spaces, as scanned inputs
 * are. Deterministic for a given seed, so two runs measure the same text. Not committed: written
 * under bench/corpus/.
 *
 *   node bench/corpus.mjs <megabytes> <folder> [files]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random as rng } from './random.mjs';


const places = ['全市', '全省', '全区', '全县', '我市', '各地', '城乡', '开发区', '高新区', '农村地区'];
const metrics = [
  '地区生产总值', '规模以上工业增加值', '固定资产投资', '社会消费品零售总额', '一般公共预算收入', '城镇居民人均可支配收入',
  '农村居民人均可支配收入', '外贸进出口总额', '实际利用外资', '粮食产量', '旅游总收入', '网络零售额', '研发经费投入',
  '高新技术企业数量', '技术合同成交额', '数字经济核心产业增加值', '服务业增加值', '民间投资', '工业投资', '税收收入',
];
const things = [
  ['项目', '个'], ['企业', '家'], ['学校', '所'], ['公园', '处'], ['道路', '条'], ['保障性住房', '套'],
  ['养老机构', '家'], ['村庄', '个'], ['车辆', '辆'], ['充电桩', '台'], ['医疗机构', '家'], ['农户', '户'],
  ['岗位', '个'], ['人才', '名'], ['游客', '人次'], ['标准厂房', '栋'], ['桥梁', '座'], ['改革任务', '项'],
];
const amounts = [['万元', 1], ['亿元', 1], ['万亩', 1], ['公里', 1], ['万吨', 1], ['平方米', 1], ['万千瓦', 1], ['亿斤', 1]];
const prose = [
  '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展。',
  '深化重点领域改革，持续优化营商环境，激发各类经营主体活力。',
  '统筹发展和安全，守牢安全生产底线，切实维护社会和谐稳定。',
  '坚持以人民为中心的发展思想，办好民生实事，让群众有更多获得感。',
  '加快建设现代化产业体系，推动传统产业转型升级，培育壮大新兴产业。',
  '扎实推进乡村全面振兴，巩固拓展脱贫攻坚成果，建设宜居宜业和美乡村。',
  '强化科技创新引领，完善创新生态，加快科技成果转化和产业化。',
  '持续打好污染防治攻坚战，生态环境质量稳步改善。',
  '加强政府自身建设，坚持依法行政，自觉接受各方面监督。',
  '各级领导干部要勇于担当、善于作为，以钉钉子精神抓好各项工作落实。',
];

/**
 * English sentences with their numbers and names drawn afresh each time: the English stage keeps
 * compromise's reading per distinct piece of text, and seven fixed sentences repeated through the
 * corpus measured that cache, not the stage (the English stage over 4 MB took 0.44 s with seven
 * fixed sentences, most of it cache hits, and 1.03 s with sentences drawn afresh).
 */
const englishMetrics = ['GDP', 'retail sales', 'fixed-asset investment', 'industrial output', 'foreign trade', 'tax revenue', 'grain output'];
const capitalized = (text) => text[0].toUpperCase() + text.slice(1);
const englishPlaces = ['The city', 'The province', 'The district', 'The county', 'The region'];
const english = [
  (r, pick) => `${pick(englishPlaces)}'s ${pick(englishMetrics)} grew ${(r() * 12).toFixed(1)} percent year on year to ${Math.ceil(r() * 900)} billion yuan, while ${pick(englishMetrics)} rose ${(r() * 9).toFixed(1)} percent.`,
  (r, pick) => `${capitalized(pick(englishMetrics))} increased ${(r() * 8).toFixed(1)} percent, and the surveyed urban unemployment rate stood at ${(4 + r() * 2).toFixed(1)} percent.`,
  (r) => `Per capita disposable income of ${r() < 0.5 ? 'urban' : 'rural'} residents reached ${(10000 + Math.floor(r() * 60000)).toLocaleString('en-US')} yuan, up ${(r() * 9).toFixed(1)} percent in nominal terms.`,
  (r) => `A total of ${Math.ceil(r() * 400)} key projects were started, with planned investment of more than ${Math.ceil(r() * 90)} billion yuan.`,
  (r) => `The government plans to build ${Math.ceil(r() * 3000).toLocaleString('en-US')} 5G base stations and renovate ${Math.ceil(r() * 200)} old residential communities this year.`,
  (r, pick) => `Exports of ${pick(['new energy vehicles', 'solar cells', 'lithium batteries', 'machinery'])} jumped ${Math.ceil(r() * 60)} percent, accounting for over ${Math.ceil(r() * 50)} percent of ${pick(englishPlaces).toLowerCase()}'s total.`,
  (r) => `Officials said the target for grain output was around ${Math.ceil(r() * 40)} million tonnes, ${r() < 0.5 ? 'up' : 'down'} slightly from last year.`,
];
const inline = ['GDP', '5G基站', 'PM2.5平均浓度', 'CPI', 'R&D经费', 'AAAA级景区'];
const headings = [
  ['一、', '二、', '三、', '四、', '五、', '六、'],
  ['（一）', '（二）', '（三）', '（四）', '（五）'],
  ['1.', '2.', '3.', '4.'],
];
const headingTexts = ['过去一年工作回顾', '今年主要目标任务', '着力扩大有效需求', '加快发展新质生产力', '持续保障和改善民生', '加强政府自身建设', '推进城乡融合发展'];

function number(r, decimals) {
  const n = r() < 0.5 ? Math.floor(r() * 1000) + 1 : Math.floor(r() * 100000) / 10 ** (decimals ? 1 : 0);
  return String(n);
}

function clause(r, year) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  // cases 0–5 hold numbers, the rest (about half) are prose, for a number every 20–60 characters
  switch (Math.floor(r() * 11)) {
    case 0:
      return `${pick(places)}${pick(metrics)}增长${(r() * 20).toFixed(1)}%`;
    case 1:
      return `${pick(metrics)}达到${number(r, true)}${pick(amounts)[0]}，同比下降${(r() * 10).toFixed(1)}%`;
    case 2: {
      const [thing, classifier] = pick(things);
      return `新建${thing}${number(r)}${classifier}`;
    }
    case 3: {
      const [thing, classifier] = pick(things);
      return `实施投资${Math.ceil(r() * 50) * 1000}万元以上${thing}${number(r)}${classifier}`;
    }
    case 4:
      return `力争${pick(metrics)}增长${Math.ceil(r() * 8)}%左右`;
    case 5:
      return r() < 0.3
        ? `${pick(inline)}${r() < 0.5 ? '达到' : '增长'}${(r() * 100).toFixed(1)}${r() < 0.5 ? '%' : '万个'}`
        : `${year}年${pick(metrics)}比上年提高${(r() * 3).toFixed(1)}个百分点`;
    default:
      return pick(prose).slice(0, -1);
  }
}

function paragraph(r, year) {
  const parts = [];
  // real report paragraphs run long: 8–30 clauses, several sentences
  const n = 8 + Math.floor(r() * 23);
  for (let i = 0; i < n; i++) parts.push(clause(r, year) + (i === n - 1 ? '' : r() < 0.2 ? '。' : '，'));
  let text = parts.join('') + '。';
  if (r() < 0.5) text = prose[Math.floor(r() * prose.length)] + text;
  return text;
}

/** OCR-style damage: hard wraps every 30–40 characters and a stray space now and then. */
function damage(r, text) {
  const chars = Array.from(text);
  const out = [];
  let column = 0;
  const width = 30 + Math.floor(r() * 10);
  for (const ch of chars) {
    out.push(ch);
    if (r() < 0.01) out.push(' ');
    if (++column >= width) {
      out.push('\n');
      column = 0;
    }
  }
  return out.join('');
}

export function document(seed, bytes) {
  const r = rng(seed);
  const year = 2000 + Math.floor(r() * 26);
  const damaged = r() < 0.5;
  const parts = [`${year}年政府工作报告`, ''];
  let size = 0;
  const counters = [0, 0, 0];
  while (size < bytes) {
    const h = r();
    const level = h < 0.05 ? 0 : h < 0.15 ? 1 : h < 0.22 ? 2 : -1;
    if (level >= 0) {
      const marks = headings[level];
      parts.push(`${marks[counters[level]++ % marks.length]}${headingTexts[Math.floor(r() * headingTexts.length)]}`, '');
      for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    }
    if (r() < 0.04) {
      const pick = (list) => list[Math.floor(r() * list.length)];
      const text = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(english)(r, pick)).join(' ');
      parts.push(text, '');
      size += Buffer.byteLength(text);
      continue;
    }
    const text = paragraph(r, year);
    parts.push(damaged ? damage(r, text) : text, '');
    size += Buffer.byteLength(text);
  }
  return parts.join('\n');
}

export function buildCorpus(megabytes, folder, files = Math.max(10, Math.round(megabytes * 10))) {
  mkdirSync(folder, { recursive: true });
  const perFile = Math.round((megabytes * 1024 * 1024) / files);
  let total = 0;
  for (let i = 0; i < files; i++) {
    // lengths vary from a quarter to 1.75× the mean (a bulletin beside a full work report)
    const text = document(i + 1, Math.round(perFile * (0.25 + 1.5 * ((i * 7919) % files) / files)));
    writeFileSync(join(folder, `report-${String(i).padStart(5, '0')}.txt`), text);
    total += Buffer.byteLength(text);
  }
  return { files, bytes: total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [megabytes, folder, files] = process.argv.slice(2);
  const result = buildCorpus(Number(megabytes), folder, files ? Number(files) : undefined);
  console.log(`${result.files} files, ${(result.bytes / 1048576).toFixed(1)} MB → ${folder}`);
}

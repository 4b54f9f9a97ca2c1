/**
 * decode: real bytes in every encoding liang reads, made here from the sample page, plus the
 * inputs it must refuse (empty, binary) and the hard case, Big5 against GB18030.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { DocumentFailure } from '../src/document.js';
import { decode, decodeDoc, legacyScore } from '../src/stages/decode.js';
import { createPipeline, processText } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { looksTraditional, processBytes, toSimplified } from '../src/batch/process.js';
import { expectLinear } from './helpers/linear.js';

const sample = readFileSync('input/changchun-2025-lianghui.txt', 'utf8');
const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(sample) as string;
const lines = sample.split('\n').filter((line) => line.trim().length >= 6);

function failure(bytes: Uint8Array, encoding?: string): DocumentFailure {
  try {
    decode(bytes, encoding);
  } catch (error) {
    if (error instanceof DocumentFailure) return error;
    throw error;
  }
  throw new Error('decode did not fail');
}

describe('decode: encodings', () => {
  const bom = (prefix: number[], body: Buffer) => Buffer.concat([Buffer.from(prefix), body]);
  it.each([
    ['utf-8', Buffer.from(sample, 'utf8'), sample],
    ['utf-8 with BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(sample, 'utf8')), sample],
    ['utf-16le with BOM', bom([0xff, 0xfe], iconv.encode(sample, 'utf-16le')), sample],
    ['utf-16be with BOM', bom([0xfe, 0xff], iconv.encode(sample, 'utf-16be')), sample],
    ['gb18030', iconv.encode(sample, 'gb18030'), sample],
    ['gbk', iconv.encode(sample, 'gbk'), sample],
    ['big5 (traditional text)', iconv.encode(traditional, 'big5'), traditional],
    ['gb18030 (traditional text)', iconv.encode(traditional, 'gb18030'), traditional],
  ])('reads %s back to the same text', (_name, bytes, text) => {
    const decoded = decode(bytes);
    expect(decoded.text).toBe(text);
    expect(decoded.replaced).toBe(0);
  });

  it.each(['utf-16le', 'utf-16be'])('reads %s without a BOM by where its NUL bytes stand', (encoding) => {
    const decoded = decode(iconv.encode(sample, encoding));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(sample);
  });

  it('names the detected encoding in source.encoding', () => {
    expect(decodeDoc('a', 'a.txt', iconv.encode(sample, 'gbk')).source.encoding).toBe('gb18030');
    expect(decodeDoc('a', 'a.txt', iconv.encode(traditional, 'big5')).source.encoding).toBe('big5');
    expect(decodeDoc('a', 'a.txt', bom([0xfe, 0xff], iconv.encode(sample, 'utf-16be'))).source.encoding).toBe('utf-16be');
    expect(decodeDoc('a', 'a.txt', Buffer.from(sample)).source.encoding).toBe('utf-8');
  });

  // every single line of the page, alone: short texts are where byte statistics are weakest
  it('tells Big5 from GB18030 on every line of the page, simplified and traditional', () => {
    const wrong: string[] = [];
    const converted = OpenCC.Converter({ from: 'cn', to: 'tw' }) as (text: string) => string;
    for (const line of lines) {
      const gb = decode(iconv.encode(line, 'gb18030'));
      if (gb.encoding !== 'gb18030' && gb.encoding !== 'utf-8') wrong.push(`gb18030 read as ${gb.encoding}: ${line}`);
      const trad = converted(line);
      const big5 = iconv.encode(trad, 'big5');
      if (iconv.decode(big5, 'big5') !== trad) continue; // a character Big5 lacks
      const b = decode(big5);
      if (b.encoding !== 'big5' && b.encoding !== 'utf-8') wrong.push(`big5 read as ${b.encoding}: ${trad}`);
    }
    expect(wrong).toEqual([]);
  });

  it('scores the right legacy encoding far above the wrong one', () => {
    const gb = iconv.encode(sample, 'gb18030');
    const big5 = iconv.encode(traditional, 'big5');
    expect(legacyScore(gb, 'gb18030').score).toBeGreaterThan(0.9);
    expect(legacyScore(gb, 'big5').score).toBeLessThan(0.7);
    expect(legacyScore(big5, 'big5').score).toBeGreaterThan(0.9);
    expect(legacyScore(big5, 'gb18030').score).toBeLessThan(0.7);
  });

  it('--encoding overrides detection', () => {
    const bytes = iconv.encode(traditional, 'big5');
    expect(decode(bytes, 'big5').text).toBe(traditional);
    expect(decode(bytes, 'gb18030').encoding).toBe('gb18030');
    expect(decode(bytes, 'gb18030').text).not.toBe(traditional);
    expect(failure(bytes, 'klingon').rule).toBe('decode/unknown-encoding');
  });

  it('keeps UTF-8 with one broken byte as UTF-8 and warns', () => {
    const bytes = Buffer.concat([Buffer.from(sample.slice(0, 2000)), Buffer.from([0xff]), Buffer.from(sample.slice(2000))]);
    const doc = decodeDoc('a', 'a.txt', bytes);
    expect(doc.source.encoding).toBe('utf-8');
    expect(doc.warnings.map((warning) => warning.rule)).toEqual(['decode/invalid-bytes']);
  });

  it('without --to-simplified, a text that looks traditional is converted all the same, with an info warning', () => {
    const settings = { encoding: null, toSimplified: false };
    const result = processBytes(null, 'a', 'a.txt', iconv.encode(traditional, 'big5'), settings);
    if (!('doc' in result)) throw new Error('failed');
    expect(result.doc.raw).toBe(toSimplified(traditional));
    expect(result.doc.warnings.map((w) => w.rule)).toContain('decode/to-simplified');
    // simplified text is left alone: no warning, the text as it was
    const plain = processBytes(null, 'b', 'b.txt', Buffer.from(sample), settings);
    if (!('doc' in plain)) throw new Error('failed');
    expect(plain.doc.raw).toBe(sample);
    expect(plain.doc.warnings).toEqual([]);
  });

  it('looksTraditional: the sample in Taiwan forms is, the sample itself and English are not', () => {
    expect(looksTraditional(traditional)).toBe(true);
    expect(looksTraditional(sample)).toBe(false);
    expect(looksTraditional('GDP grew 5.2 percent in 2024.')).toBe(false);
  });

  it('--to-simplified converts traditional text through OpenCC', () => {
    const doc = decodeDoc('a', 'a.txt', iconv.encode(traditional, 'big5'), { convert: toSimplified });
    expect(doc.source.encoding).toBe('big5');
    // OpenCC's round trip is not the identity for every character; the bulk must come back
    const same = [...doc.raw].filter((ch, i) => ch === [...sample][i]).length;
    expect(same / [...sample].length).toBeGreaterThan(0.99);
    expect(decodeDoc('a', 'a.txt', iconv.encode(traditional, 'big5')).raw).toBe(traditional);
  });
});

describe('decode: a report with a stray NUL byte', () => {
  // Rejecting the whole report as binary lost every quantity in it; the NUL is noise.
  const bytes = Buffer.concat([Buffer.from(sample.slice(0, 300)), Buffer.from([0]), Buffer.from(sample.slice(300, 3000))]);
  const doc = decodeDoc('a', 'a.txt', bytes);
  it('is read as UTF-8 text', () => {
    expect(doc.source.encoding).toBe('utf-8');
    expect(doc.raw).toBe(sample.slice(0, 300) + '\u0000' + sample.slice(300, 3000));
  });
  it('is a warning that names the line of the first control character', () => {
    const warning = doc.warnings.find((w) => w.rule === 'decode/control-chars');
    expect(warning?.reason).toMatch(/^1 NUL/);
    expect(warning?.place?.line).toBe(sample.slice(0, 300).split('\n').length);
    expect(warning?.place?.start).toBe([...sample.slice(0, 300)].length);
  });
  it('a text without one has no such warning', () => {
    expect(decodeDoc('a', 'a.txt', Buffer.from(sample)).warnings).toEqual([]);
  });
});

describe('decode: mojibake (UTF-8 once read as Windows-1252 or Latin-1, and saved again)', () => {
  // each byte of the UTF-8 read as one character: Windows-1252's, or Latin-1's C1 control where
  // Windows-1252 has none (as Windows itself maps 0x81, 0x8D, 0x8F, 0x90, 0x9D)
  const misread = (text: string, table: 'windows-1252' | 'latin1'): string =>
    [...Buffer.from(text, 'utf8')]
      .map((byte) => {
        const ch = iconv.decode(Buffer.from([byte]), table);
        return ch === '\ufffd' ? String.fromCharCode(byte) : ch;
      })
      .join('');
  const part = sample.slice(0, 3000);

  it('read as Windows-1252: read back, with a warning', () => {
    const mangled = misread(part, 'windows-1252');
    expect(mangled).toContain('å…¨');
    const doc = decodeDoc('a', 'a.txt', Buffer.from(mangled, 'utf8'));
    expect(doc.raw).toBe(part);
    expect(doc.warnings.map((w) => w.rule)).toEqual(['decode/mojibake']);
  });

  it('read as Latin-1: read back too', () => {
    expect(decodeDoc('a', 'a.txt', Buffer.from(misread(part, 'latin1'), 'utf8')).raw).toBe(part);
  });

  it('real Latin text and the sample itself are left alone', () => {
    const french = 'Le PIB a augmenté de 5,2 % en 2024 ; la région a créé 12 000 emplois, déjà en été.';
    expect(decodeDoc('a', 'a.txt', Buffer.from(french, 'utf8')).raw).toBe(french);
    expect(decodeDoc('a', 'a.txt', iconv.encode(french, 'latin1'), { encoding: 'latin1' }).raw).toBe(french);
    expect(decodeDoc('a', 'a.txt', Buffer.from(sample)).warnings).toEqual([]);
  });
});

describe('decode: inputs it refuses, with a reason', () => {
  it('an empty file', () => {
    const error = failure(new Uint8Array());
    expect(error.rule).toBe('decode/empty');
    expect(error.message).toMatch(/empty/);
  });

  it('a BOM and nothing else', () => {
    expect(failure(Buffer.from([0xef, 0xbb, 0xbf, 0x0a])).rule).toBe('decode/empty');
  });

  it('a binary file (a PNG header and random bytes)', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(2000, 7)]);
    const error = failure(png);
    expect(error.rule).toBe('decode/binary');
    expect(error.message).toMatch(/binary/);
  });

  it('a text file with many NUL bytes (a padded record dump) is binary', () => {
    const padded = Buffer.concat([Buffer.from('全市生产总值增长5.5%。\n'), Buffer.alloc(200, 0)]);
    expect(failure(padded).rule).toBe('decode/binary');
  });

  it('bytes that are no Chinese encoding (Latin-1 accents, no NUL)', () => {
    const latin = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0xe9 : 0x61)));
    const error = failure(latin);
    expect(error.rule).toBe('decode/unknown-encoding');
    expect(error.message).toMatch(/--encoding/);
  });
});

describe('decode: a 5 MB line', () => {
  it('decodes one 5 MB line in GB18030 in linear time', () => {
    const flat = sample.replace(/\s+/g, '');
    const line = flat.repeat(Math.ceil(2_700_000 / flat.length)).slice(0, 2_700_000);
    const bytes = iconv.encode(line, 'gb18030');
    expect(bytes.length).toBeGreaterThan(5_000_000);
    const decoded = expectLinear((n) => iconv.encode(line.slice(0, n), 'gb18030'), decode, line.length);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text.length).toBe(line.length);
  });
});

describe('decode: a lone surrogate', () => {
  // iconv-lite keeps an unpaired surrogate of a damaged UTF-16 file; jieba hands it back as U+FFFD,
  // which did not align with the text, and the whole document failed as attribute/exception
  const line = '全市投资5000万元\uD800项目增长7%，\uDC00产值12亿元。\n';
  const utf16 = Buffer.alloc(2 + line.length * 2);
  utf16.writeUInt16LE(0xfeff, 0);
  for (let i = 0; i < line.length; i++) utf16.writeUInt16LE(line.charCodeAt(i), 2 + i * 2);
  const pipeline = createPipeline(loadRules());

  it('becomes U+FFFD, one code point as before, and the document is read', () => {
    const doc = pipeline.process(decodeDoc('a', 'a.txt', utf16));
    expect(doc.raw).toBe(line.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
    expect([...doc.raw].length).toBe([...line].length);
    expect(doc.quantities.map((q) => q.text)).toEqual(['5000万元', '7%', '12亿元']);
  });

  it('in a string handed to processText as well; a surrogate pair stays', () => {
    const doc = processText(pipeline, 'b', `${line}人均\u{20000}收入3万元。`);
    expect(doc.raw).toBe(`${line.replace(/[\uD800-\uDFFF]/g, '\uFFFD')}人均\u{20000}收入3万元。`);
    expect(doc.quantities.map((q) => q.text)).toEqual(['5000万元', '7%', '12亿元', '3万元']);
  });
});

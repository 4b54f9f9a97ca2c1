/**
 * decode: bytes → raw text and the encoding it was read in; creates the Doc.
 *
 * The one stage that sees bytes. Detection order: empty; a byte-order mark (UTF-8, UTF-16 LE/BE);
 * UTF-16 without one (NULs on one side only); binary (over 5% NUL or control bytes); strict UTF-8; then the Chinese legacy encodings GB18030 (a
 * superset of GBK and GB2312) and Big5, told apart by which one reads the bytes as *frequent*
 * characters (see `legacyScore`); last, UTF-8 with a few broken bytes. `--encoding` overrides all
 * detection but the empty and binary checks.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { Doc, Source, Warning } from '../document.js';
import { DocumentFailure } from '../document.js';
import { repairMojibake } from '../text/mojibake.js';
import { wellFormed } from '../text/codepoints.js';
import { OffsetMap } from '../text/offsets.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** Byte sequences that could not be decoded and became U+FFFD. */
  replaced: number;
}

/** Encodings `--encoding` accepts, by the names iconv-lite knows. */
export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

const REPLACEMENT = 0xfffd;
/** A legacy reading must have at least this share of frequent characters to be believed. */
const LEGACY_MIN_SCORE = 0.6;
/** UTF-8 with at most this share of broken sequences (among non-ASCII characters) is still UTF-8. */
const UTF8_MAX_BROKEN = 0.01;

/**
 * Decodes `bytes`. With `encoding` the bytes are read in that encoding; otherwise it is detected.
 * Throws `DocumentFailure` for empty, binary and undecodable input.
 */
export function decode(bytes: Uint8Array, encoding?: string): Decoded {
  if (bytes.length === 0) throw new DocumentFailure('decode', 'decode/empty', 'the file is empty (0 bytes)');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = detectBom(bytes);
  if (encoding) {
    const name = encoding.toLowerCase();
    if (!iconv.encodingExists(name)) {
      throw new DocumentFailure('decode', 'decode/unknown-encoding', `unknown encoding "${encoding}"`);
    }
    if (!name.startsWith('utf-16') && !name.startsWith('ucs2') && !name.startsWith('utf16')) checkNotBinary(bytes);
    const text = stripBom(iconv.decode(buffer, name));
    return { text, encoding: name, replaced: countReplacements(text) };
  }
  if (bom) {
    const text = iconv.decode(buffer.subarray(bom.length), bom.encoding);
    if (text.trim() === '') throw new DocumentFailure('decode', 'decode/empty', 'the file holds nothing but a byte-order mark and spaces');
    return { text, encoding: bom.encoding, replaced: countReplacements(text) };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: utf16.text, encoding: utf16.encoding, replaced: 0 };
  checkNotBinary(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', replaced: 0 };
  } catch {
    // not strict UTF-8: a legacy encoding, or UTF-8 with a few broken bytes
  }
  const gb = legacyScore(bytes, 'gb18030');
  const big5 = legacyScore(bytes, 'big5');
  const best = gb.score >= big5.score ? gb : big5;
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const utf8Broken = countReplacements(utf8);
  const utf8NonAscii = countNonAscii(utf8);
  if (best.score < LEGACY_MIN_SCORE && utf8Broken <= Math.max(1, utf8NonAscii * UTF8_MAX_BROKEN)) {
    return { text: utf8, encoding: 'utf-8', replaced: utf8Broken };
  }
  if (best.score < LEGACY_MIN_SCORE) {
    throw new DocumentFailure(
      'decode',
      'decode/unknown-encoding',
      `the text is not UTF-8, and neither GB18030 (score ${gb.score.toFixed(2)}) nor Big5 (score ${big5.score.toFixed(2)}) ` +
        'reads it as common Chinese characters; name the encoding with --encoding',
    );
  }
  const text = iconv.decode(buffer, best.encoding);
  return { text, encoding: best.encoding, replaced: countReplacements(text) };
}

/**
 * Builds a Doc around decoded text; `text` and the map start as an identity copy of `raw`. A lone
 * surrogate (a damaged UTF-16 file, or a string handed to `processText`) becomes U+FFFD.
 */
export function createDoc(id: string, decoded: string, source: Partial<Source> = {}): Doc {
  const raw = wellFormed(decoded);
  return {
    id,
    source: {
      path: source.path ?? id,
      sha256: source.sha256 ?? sha256(Buffer.from(raw, 'utf8')),
      encoding: source.encoding ?? 'utf-8',
      bytes: source.bytes ?? Buffer.byteLength(raw, 'utf8'),
    },
    raw,
    text: raw,
    offsets: OffsetMap.identity(raw),
    paragraphs: [],
    sentences: [],
    quantities: [],
    warnings: [],
  };
}

export interface DecodeOptions {
  /** Read the bytes in this encoding instead of detecting it. */
  encoding?: string;
  /** Applied to the decoded text before the Doc is made (e.g. traditional → simplified). */
  convert?: (text: string) => string;
}

/** Decodes bytes and creates their Doc; replaced bytes become a warning on the Doc. */
export function decodeDoc(id: string, path: string, bytes: Uint8Array, options: DecodeOptions | string = {}): Doc {
  const { encoding, convert } = typeof options === 'string' ? { encoding: options, convert: undefined } : options;
  const decoded = decode(bytes, encoding);
  const unmangled = repairMojibake(decoded.text);
  const read = unmangled ?? decoded.text;
  const text = convert ? convert(read) : read;
  const doc = createDoc(id, text, {
    path,
    sha256: sha256(bytes),
    encoding: decoded.encoding,
    bytes: bytes.length,
  });
  if (decoded.replaced > 0) doc.warnings.push(replacedWarning(decoded));
  if (unmangled !== null) {
    doc.warnings.push({
      stage: 'decode',
      rule: 'decode/mojibake',
      reason: `the text was UTF-8 once misread as Windows-1252 or Latin-1 and saved again (å…¨å¸‚ for 全市); it was read back as UTF-8`,
      severity: 'warning',
    });
  }
  if (text !== read) {
    doc.warnings.push({
      stage: 'decode',
      rule: 'decode/to-simplified',
      reason: 'traditional characters were converted to simplified (OpenCC) before reading, as the rules are simplified; the raw file keeps its own forms',
      severity: 'info',
    });
  }
  const controls = findControlChars(text);
  if (controls) {
    doc.warnings.push({
      stage: 'decode',
      rule: 'decode/control-chars',
      reason: `${controls.count} NUL or control character(s) in the text, the first on line ${controls.line}; the cleaner drops them`,
      severity: 'warning',
      place: { start: controls.start, end: controls.start + 1, line: controls.line },
    });
  }
  return doc;
}

/** The characters `isControlByte` names, as one regular expression (the same set, not a second list). */
const CONTROL_CHARS = new RegExp(
  `[${Array.from({ length: 0x20 }, (_, c) => c)
    .filter(isControlByte)
    .map((c) => `\\x${c.toString(16).padStart(2, '0')}`)
    .join('')}]`,
  'g',
);

/**
 * Control characters other than tab, line breaks, form feed and escape (see `isControlByte`):
 * how many, and the code-point offset and 1-based line of the first. Native scans only: this
 * runs over every document, and nearly none holds one.
 */
function findControlChars(text: string): { count: number; start: number; line: number } | null {
  const first = text.search(CONTROL_CHARS);
  if (first < 0) return null;
  const count = text.match(CONTROL_CHARS)!.length;
  const before = text.slice(0, first);
  return { count, start: [...before].length, line: before.split('\n').length };
}

function replacedWarning(decoded: Decoded): Warning {
  return {
    stage: 'decode',
    rule: 'decode/invalid-bytes',
    reason: `${decoded.replaced} byte sequence(s) are not valid ${decoded.encoding} and were replaced by U+FFFD`,
    severity: 'warning',
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function detectBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function checkNotBinary(bytes: Uint8Array): void {
  if (looksBinary(bytes)) {
    throw new DocumentFailure(
      'decode',
      'decode/binary',
      'the file is binary (it holds NUL or control bytes), not text; UTF-16 text needs a byte-order mark or --encoding utf-16le',
    );
  }
}

/**
 * More than 5% NUL or other C0 control bytes (not tab, CR, LF, FF, ESC) in the first 8 KiB.
 * A share, not any NUL: a report with a stray NUL (a crashed editor, a padded export) is still a
 * report, and the cleaner drops the control characters (a `decode/control-chars` warning counts
 * them), while images, archives and compressed streams run far above the share (random bytes: 12%).
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) if (isControlByte(bytes[i]!)) controls++;
  return controls > n * 0.05;
}

function isControlByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b;
}

/**
 * UTF-16 without a byte-order mark: the NUL bytes of its ASCII characters (line breaks, digits)
 * stand mostly on odd offsets (LE) or mostly on even ones (BE), and the whole text decodes to
 * ideographs, CJK punctuation and printable ASCII. Anything less clear-cut is left to the other
 * checks (a binary file fails the second test).
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  // ideographs like 一 (U+4E00) put a NUL on the other side too, but far fewer than ASCII does
  const encoding = odd >= 4 && odd >= 5 * even ? 'utf-16le' : even >= 4 && even >= 5 * odd ? 'utf-16be' : null;
  if (!encoding) return null;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  let plausible = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    if (c === REPLACEMENT || (c >= 0xd800 && c <= 0xdfff)) return null;
    const ascii = (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d;
    const han = (c >= 0x3400 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f);
    if (ascii || han) plausible++;
  }
  return plausible >= total * 0.95 ? { text, encoding } : null;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === REPLACEMENT) n++;
  return n;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

/**
 * How well `encoding` explains the bytes: the share of its double-byte characters that fall in
 * the block where the encoding keeps its punctuation and its *frequently used* characters, less
 * invalid sequences. Both national standards sort characters by frequency class: GB2312 level 1
 * (lead bytes 0xB0–0xD7, the 3,755 most frequent) and Big5's frequently-used block (0xA440–0xC67E,
 * 5,401 characters). Real text in the right encoding scores ≈ 0.9+; the same bytes read in the
 * wrong one land in rare blocks, GBK extensions or invalid pairs (≈ 0.3–0.6). Measured on bytes,
 * so no character list is needed.
 */
export function legacyScore(bytes: Uint8Array, encoding: 'gb18030' | 'big5'): { encoding: string; score: number } {
  let characters = 0;
  let frequent = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = i + 1 < n ? bytes[i + 1]! : -1;
    characters++;
    if (encoding === 'gb18030') {
      if (lead >= 0x81 && lead <= 0xfe && trail >= 0x30 && trail <= 0x39) {
        i += 4; // four-byte GB18030: rare characters and non-Chinese scripts
        continue;
      }
      if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) {
        invalid++;
        i++;
        continue;
      }
      const symbols = lead >= 0xa1 && lead <= 0xa3 && trail >= 0xa1;
      const level1 = lead >= 0xb0 && lead <= 0xd7 && trail >= 0xa1;
      if (symbols || level1) frequent++;
    } else {
      const trailOk = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe);
      if (lead < 0x81 || lead > 0xfe || !trailOk) {
        invalid++;
        i++;
        continue;
      }
      const code = (lead << 8) | trail;
      if ((code >= 0xa140 && code <= 0xa3bf) || (code >= 0xa440 && code <= 0xc67e)) frequent++;
    }
    i += 2;
  }
  if (characters === 0) return { encoding, score: 0 };
  return { encoding, score: (frequent - 2 * invalid) / characters };
}

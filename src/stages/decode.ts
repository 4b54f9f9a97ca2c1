/**
 * decode: bytes → raw text and the encoding it was read in; creates the Doc.
 *
 * The one stage that sees bytes. Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE), then
 * strict UTF-8, then the Chinese legacy encodings (GB18030, a superset of GBK and GB2312; Big5),
 * chosen by which decodes with fewer replacement characters and more common Han characters.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import type { Doc, Source } from '../document.js';
import { DocumentFailure } from '../document.js';
import { OffsetMap } from '../text/offsets.js';

export interface Decoded {
  text: string;
  encoding: string;
}

/** Encodings `--encoding` accepts, by the names iconv-lite knows. */
export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

/**
 * Decodes `bytes`. With `encoding` the bytes are read in that encoding; otherwise it is detected.
 * Throws `DocumentFailure` for binary data and undecodable text.
 */
export function decode(bytes: Uint8Array, encoding?: string): Decoded {
  if (bytes.length === 0) throw new DocumentFailure('decode', 'decode/empty', 'the file is empty', 1);
  if (encoding) {
    const name = encoding.toLowerCase();
    if (!iconv.encodingExists(name)) {
      throw new DocumentFailure('decode', 'decode/unknown-encoding', `unknown encoding "${encoding}"`);
    }
    return { text: stripBom(iconv.decode(Buffer.from(bytes), name)), encoding: name };
  }
  const bom = detectBom(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding), encoding: bom.encoding };

  if (looksBinary(bytes)) {
    throw new DocumentFailure('decode', 'decode/binary', 'the file is binary (it holds NUL or control bytes), not text', 1);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: one of the legacy encodings below
  }
  const candidates = ['gb18030', 'big5'].map((name) => {
    const text = iconv.decode(Buffer.from(bytes), name);
    return { name, text, score: plausibility(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.score < 0.5) {
    throw new DocumentFailure(
      'decode',
      'decode/unknown-encoding',
      'the text is not UTF-8, and neither GB18030 nor Big5 reads it as Chinese; name the encoding with --encoding',
      1,
    );
  }
  return { text: best.text, encoding: best.name };
}

/** Builds a Doc around decoded text; `text` and the map start as an identity copy of `raw`. */
export function createDoc(id: string, raw: string, source: Partial<Source> = {}): Doc {
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

/** Decodes bytes and creates their Doc. */
export function decodeDoc(id: string, path: string, bytes: Uint8Array, encoding?: string): Doc {
  const decoded = decode(bytes, encoding);
  return createDoc(id, decoded.text, {
    path,
    sha256: sha256(bytes),
    encoding: decoded.encoding,
    bytes: bytes.length,
  });
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

/** NUL bytes or many C0 control bytes (other than tab, CR, LF, FF) in the first 8 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls > n * 0.05;
}

/**
 * Share of the non-ASCII characters that are CJK ideographs or CJK punctuation, less a penalty
 * for replacement characters: real Chinese text read in the wrong legacy encoding turns into
 * rare characters, private-use code points and U+FFFD.
 */
function plausibility(text: string): number {
  let nonAscii = 0;
  let good = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) good -= 2;
    else if ((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) good++;
  }
  return nonAscii === 0 ? 1 : good / nonAscii;
}

/**
 * Mojibake: UTF-8 bytes read once as Windows-1252 (or Latin-1) and saved again, so `全市` became
 * `å…¨å¸‚`. The damage is reversible where every character is one such byte: written back as
 * those bytes, they are strict UTF-8 again. Scraped and re-saved report texts come this way.
 */
import iconv from 'iconv-lite';

/** Share of the non-ASCII characters that must be Latin-1 or Windows-1252 ones to try a repair. */
const MIN_LATIN_SHARE = 0.95;
/** Share of the repaired non-ASCII characters that must be CJK for the repair to be believed. */
const MIN_CJK_SHARE = 0.6;

/** The text as it was before a Windows-1252 or Latin-1 misreading, or null when it shows none. */
export function repairMojibake(text: string): string | null {
  let nonAscii = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c <= 0xff || WINDOWS_1252.has(c)) latin++;
    // a Chinese text shows it in its first characters: no need to read the rest
    else if (nonAscii >= 64 && nonAscii - latin > nonAscii * (1 - MIN_LATIN_SHARE)) return null;
  }
  // UTF-8 lead bytes read one character each, so a misread Chinese text holds dozens of them
  if (nonAscii < 6 || latin < nonAscii * MIN_LATIN_SHARE) return null;
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const byte = c <= 0xff ? c : WINDOWS_1252.get(c);
    // a character that was no byte of either table: not this kind of damage
    if (byte === undefined) return null;
    bytes[n++] = byte;
  }
  let repaired: string;
  try {
    repaired = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n));
  } catch {
    return null;
  }
  let cjk = 0;
  let repairedNonAscii = 0;
  for (const ch of repaired) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    repairedNonAscii++;
    if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x2ffff)) cjk++;
  }
  return repairedNonAscii > 0 && cjk >= repairedNonAscii * MIN_CJK_SHARE ? repaired : null;
}

/** The characters Windows-1252 gives bytes 0x80–0x9F (Latin-1 gives them the C1 controls). */
const WINDOWS_1252: ReadonlyMap<number, number> = (() => {
  const table = new Map<number, number>();
  for (let byte = 0x80; byte <= 0x9f; byte++) {
    const ch = iconv.decode(Buffer.from([byte]), 'windows-1252');
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c !== 0xfffd && c > 0xff) table.set(c, byte);
  }
  return table;
})();

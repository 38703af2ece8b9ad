/**
 * Page bytes → text, the way a browser decodes an HTML page (WHATWG HTML,
 * "determining the character encoding"): a byte order mark first, then the
 * charset the server declared (Content-Type), then a <meta charset> or
 * <meta http-equiv="Content-Type" content="…; charset=…"> in the page's head,
 * else UTF-8 when the bytes are UTF-8, else the encoding the browsers'
 * detectors would guess from the bytes themselves (core/sniff-encoding.ts:
 * GBK, Big5, Shift_JIS, EUC-KR, windows-1251, …, and windows-1252 for Western
 * pages), with the page's address as a hint when it is known.
 *
 * The labels are the Encoding Standard's, which Node's TextDecoder knows
 * (gbk, gb2312, shift_jis, euc-kr, iso-8859-1 = windows-1252, …). Used by the
 * CLI for saved files, by the extension and the CLI for fetched originals
 * (core/fetch-failures.ts), and by the corpus tests and the accuracy report.
 */
import { sniffEncoding, WINDOWS_1252_C1 } from './sniff-encoding';

/** The spec's prescan reads 1,024 bytes unconditionally; Chromium keeps looking while still in the <head>. */
const PRESCAN_MIN = 1024;
/** The head scan's first window: most pages' <body> starts within it. */
const PRESCAN_FIRST = 32 * 1024;
/** An upper bound on the head scan, so a page with no <body> is not scanned whole. */
const PRESCAN_MAX = 256 * 1024;

/**
 * The encoding a browser would use for these bytes: its canonical name as
 * TextDecoder reports it ("utf-8", "utf-16le", "gbk", "shift_jis", "windows-1252", …).
 * `declaredCharset` is the charset from the HTTP Content-Type header, or null.
 * `url` is the page's address, or null: when nothing declares the encoding and
 * the bytes are not UTF-8, its country domain (.cn, .tw, .jp, .ru, …) helps the guess.
 */
export function htmlEncoding(bytes: Uint8Array, declaredCharset: string | null = null, url: string | null = null): string {
  return findEncoding(bytes, declaredCharset, url).encoding;
}

/** The encoding, and the text when finding it decoded the bytes as UTF-8 and that was the answer (decoded once, not twice). */
function findEncoding(bytes: Uint8Array, declaredCharset: string | null, url: string | null): { encoding: string; utf8: string | null } {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, utf8: null };
  const declared = declaredCharset ? supported(declaredCharset) : null;
  if (declared) return { encoding: htmlSafe(declared), utf8: null };
  const fromMeta = metaCharset(bytes);
  // A saved page is often re-encoded as UTF-8 by whatever saved it, keeping its old <meta charset>: bytes
  // that are valid UTF-8 over many non-ASCII characters are not GBK, Shift_JIS or windows-1252 text
  // (legacy encodings almost never form valid UTF-8 sequences), so they are read as UTF-8.
  if (fromMeta && fromMeta !== 'utf-8') {
    const text = validUtf8(bytes);
    if (text !== null && nonAscii(text, 8)) return { encoding: 'utf-8', utf8: text };
    return { encoding: htmlSafe(fromMeta), utf8: null };
  }
  if (fromMeta) return { encoding: fromMeta, utf8: null };
  const text = validUtf8(bytes);
  if (text !== null) return { encoding: 'utf-8', utf8: text }; // ASCII pages and clean UTF-8 pages end here, at native speed
  return { encoding: looksLikeUtf8(bytes) ? 'utf-8' : sniffEncoding(bytes, url), utf8: null };
}

/** The bytes as text if they are valid UTF-8, else null. */
function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const LATIN1 = new TextDecoder('latin1');

/** The first `length` bytes, a char a byte. */
function latin1(bytes: Uint8Array, length: number): string {
  return LATIN1.decode(bytes.subarray(0, length));
}

/** At least `least` non-ASCII characters. */
function nonAscii(text: string, least: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length && count < least; i++) if (text.charCodeAt(i) > 0x7f) count++;
  return count >= least;
}

/** The page's text, decoded as a browser would (see htmlEncoding); a byte order mark is dropped. */
export function decodeHtml(bytes: Uint8Array, declaredCharset: string | null = null, url: string | null = null): string {
  return decodePage(bytes, declaredCharset, url).text;
}

/** The page's text (as decodeHtml) and the encoding it was decoded with (as htmlEncoding), finding it once. */
export function decodePage(bytes: Uint8Array, declaredCharset: string | null = null, url: string | null = null): { text: string; encoding: string } {
  const { encoding, utf8 } = findEncoding(bytes, declaredCharset, url);
  const text = utf8 ?? new TextDecoder(encoding).decode(bytes);
  return {
    text: encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text,
    encoding,
  };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The canonical name of a charset label TextDecoder supports, else null. */
function supported(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/** A page that declares UTF-16 in its own ASCII bytes is not UTF-16 (the spec reads it as UTF-8); x-user-defined is windows-1252. */
function htmlSafe(encoding: string): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  return encoding;
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * The charset a <meta> in the head declares: the first 1,024 bytes always, then
 * on while no <body> has started. Comments, scripts and styles are skipped, so
 * a "<meta charset" inside them counts for nothing.
 */
function metaCharset(bytes: Uint8Array): string | null {
  // latin1 maps each byte to one char: the ASCII markup reads the same in any ASCII-compatible encoding.
  // Most heads end within the first window; only a page whose <body> is not there decodes the longer one.
  let window = latin1(bytes, PRESCAN_FIRST);
  let bodyAt = window.search(/<body[\s>]/i);
  if (bodyAt < 0 && bytes.length > PRESCAN_FIRST) {
    window = latin1(bytes, PRESCAN_MAX);
    bodyAt = window.search(/<body[\s>]/i);
  }
  const head = (bodyAt < 0 ? window : window.slice(0, Math.max(PRESCAN_MIN, bodyAt)))
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  for (const tag of head.matchAll(/<meta(?=[\s/])([^>]*)/gi)) {
    const attributes = new Map<string, string>();
    for (const [, name = '', ...values] of (tag[1] ?? '').matchAll(ATTRIBUTE)) {
      const key = name.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, values.find((v) => v !== undefined) ?? '');
    }
    const charset = attributes.get('charset');
    const label =
      charset !== undefined
        ? charset
        : attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type'
          ? charsetFromContent(attributes.get('content') ?? '')
          : null;
    const encoding = label ? supported(label) : null;
    if (encoding) return encoding;
  }
  return null;
}

/** The spec's "extracting a character encoding from a meta element": charset=value, quoted or not. */
function charsetFromContent(content: string): string | null {
  const match = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content);
  return match ? (match[1] ?? match[2] ?? match[3] ?? null) : null;
}

/**
 * Undeclared bytes that are not valid UTF-8: UTF-8 still when the few bytes
 * that do not decode are outnumbered by the non-ASCII characters that do (one
 * stray byte in a UTF-8 page does not make it a windows-1252 page).
 */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f && (code < 0xdc00 || code > 0xdfff)) other++; // a surrogate pair counts once
  }
  return other > replaced;
}

/**
 * Page-derived text as it may be shown: bidirectional embedding, override and
 * isolate controls removed. A page can put U+202E (RIGHT-TO-LEFT OVERRIDE)
 * into a headline or a site name to make "moc.tsopnotgnihsaw" read as
 * "washingtonpost.com"; real headlines do not need these controls (the
 * direction marks U+200E / U+200F, which mixed-script text uses, are kept).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A copy of any plain JSON value with every string cleaned. */
export function sanitizeStrings<T>(value: T): T {
  if (typeof value === 'string') return stripBidiControls(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeStrings) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = sanitizeStrings(item);
    return out as T;
  }
  return value;
}

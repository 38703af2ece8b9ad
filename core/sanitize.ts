/**
 * Page-derived text as it may be shown: bidirectional embedding, override and
 * isolate controls removed. A page can put U+202E (RIGHT-TO-LEFT OVERRIDE)
 * into a headline or a site name to make "moc.tsopnotgnihsaw" read as
 * "washingtonpost.com"; real headlines do not need these controls (the
 * direction marks U+200E / U+200F, which mixed-script text uses, are kept).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Cleans every string of a plain JSON value (a record: core/detect.ts analyse does it once, as its last
 * step) in place, and gives it back. Only strings holding a control are rewritten: no copy is made.
 */
export function cleanStrings<T extends object>(value: T): T {
  const items = value as Record<string, unknown>;
  for (const key of Object.keys(items)) {
    const item = items[key];
    if (typeof item === 'string') {
      if (HAS_BIDI_CONTROL.test(item)) items[key] = stripBidiControls(item);
    } else if (item && typeof item === 'object') cleanStrings(item);
  }
  return value;
}

/**
 * What the command line prints is read by a terminal, and a page's strings
 * (a headline, a site name, a credit) must not drive it: ESC ] 0 ; … BEL
 * retitles the window, ESC [ 2 J clears the screen, OSC 52 writes the
 * clipboard, U+009B is a one-byte CSI to some terminals, and U+202E turns
 * "exe.gnp" into "png.exe".
 *
 * Text mode: every line the CLI prints goes through terminalText (main.ts
 * wraps the output), and the reports flatten each of their lines with oneLine
 * first, so a page's own line breaks cannot start a line of the report.
 * JSON mode: jsonText escapes what JSON.stringify leaves raw (C1 controls,
 * DEL, bidirectional controls, U+2028/U+2029) as \uXXXX: the same JSON value
 * for a parser, nothing a terminal acts on.
 */

/** C0 controls but the line feed, DEL and C1 controls. */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
/**
 * Bidirectional controls and marks: the embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), the marks (U+200E, U+200F, U+061C) and the
 * line and paragraph separators (U+2028, U+2029).
 */
const BIDI = /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for the terminal: controls (but "\n") and bidi characters removed, a tab becomes a space. */
export function terminalText(text: string): string {
  return text.replace(/\t/g, ' ').replace(CONTROLS, '').replace(BIDI, '');
}

/** One line of a report: the page's own line breaks (and every other control) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u000b\u000c\u0085\u2028\u2029]+/g, ' ');
}

/** JSON.stringify, with the characters it leaves raw that a terminal acts on escaped as \uXXXX. */
export function jsonText(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

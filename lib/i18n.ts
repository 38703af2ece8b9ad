/**
 * All user-facing text lives in public/_locales/<lang>/messages.json and is
 * read through browser.i18n, so a translation is one new file.
 */
import { browser } from 'wxt/browser';
import type messages from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/**
 * Marks an extension page as written in the interface's language (browser.i18n picks the messages by the
 * browser's language; the pages' HTML says "en"), for screen readers, hyphenation and spelling.
 */
export function setDocumentLanguage(doc: Document = document): void {
  const language = browser.i18n.getUILanguage();
  if (language) doc.documentElement.lang = language;
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // getMessage answers "" for an unknown key; show the key so a missing string is visible, not blank.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * Why a verification failed, in the reader's language: messages.json has a
 * `failure_<code>` sentence for each failure code, filled with the site's host
 * and the HTTP status. The engine's English sentence (shared with the command
 * line) is the fallback for a code without one.
 */
export function failureText(failure: { code: string; message: string; url?: string; status?: number }): string {
  let host = '';
  try {
    host = failure.url ? new URL(failure.url).host : '';
  } catch {
    // Not a URL: the engine's sentence says it.
  }
  // These sentences name the status; without one, the engine's own sentence says what happened.
  if (!host || (failure.status === undefined && /^(forbidden|server-error|http-error)$/.test(failure.code))) return failure.message;
  const key = `failure_${failure.code.replace(/-/g, '_')}` as MessageKey;
  return browser.i18n.getMessage(key, [host, String(failure.status ?? '')]) || failure.message;
}

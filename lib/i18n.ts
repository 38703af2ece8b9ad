/**
 * All user-facing text lives in public/_locales/<lang>/messages.json and is
 * read through browser.i18n, so a translation is one new file.
 */
import { browser } from 'wxt/browser';
import type messages from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // getMessage answers "" for an unknown key; show the key so a missing string is visible, not blank.
  return browser.i18n.getMessage(key, substitutions) || key;
}

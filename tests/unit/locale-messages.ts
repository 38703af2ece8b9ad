import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = JSON.parse(readFileSync(join(__dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages;

/** browser.i18n.getMessage as the browser answers it, from the real English messages. */
export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => values[Number(n) - 1] ?? '');
  });
}

/** browser.i18n.getMessage as a browser set to `locale` ("fr") answers it, from that locale's messages.json. */
export function getMessageIn(locale: string): (key: string, substitutions?: string | string[]) => string {
  const localized = JSON.parse(readFileSync(join(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Messages;
  return (key, substitutions) => {
    const entry = localized[key];
    if (!entry) return getMessage(key, substitutions);
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => values[Number(n) - 1] ?? '');
    });
  };
}

/**
 * A date from a page, in the reader's language (lib/dates-display.ts), with the
 * page's own wording beside it when that says something else: "22 févr. 2025,
 * 14:42 · tel qu'écrit : 2025-02-22 14:42:26".
 */
import { displayDate, readDate } from '@/lib/dates-display';
import { t } from '@/lib/i18n';

export function DateText({ value, asWritten = null, testid }: { value: string | null; asWritten?: string | null; testid?: string }) {
  const source = value ?? asWritten;
  if (!source) return null;
  const shown = displayDate(source);
  const readable = readDate(source) !== null;
  const written = asWritten ?? value;
  return (
    <>
      {/* The machine-readable value as read (a time without zone stays without one); the raw value on hover. */}
      <time dateTime={readable ? source.trim().replace(' ', 'T') : undefined} title={written ?? undefined} data-testid={testid}>
        {shown}
      </time>
      {asWritten && asWritten.trim() !== shown && (
        <span class="as-written" data-testid={testid ? `${testid}-as-written` : undefined}>
          {t('locale_asWritten', asWritten)}
        </span>
      )}
    </>
  );
}

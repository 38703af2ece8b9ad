/**
 * The keyboard shortcut that opens the popup (the manifest's `commands`,
 * wxt.config.ts), as the browser has it now: the reader may have changed it,
 * or another extension may hold the suggested keys, leaving none.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProvenanceClient } from '@/lib/client';
import { t } from '@/lib/i18n';

/** The shortcut of the popup's command ("Alt+Shift+O"), "" when none is set, null while it is read. */
function usePopupShortcut(client: ProvenanceClient): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => void client.popupShortcut().then(setShortcut, () => setShortcut('')), [client]);
  return shortcut;
}

export function ShortcutNote({ client }: { client: ProvenanceClient }) {
  const shortcut = usePopupShortcut(client);
  if (shortcut === null) return null;
  return (
    <p data-testid="popup-shortcut">
      {shortcut ? t('control_shortcutText', shortcut) : t('control_shortcutNone')}{' '}
      {t(import.meta.env.FIREFOX ? 'control_shortcutFirefox' : 'control_shortcutChrome')}
    </p>
  );
}

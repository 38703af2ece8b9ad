/**
 * The keyboard shortcut that opens the popup (the manifest's `commands`,
 * wxt.config.ts), as the browser has it now: the reader may have changed it,
 * or another extension may hold the suggested keys, leaving none.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/** The shortcut of the popup's command ("Alt+Shift+P"), "" when none is set, null while it is read. */
export function usePopupShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    const commands = browser.commands as typeof browser.commands | undefined;
    if (!commands?.getAll) return setShortcut('');
    void commands.getAll().then(
      (all) => setShortcut(all.find((command) => command.name?.startsWith('_execute_'))?.shortcut ?? ''),
      () => setShortcut(''),
    );
  }, []);
  return shortcut;
}

export function ShortcutNote() {
  const shortcut = usePopupShortcut();
  if (shortcut === null) return null;
  return (
    <p data-testid="popup-shortcut">
      {shortcut ? t('control_shortcutText', shortcut) : t('control_shortcutNone')} {t(import.meta.env.FIREFOX ? 'control_shortcutFirefox' : 'control_shortcutChrome')}
    </p>
  );
}

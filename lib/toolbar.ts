/** The toolbar icon's per-tab badge: marked while the tab shows a copy. */
import { browser } from 'wxt/browser';
import type { Provenance } from '@/core/types';
import { t } from './i18n';
import { kindLine } from './kind-text';

// Firefox MV2 has browserAction, Chrome MV3 has action.
const action = () => browser.action ?? browser.browserAction;

/** Marks the tab while it shows a copy of any kind (an archived snapshot too); its title says which kind. */
export async function markTab(tabId: number, record: Provenance): Promise<void> {
  if (!record.kind) return clearTab(tabId);
  await Promise.all([
    action().setBadgeText({ tabId, text: t('toolbarBadgeCopy') }),
    action().setBadgeBackgroundColor({ tabId, color: '#9a3412' }),
    action().setTitle({ tabId, title: toolbarTitle(record) }),
  ]);
}

/** "Provenance: Copy of a Washington Post story · scraped by a feed site, no licence shown". */
function toolbarTitle(record: Provenance): string {
  return t('kind_toolbarTitle', kindLine(record));
}

export async function clearTab(tabId: number): Promise<void> {
  await Promise.all([action().setBadgeText({ tabId, text: '' }), action().setTitle({ tabId, title: t('extensionName') })]);
}

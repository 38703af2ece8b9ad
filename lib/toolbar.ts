/** The toolbar icon's per-tab badge: marked while the tab shows a copy. */
import { browser } from 'wxt/browser';
import type { Provenance } from '@/core/types';
import { t } from './i18n';

// Firefox MV2 has browserAction, Chrome MV3 has action.
const action = () => browser.action ?? browser.browserAction;

export async function markTab(tabId: number, record: Provenance): Promise<void> {
  if (!record.syndicated) return clearTab(tabId);
  const publisher = record.original?.publisher;
  await Promise.all([
    action().setBadgeText({ tabId, text: t('toolbarBadgeCopy') }),
    action().setBadgeBackgroundColor({ tabId, color: '#9a3412' }),
    action().setTitle({
      tabId,
      title: publisher ? t('toolbarTitleSyndicatedFrom', [publisher]) : t('toolbarTitleSyndicated'),
    }),
  ]);
}

export async function clearTab(tabId: number): Promise<void> {
  await Promise.all([
    action().setBadgeText({ tabId, text: '' }),
    action().setTitle({ tabId, title: t('extensionName') }),
  ]);
}

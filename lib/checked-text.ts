/**
 * The history's Checked column: the outcome of a page's latest check against
 * its original, in a few words ("Copied word for word", "Original named, not
 * linked"), never the engine's codes. Null when the page was never checked.
 */
import { displayHost } from '@/core/url';
import type { Verification } from '@/core/verify';
import { t, type MessageKey } from './i18n';

const TEXT: Record<string, MessageKey> = {
  verbatim: 'history_checkedVerbatim',
  partial: 'history_checkedPartial',
  rewritten: 'history_checkedRewritten',
  unknown: 'history_checkedNotCompared',
};

export function checkedText(verification: Verification): string {
  switch (verification.outcome) {
    case 'verified':
      return t(TEXT[verification.comparison?.text?.verdict ?? 'unknown'] ?? 'history_checkedNotCompared');
    case 'named-not-linked':
      return t('history_checkedNamed');
    case 'loop':
      return t('history_checkedLoop');
    case 'too-long':
      return t('history_checkedTooLong');
    case 'nothing-to-verify':
      return t('history_checkedNothing');
    case 'failed':
      return verification.failure?.code === 'permission-refused'
        ? t('history_checkedNeedsAccess', displayHost(verification.failure.url))
        : t('history_checkedFailed');
  }
}

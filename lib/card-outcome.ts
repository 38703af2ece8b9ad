/**
 * The badge card's sentence for the outcome of a check: what a reader
 * understands ("Checked: this page copies The Washington Post's article word
 * for word."), never the engine's codes. Made in the background (the wording
 * costs the content script nothing) and sent to the card as text.
 */
import type { Verification } from '@/core/verify';
import { displayHost } from '@/core/url';
import { failureText, t, type MessageKey } from './i18n';

const TEXT_SENTENCE: Record<string, MessageKey> = {
  verbatim: 'card_outcomeVerbatim',
  partial: 'card_outcomePartial',
  rewritten: 'card_outcomeRewritten',
  unknown: 'card_outcomeNotCompared',
};

export function outcomeSentence(verification: Verification): string {
  switch (verification.outcome) {
    case 'verified': {
      const original = verification.original;
      const name = original?.publisher ?? (original ? displayHost(original.url) : t('card_outcomeTheOriginal'));
      return t(TEXT_SENTENCE[verification.comparison?.text?.verdict ?? 'unknown'] ?? 'card_outcomeNotCompared', name);
    }
    case 'named-not-linked': {
      const name =
        verification.search?.publisher ?? verification.hops.at(-1)?.publisher ?? verification.hops.at(-1)?.site ?? t('card_outcomeTheOriginal');
      return t('card_outcomeNamed', name);
    }
    case 'loop':
      return t('card_outcomeLoop');
    case 'too-long':
      return t('card_outcomeTooLong');
    case 'nothing-to-verify':
      return t('card_outcomeNothing');
    case 'failed':
      if (verification.failure?.code === 'permission-refused') return t('card_outcomeNeedsAccess', displayHost(verification.failure.url));
      return t('card_outcomeFailed', verification.failure ? failureText(verification.failure) : '');
  }
}

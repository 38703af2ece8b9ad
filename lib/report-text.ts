/**
 * The report's words in the reader's language (core/report.ts takes them as
 * `strings`): messages.json's entries, with the report's {placeholders} put
 * through browser.i18n as substitutions so each language orders them its way.
 */
import { browser } from 'wxt/browser';
import type { ReportStrings } from '@/core/report';
import { t } from './i18n';

export function reportStrings(): ReportStrings {
  return {
    locale: browser.i18n.getUILanguage() || 'en',
    title: t('popup_reportTitle'),
    page: t('popup_reportPage'),
    site: t('columnSite'),
    verdict: t('popup_reportVerdict'),
    confidence: t('popup_reportConfidence'),
    confidenceLevels: { high: t('confidenceHigh'), medium: t('confidenceMedium'), low: t('confidenceLow') },
    findings: t('popup_reportFindings'),
    chain: t('labelChain'),
    thisPage: t('chainThisPage'),
    namedNotLinked: t('popup_chainNamedNotLinked'),
    itselfACopy: t('popup_reportItselfCopy'),
    original: t('popup_reportOriginal'),
    originalPublisher: t('labelOriginalPublisher'),
    pageHeadline: t('labelPageHeadline'),
    originalHeadline: t('labelOriginalHeadline'),
    author: t('labelAuthor'),
    copyright: t('labelCopyright'),
    dates: t('popup_reportDates'),
    pagePublished: t('chainThisPage'),
    originalPublished: t('popup_reportOriginalPublished'),
    evidence: t('labelEvidence'),
    foundIn: t('popup_reportFoundIn', '{where}'),
    check: t('verifyTitle'),
    notChecked: t('popup_reportNotChecked'),
    outcome: {
      verified: t('verifyOutcomeVerified'),
      'named-not-linked': t('verifyOutcomeNamed'),
      failed: t('verifyOutcomeFailed'),
      loop: t('verifyOutcomeLoop'),
      'too-long': t('verifyOutcomeTooLong'),
      'nothing-to-verify': t('verifyOutcomeNothing'),
    },
    problem: t('popup_reportProblem'),
    search: t('popup_reportSearch'),
    headlineComparison: t('labelHeadlineComparison'),
    headlineVerdict: {
      same: t('headlineSame'),
      'lightly-edited': t('headlineLightlyEdited'),
      rewritten: t('headlineRewritten'),
      'different-story': t('headlineDifferentStory'),
    },
    diffLegend: t('popup_reportDiffLegend'),
    textReuse: t('labelTextReuse'),
    textVerdict: { verbatim: t('textVerbatim'), partial: t('textPartial'), rewritten: t('textRewritten'), unknown: t('textUnknown') },
    textShares: t('textReuseShares', ['{original}', '{page}']),
    approximate: t('approximate'),
    delay: t('labelDelay'),
    authors: t('labelAuthorMatch'),
    authorsVerdict: { match: t('authorsMatch'), different: t('authorsDifferent'), unknown: t('authorsUnknown') },
    checkedAt: t('popup_reportCheckedAt'),
    pageReadAt: t('popup_reportPageReadAt'),
    madeWith: t('popup_reportMadeWith', ['{version}', '{time}']),
  };
}

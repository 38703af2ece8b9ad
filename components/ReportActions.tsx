/**
 * Evidence that travels: Copy report (Markdown to the clipboard), Save report
 * (one self-contained HTML file, core/report.ts) and Archive this copy (the
 * Wayback Machine's save page for this address, opened by the reader's click).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { reportFileName, reportHtml, reportMarkdown, type ReportInput } from '@/core/report';
import type { Provenance } from '@/core/types';
import type { Verification } from '@/core/verify';
import { t } from '@/lib/i18n';
import { reportStrings } from '@/lib/report-text';

/** The Wayback Machine's "save this page" address for a web page, or null for anything else. */
function archiveSaveUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `https://web.archive.org/save/${parsed.href}`;
  } catch {
    return null;
  }
}

export function ReportActions({
  record,
  verification,
  verdict,
  readAt,
  version,
  onCopy,
}: {
  record: Provenance;
  verification: Verification | null;
  verdict: { label: string; detail: string | null };
  readAt: number | null;
  version: string;
  onCopy?: (text: string) => Promise<void>;
}) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const input = useMemo(
    (): Omit<ReportInput, 'now'> => ({ record, verification, verdict, readAt, version, strings: reportStrings() }),
    [record, verification, verdict.label, verdict.detail, readAt, version],
  );
  // The saved file is a blob made from the same report, ready for a plain download link (no script needed to save it).
  const [file, setFile] = useState<{ href: string; name: string } | null>(null);
  useEffect(() => {
    const now = Date.now();
    const href = URL.createObjectURL(new Blob([reportHtml({ ...input, now })], { type: 'text/html;charset=utf-8' }));
    setFile({ href, name: reportFileName(record, now) });
    return () => URL.revokeObjectURL(href);
  }, [input, record]);
  const archive = record.kind === 'archive' ? null : archiveSaveUrl(record.url);

  const copy = onCopy
    ? () =>
        onCopy(reportMarkdown({ ...input, now: Date.now() })).then(
          () => setCopied('done'),
          () => setCopied('failed'),
        )
    : null;
  return (
    <>
      {copy && (
        <button type="button" class="button secondary" data-testid="copy-report" onClick={() => void copy()}>
          {t('popup_copyReport')}
        </button>
      )}
      {file && (
        <a class="button secondary" href={file.href} download={file.name} title={t('popup_saveReportTitle')} data-testid="save-report">
          {t('popup_saveReport')}
        </a>
      )}
      {archive && (
        <a
          class="button secondary"
          href={archive}
          target="_blank"
          rel="noopener noreferrer"
          title={t('popup_archiveTitle')}
          data-testid="archive-copy"
        >
          {t('popup_archive')}
        </a>
      )}
      <span role="status" class="copied" data-testid="report-status">
        {copied === 'done' ? t('popup_reportCopied') : copied === 'failed' ? t('citationCopyFailed') : ''}
      </span>
    </>
  );
}

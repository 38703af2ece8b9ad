/**
 * The reader's correction of a page, under the verdict in the popup and the
 * history's detail view: "Not a copy?" and "Wrong original?" (with the right
 * original's address, or none), and once corrected, what they said with an
 * undo. Saved by the background in the page's history entry (lib/control.ts).
 */
import { useState } from 'preact/hooks';
import { displayHost } from '@/core/url';
import type { ProvenanceClient } from '@/lib/client';
import { correctedOriginalUrl, type CorrectionInput } from '@/lib/corrections';
import type { HistoryEntry } from '@/lib/db';
import { t } from '@/lib/i18n';
import { displayMoment } from '@/lib/dates-display';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function CorrectionPanel({
  client,
  entry,
  tabId,
  onChange,
}: {
  client: ProvenanceClient;
  entry: HistoryEntry;
  tabId: number | null;
  onChange: (entry: HistoryEntry) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const correction = entry.correction;

  const save = async (input: CorrectionInput | null) => {
    setBusy(true);
    try {
      const answer = await client.correct(entry.record.url, tabId, input);
      if (!answer.ok) return setProblem(answer.message);
      setProblem(null);
      setAsking(false);
      setAddress('');
      onChange(answer.entry);
    } catch (error) {
      setProblem(t('control_failed', errorText(error)));
    } finally {
      setBusy(false);
    }
  };

  const problemLine = problem && (
    <p role="alert" class="problem" data-testid="correction-problem">
      {problem}
    </p>
  );

  if (correction) {
    const said =
      correction.kind === 'not-a-copy'
        ? t('control_correctedNotCopy')
        : correction.originalUrl
          ? t('control_correctedOriginal', displayHost(correction.originalUrl))
          : t('control_correctedWrongOriginal');
    return (
      <section class="correction is-corrected" data-testid="correction-notice" aria-label={said}>
        <p>
          <strong>{said}</strong>
        </p>
        <p class="hint">{t('control_correctedSince', displayMoment(correction.at))}</p>
        <button type="button" class="button secondary" data-testid="correction-undo" disabled={busy} onClick={() => void save(null)}>
          {t('control_undoCorrection')}
        </button>
        {problemLine}
      </section>
    );
  }
  // Only what the extension calls a copy can be corrected (an original is not second-guessed here).
  if (!entry.record.syndicated) return null;

  const submit = (event: Event) => {
    event.preventDefault();
    const typed = address.trim();
    if (!typed) return void save({ kind: 'wrong-original', originalUrl: null });
    const given = correctedOriginalUrl(typed, entry.record.url);
    if ('problem' in given) return setProblem(t(given.problem));
    void save({ kind: 'wrong-original', originalUrl: given.url });
  };

  return (
    <section class="correction" data-testid="correction" aria-label={t('control_correctHint')}>
      <p class="hint">{t('control_correctHint')}</p>
      <div class="correction-buttons">
        <button
          type="button"
          class="link-button"
          data-testid="correction-not-a-copy"
          disabled={busy}
          onClick={() => void save({ kind: 'not-a-copy' })}
        >
          {t('control_notCopy')}
        </button>
        <button
          type="button"
          class="link-button"
          data-testid="correction-wrong-original"
          aria-expanded={asking}
          disabled={busy}
          onClick={() => setAsking(!asking)}
        >
          {t('control_wrongOriginal')}
        </button>
      </div>
      {asking && (
        <form class="correction-form" noValidate onSubmit={submit}>
          <fieldset>
            <legend>{t('control_wrongOriginalLegend')}</legend>
            <label>
              {t('control_originalUrlLabel')}
              <input
                type="url"
                inputMode="url"
                data-testid="correction-original-url"
                value={address}
                placeholder="https://"
                onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <div class="correction-buttons">
              <button type="submit" class="button" data-testid="correction-save" disabled={busy}>
                {t('control_save')}
              </button>
              <button type="button" class="button secondary" onClick={() => setAsking(false)}>
                {t('control_cancel')}
              </button>
            </div>
          </fieldset>
        </form>
      )}
      {problemLine}
    </section>
  );
}

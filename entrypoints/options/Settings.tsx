import { useEffect, useState } from 'preact/hooks';
import { registrableDomain, sharedHost } from '@/core/url';
import { ShortcutNote } from '@/components/ShortcutNote';
import type { ProvenanceClient, SettingValues as Values } from '@/lib/client';
import { t } from '@/lib/i18n';
import { HISTORY_MAX_ENTRIES } from '@/lib/settings';

export function Settings({ client }: { client: ProvenanceClient }) {
  const [values, setValues] = useState<Values | null>(null);
  const [newSite, setNewSite] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => void client.readSettings().then(setValues), [client]);

  if (!values) return <p role="status">{t('stateLoading')}</p>;

  const save = async <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues({ ...values, [key]: value });
    try {
      await client.saveSetting(key, value);
      setSaved(true);
      setProblem(null);
    } catch (error) {
      setProblem(t('settingsSaveFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  const addSite = () => {
    const site = registrableDomain(newSite.trim());
    const shared = site ? null : sharedHost(newSite.trim());
    if (shared) return setProblem(t('settingsSharedHost', shared));
    if (!site) return setProblem(t('settingsBadSite', newSite));
    if (!values.silentSites.includes(site)) void save('silentSites', [...values.silentSites, site].sort());
    setNewSite('');
  };

  const days = (value: string, min: number) => {
    const n = Math.round(Number(value));
    return Number.isFinite(n) && n >= min ? n : null;
  };

  return (
    <section aria-labelledby="settings-title" class="settings">
      <h1 id="settings-title">{t('settingsTitle')}</h1>
      {/* The first-run page (entrypoints/welcome) and the popup's keyboard shortcut. */}
      <p>
        <a href="/welcome.html" data-testid="welcome-link">
          {t('control_aboutLink')}
        </a>
      </p>
      <ShortcutNote client={client} />
      <label class="setting">
        <input
          type="checkbox"
          data-testid="setting-auto-verify"
          checked={values.autoVerify}
          onChange={(e) => void save('autoVerify', (e.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          <strong>{t('settingAutoVerify')}</strong>
          <br />
          <span class="hint">{t('settingAutoVerifyHint')}</span>
        </span>
      </label>
      <label class="setting">
        <input
          type="checkbox"
          data-testid="setting-badges"
          checked={values.badgesEnabled}
          onChange={(e) => void save('badgesEnabled', (e.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          <strong>{t('settingBadges')}</strong>
          <br />
          <span class="hint">{t('settingBadgesHint')}</span>
        </span>
      </label>

      <fieldset class="setting-group">
        <legend>{t('settingSilentSites')}</legend>
        <p class="hint">{t('settingSilentSitesHint')}</p>
        {values.silentSites.length === 0 && <p class="hint">{t('settingSilentSitesNone')}</p>}
        <ul class="site-list" data-testid="silent-sites">
          {values.silentSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                class="link-button"
                onClick={() =>
                  void save(
                    'silentSites',
                    values.silentSites.filter((s) => s !== site),
                  )
                }
                aria-label={t('settingRemoveSite', site)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            addSite();
          }}
        >
          <label>
            {t('settingAddSite')}{' '}
            <input
              type="text"
              data-testid="silent-site-input"
              value={newSite}
              placeholder="example.com"
              onInput={(e) => setNewSite((e.currentTarget as HTMLInputElement).value)}
            />
          </label>{' '}
          <button type="submit" class="button secondary" data-testid="silent-site-add">
            {t('add')}
          </button>
        </form>
      </fieldset>

      <label class="setting">
        <span>{t('settingHistoryDays')}</span>{' '}
        <input
          type="number"
          min={0}
          data-testid="setting-history-days"
          value={values.historyDays}
          onChange={(e) => {
            const n = days((e.currentTarget as HTMLInputElement).value, 0);
            if (n === null) setProblem(t('settingsBadNumber'));
            else void save('historyDays', n);
          }}
        />
      </label>
      <label class="setting">
        <span>
          <span>{t('settingHistoryMax')}</span>{' '}
          <input
            type="number"
            min={HISTORY_MAX_ENTRIES.min}
            max={HISTORY_MAX_ENTRIES.max}
            step={1}
            data-testid="setting-history-max"
            value={values.historyMaxEntries}
            onChange={(e) => {
              const n = Number((e.currentTarget as HTMLInputElement).value);
              if (!Number.isInteger(n) || n < HISTORY_MAX_ENTRIES.min || n > HISTORY_MAX_ENTRIES.max) {
                setProblem(t('settingsBadHistoryMax', [String(HISTORY_MAX_ENTRIES.min), String(HISTORY_MAX_ENTRIES.max)]));
              } else void save('historyMaxEntries', n);
            }}
          />
          <br />
          <span class="hint">{t('settingHistoryMaxHint', [HISTORY_MAX_ENTRIES.min.toLocaleString(), HISTORY_MAX_ENTRIES.max.toLocaleString()])}</span>
        </span>
      </label>
      <label class="setting">
        <span>{t('settingCacheDays')}</span>{' '}
        <input
          type="number"
          min={1}
          data-testid="setting-cache-days"
          value={values.cacheDays}
          onChange={(e) => {
            const n = days((e.currentTarget as HTMLInputElement).value, 1);
            if (n === null) setProblem(t('settingsBadNumber'));
            else void save('cacheDays', n);
          }}
        />
      </label>
      <p role="status" class="notice" data-testid="settings-status">
        {problem ?? (saved ? t('settingsSaved') : '')}
      </p>
    </section>
  );
}

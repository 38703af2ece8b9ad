/**
 * The popup's keyboard shortcut (manifest `commands`, wxt.config.ts): the
 * browser's own command that opens the toolbar popup, for each build. A real
 * key press on a toolbar command cannot be driven in a headless browser (the
 * shortcut is the browser's, not a page's), so the manifest is what is
 * tested here, and the built Chromium manifest in tests/e2e/control-a11y.spec.ts;
 * the shortcut each browser really assigned is read by the shared scenario (tests/scenarios/control.scenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import config, { POPUP_SHORTCUT } from '../../wxt.config';

type Manifest = { commands?: Record<string, { suggested_key?: { default?: string } }> };
const manifestFor = (browser: 'chrome' | 'firefox') =>
  (config.manifest as (env: object) => Manifest)({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });

describe('the keyboard shortcut for the popup', () => {
  it('Chrome (MV3): _execute_action on Alt+Shift+O', () => {
    expect(manifestFor('chrome').commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+O' } } });
  });

  it('Firefox (MV2): _execute_browser_action on Alt+Shift+O', () => {
    expect(manifestFor('firefox').commands).toEqual({ _execute_browser_action: { suggested_key: { default: 'Alt+Shift+O' } } });
  });

  it('is a key the browsers accept, and none Chromium keeps for itself', () => {
    // Both browsers want Alt or Ctrl (Command on a Mac) plus one letter or digit; Shift may be added.
    expect(POPUP_SHORTCUT).toMatch(/^(Alt|Ctrl)\+(Shift\+)?[A-Z0-9]$/);
    // Chromium leaves a command on one of its own keys without a shortcut (tried: Alt+Shift+P and Ctrl+Shift+P
    // are refused; Alt+Shift+O is given). The shared scenario reads the shortcut each browser really assigned.
    expect(['Alt+Shift+P', 'Ctrl+Shift+P', 'Alt+Shift+T', 'Alt+Shift+B', 'Alt+Shift+I', 'Alt+Shift+A']).not.toContain(POPUP_SHORTCUT);
  });
});

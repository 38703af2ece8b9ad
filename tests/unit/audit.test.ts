import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { judge, shippedPackages, type Lockfile } from '../../scripts/audit-policy';

const lock: Lockfile = {
  packages: {
    '': { dependencies: { dexie: '^4' } } as never,
    'node_modules/dexie': {},
    'node_modules/wxt': { dependencies: { vite: '^8', 'tiny-glob': '^1' } },
    'node_modules/vite': { dependencies: { rollup: '^4' } },
    // A nested copy is found from its parent, as Node resolves it.
    'node_modules/wxt/node_modules/tiny-glob': {},
    'node_modules/rollup': {},
    'node_modules/esbuild': {},
    'node_modules/@preact/preset-vite': {},
    'node_modules/vitest': { dependencies: { chai: '^5' } },
    'node_modules/chai': {},
  },
};

describe('npm run audit: what it judges', () => {
  it('counts the production closure and the bundler as shipped, test tools not', () => {
    const shipped = shippedPackages(lock);
    expect([...shipped].sort()).toEqual(['@preact/preset-vite', 'dexie', 'esbuild', 'rollup', 'tiny-glob', 'vite', 'wxt']);
  });

  it('fails on a high advisory in the bundler, reports one in a test tool', () => {
    const verdict = judge(
      { metadata: { vulnerabilities: { high: 2 } }, vulnerabilities: { rollup: { severity: 'high' }, chai: { severity: 'critical' } } },
      shippedPackages(lock),
    );
    expect(verdict).toEqual({ ran: true, failing: [{ name: 'rollup', severity: 'high' }], reported: [{ name: 'chai', severity: 'critical' }] });
  });

  it('says "not run" with the reason when the endpoint answers no report', () => {
    const verdict = judge({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' }, new Set());
    expect(verdict).toEqual({ ran: false, reason: '405 Method Not Allowed' });
    expect(judge(null, new Set(), 'npm error audit endpoint returned an error')).toEqual({
      ran: false,
      reason: 'npm error audit endpoint returned an error',
    });
  });

  it('the real lockfile: the shipped set holds the extension’s dependencies and the bundler', () => {
    const shipped = shippedPackages(JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockfile);
    for (const name of ['dexie', 'preact', 'webextension-polyfill', 'wxt', 'vite', 'esbuild']) expect(shipped.has(name), name).toBe(true);
    for (const name of ['vitest', '@playwright/test', 'metascraper']) expect(shipped.has(name), name).toBe(false);
  });
});

describe('install scripts', () => {
  it('npm runs no dependency install scripts in this project (.npmrc ignore-scripts, read by every npm)', () => {
    const result = spawnSync('npm', ['config', 'get', 'ignore-scripts'], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('true');
  });
});

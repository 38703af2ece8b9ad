// @vitest-environment jsdom
/**
 * Issue 18: a chain hop's site is a registrable domain in the record (core/types.ts ChainHop); the popup
 * shows it in the form that exposes look-alikes (core/url.ts displayHost), made when it renders.
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProvenanceCard } from '@/components/ProvenanceCard';
import { detect } from '@/core/detect';
import { displayHost, registrableDomain } from '@/core/url';
import { farmPage } from '../e2e/support/pages';
import { getMessage } from './locale-messages';

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});

describe("the popup shows a hop's site by its display label", () => {
  it('a look-alike host in the chain: the record holds the ASCII domain, the popup both forms', () => {
    // "wаshingtonpost.com" with a Cyrillic "а".
    const lookalike = 'https://www.w\u0430shingtonpost.com/world/2025/02/18/us-russia-talks/';
    const record = detect(
      parseHTML(farmPage('First talks on the harbour plan', lookalike)).document as unknown as Document,
      'https://farm.example/2025/02/18/talks/',
    );
    const site = registrableDomain(lookalike)!;
    expect(record.chain.map((hop) => hop.site)).toEqual([site]);
    const root = document.createElement('div');
    render(h(ProvenanceCard, { record }), root);
    const chain = root.querySelector('[data-testid="chain"]')?.textContent ?? '';
    expect(chain).toContain(displayHost(site));
    expect(displayHost(site)).toBe(`${site} (w\u0430shingtonpost.com)`);
    // Shown once: the publisher that is the site's own domain is not repeated beside it.
    expect(chain.split(site).length - 1).toBe(1);
  });
});

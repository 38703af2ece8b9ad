import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseRequest, send, withRetries } from '@/lib/messages';
import { sampleDigest, sampleRecord } from './sample-record';

describe('message protocol', () => {
  it('accepts the request shapes, a digest copied down to its known fields', () => {
    const sample = sampleDigest();
    const parsed = parseRequest({ type: 'page-scanned', digest: { ...sample, extra: 'dropped' } });
    expect(parsed?.type).toBe('page-scanned');
    expect(parsed && 'digest' in parsed ? parsed.digest : null).toEqual(sample);
    expect(parseRequest({ type: 'get-tab-report', tabId: 7 })).toEqual({ type: 'get-tab-report', tabId: 7 });
  });

  const digest = (overrides: Record<string, unknown>) => ({ type: 'page-scanned', digest: { ...sampleDigest(), ...overrides } });
  it.each([
    ['not an object', 'page-scanned'],
    ['unknown type', { type: 'delete-everything' }],
    ['tab id not an integer', { type: 'get-tab-report', tabId: '7' }],
    ['digest missing', { type: 'page-scanned' }],
    ['a finished record instead of a digest', { type: 'page-scanned', record: sampleRecord() }],
    ['title not text', digest({ title: { html: '<b>' } })],
    ['title over its limit', digest({ title: 'x'.repeat(401) })],
    ['meta not pairs', digest({ meta: [['og:title']] })],
    ['too many lines', digest({ lines: Array.from({ length: 401 }, () => ({ text: 'x', links: [], region: 'article-end' })) })],
    ['line in an unknown region', digest({ lines: [{ text: 'x', links: [], region: 'sidebar' }] })],
    ['link href not text', digest({ lines: [{ text: 'x', links: [{ href: 5, text: '' }], region: 'article-end' }] })],
    ['JSON-LD over its limit', digest({ jsonLd: ['x'.repeat(300_001)] })],
    ['time malformed', digest({ time: { value: 1 } })],
    ['time taken not a number', digest({ ms: 'fast' })],
  ])('rejects %s', (_label, message) => {
    expect(parseRequest(message)).toBeNull();
  });
});

describe('withRetries (a scan sent again when the background went away)', () => {
  it('answers with the first success, after failures, waiting longer each time', async () => {
    const attempt = vi
      .fn()
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockRejectedValueOnce(new Error('Could not establish connection.'))
      .mockResolvedValue('stored');
    const started = Date.now();
    expect(await withRetries(attempt, 5, 10)).toBe('stored');
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 + 20 - 2);
  });

  it('tries again when an attempt is never answered (a message lost with a stopped worker)', async () => {
    const attempt = vi
      .fn()
      .mockReturnValueOnce(new Promise(() => undefined))
      .mockResolvedValue('stored');
    expect(await withRetries(attempt, 5, 1, 20)).toBe('stored');
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('gives up with null after the last try', async () => {
    const attempt = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await withRetries(attempt, 3, 1)).toBeNull();
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('sends again when the background answered nothing (its worker stopped mid-request: Chrome resolves with undefined)', async () => {
    const answer = { stored: true, record: sampleRecord(), showBadge: true };
    const sendMessage = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValueOnce(undefined as never)
      .mockResolvedValue(answer as never);
    expect(await withRetries(() => send({ type: 'page-scanned', digest: sampleDigest() }), 5, 1)).toEqual(answer);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    sendMessage.mockRestore();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { parseRequest, withRetries } from '@/lib/messages';
import { sampleRecord } from './sample-record';

describe('message protocol', () => {
  it('accepts the two request shapes', () => {
    expect(parseRequest({ type: 'page-scanned', record: sampleRecord() })?.type).toBe('page-scanned');
    expect(parseRequest({ type: 'get-tab-report', tabId: 7 })).toEqual({ type: 'get-tab-report', tabId: 7 });
  });

  it.each([
    ['not an object', 'page-scanned'],
    ['unknown type', { type: 'delete-everything' }],
    ['tab id not an integer', { type: 'get-tab-report', tabId: '7' }],
    ['record missing', { type: 'page-scanned' }],
    ['confidence out of range', { type: 'page-scanned', record: sampleRecord({ confidence: 7 }) }],
    ['headline not text', { type: 'page-scanned', record: { ...sampleRecord(), page: { ...sampleRecord().page, headline: { html: '<b>' } } } }],
    ['signal without evidence', { type: 'page-scanned', record: sampleRecord({ signals: [{ kind: 'wire', detail: 'x' } as never] }) }],
    ['chain hop malformed', { type: 'page-scanned', record: sampleRecord({ chain: [{ url: 5 } as never] }) }],
  ])('rejects %s', (_label, message) => {
    expect(parseRequest(message)).toBeNull();
  });
});

describe('withRetries (a scan sent again when the background went away)', () => {
  it('answers with the first success, after failures, waiting longer each time', async () => {
    const attempt = vi.fn().mockRejectedValueOnce(new Error('The message port closed before a response was received.')).mockRejectedValueOnce(new Error('Could not establish connection.')).mockResolvedValue('stored');
    const started = Date.now();
    expect(await withRetries(attempt, 5, 10)).toBe('stored');
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 + 20 - 2);
  });

  it('tries again when an attempt is never answered (a message lost with a stopped worker)', async () => {
    const attempt = vi.fn().mockReturnValueOnce(new Promise(() => undefined)).mockResolvedValue('stored');
    expect(await withRetries(attempt, 5, 1, 20)).toBe('stored');
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  it('gives up with null after the last try', async () => {
    const attempt = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await withRetries(attempt, 3, 1)).toBeNull();
    expect(attempt).toHaveBeenCalledTimes(3);
  });
});

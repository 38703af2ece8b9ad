import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/lib/messages';
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

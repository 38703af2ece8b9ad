/**
 * What a history import file may hold (lib/transfer.ts checks every entry
 * against these). Apart from lib/transfer.ts so that the options page can
 * refuse a file by its size before reading it, without loading the database code.
 */
import { DIGEST_LIMITS } from '@/core/digest-limits';

export const IMPORT_LIMITS = {
  /** Bytes of the file: 256 MB, more than an export of the largest history allowed (100,000 articles). */
  bytes: 256 * 1024 * 1024,
  entries: 100_000,
  /** Characters of a link: as long as a page address the extension reads. */
  url: DIGEST_LIMITS.url,
  /** Characters of any other text (headline, author, dates, copyright, evidence): the longest page line the engine reads. */
  text: DIGEST_LIMITS.lineChars,
  /** Characters of a signal's kind, e.g. "content-farm-footer". */
  kind: 60,
  authors: 50,
  chain: 16,
  signals: 200,
} as const;

/** The file size limit in MB, for messages. */
export const IMPORT_MAX_MB = IMPORT_LIMITS.bytes / (1024 * 1024);

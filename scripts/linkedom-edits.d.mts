/** Types for scripts/linkedom-edits.mjs (plain JavaScript, so that building the CLI needs no loader). */
import type { Plugin } from 'esbuild';

export declare const linkedomEdits: Plugin;

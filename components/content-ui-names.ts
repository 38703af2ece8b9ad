/**
 * Names content.js needs without loading its on-demand half (components/content-ui.ts): the badge's
 * element, to remove a badge, and where the on-demand module lies in the extension.
 */
export const BADGE_TAG = 'provenance-badge';
/** Written into each build by wxt.config.ts (scripts/content-ui.ts). */
export const CONTENT_UI_FILE = 'content-scripts/content-ui.js';

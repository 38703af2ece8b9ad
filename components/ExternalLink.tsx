import { safeHttpUrl, displayHost } from '@/core/url';

/**
 * A link to a page outside the extension. Only http(s) URLs become links;
 * anything else (javascript:, data:, …) is shown as inert text.
 */
export function ExternalLink({ href, label, testid }: { href: string; label?: string; testid?: string }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span data-testid={testid}>{label ?? href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" data-testid={testid} title={displayHost(safe)}>
      {label ?? safe}
    </a>
  );
}

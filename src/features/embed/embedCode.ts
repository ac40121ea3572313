import type { LockableFacet } from '@/config/launchOptions';
import type { Language } from '@/i18n/language';

export interface EmbedOptions {
  /** Keep the current filters, selection and camera in the embed. */
  includeView: boolean;
  locked: readonly LockableFacet[];
  language: Language;
  theme: 'light' | 'dark' | 'auto';
  /** Height in CSS pixels. */
  height: number;
  title: string;
}

export const EMBED_HEIGHT_RANGE = { min: 320, max: 1200 } as const;

/** App parameters that describe the current view (the rest of the query is dropped from an embed). */
const VIEW_PARAMS = ['category', 'sector', 'status', 'tag', 'district', 'neighbourhood', 'q', 'hotspot'];

/** The embed's URL: the app's address with mode=embed, the chosen options and optionally the current view. */
export function embedUrl(
  location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>,
  options: EmbedOptions,
): string {
  const current = new URLSearchParams(location.search);
  const params = new URLSearchParams();
  params.set('mode', 'embed');
  if (options.includeView) {
    for (const key of VIEW_PARAMS) {
      const value = current.get(key);
      if (value) params.set(key, value);
    }
  }
  // A lock only holds what the URL fixes, so locks are written only together with the view.
  const locks = options.includeView ? options.locked.filter((facet) => current.has(facet)) : [];
  if (locks.length > 0) params.set('lock', locks.join(','));
  params.set('lang', options.language);
  if (options.theme !== 'light') params.set('theme', options.theme);
  const hash = options.includeView && location.hash.startsWith('#map=') ? location.hash : '';
  return `${location.origin}${location.pathname}?${params.toString().replace(/%2C/gi, ',')}${hash}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML a partner pastes into their page. Every value is attribute-escaped. */
export function embedCode(url: string, options: EmbedOptions): string {
  const height = Math.round(Math.min(EMBED_HEIGHT_RANGE.max, Math.max(EMBED_HEIGHT_RANGE.min, options.height)));
  return [
    '<iframe',
    `  src="${escapeAttribute(url)}"`,
    `  title="${escapeAttribute(options.title)}"`,
    `  width="100%" height="${height}"`,
    '  loading="lazy"',
    '  referrerpolicy="strict-origin-when-cross-origin"',
    '  allow="clipboard-write"',
    '  style="border: 0; max-width: 100%;"',
    '></iframe>',
  ].join('\n');
}

import { isLanguage, type Language } from '@/i18n/language';

/** How the app was launched: read once from the URL, never changed by the app. */
export type AppMode = 'browse' | 'embed' | 'kiosk';
export type ThemeChoice = 'light' | 'dark' | 'auto';

/** Facets a partner can fix in an embed with `&lock=`. */
export const LOCKABLE_FACETS = ['category', 'sector', 'status', 'tag', 'district', 'neighbourhood', 'q'] as const;
export type LockableFacet = (typeof LOCKABLE_FACETS)[number];

export interface LaunchOptions {
  mode: AppMode;
  theme: ThemeChoice;
  locked: readonly LockableFacet[];
  /** The language the launch URL asked for (`?lang=`); a kiosk's reset returns to it. */
  language: Language | null;
}

export function parseLaunchOptions(search: string): LaunchOptions {
  const params = new URLSearchParams(search);
  const mode = params.get('mode');
  const theme = params.get('theme');
  const lock = new Set((params.get('lock') ?? '').split(','));
  const lang = params.get('lang');
  const resolvedMode: AppMode = mode === 'embed' || mode === 'kiosk' ? mode : 'browse';
  return {
    mode: resolvedMode,
    theme: theme === 'dark' || theme === 'light' || theme === 'auto' ? theme : 'light',
    // Locks only mean something inside an embed; a resident's own map is never locked.
    locked: resolvedMode === 'embed' ? LOCKABLE_FACETS.filter((facet) => lock.has(facet)) : [],
    language: isLanguage(lang) ? lang : null,
  };
}

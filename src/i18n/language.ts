export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Localized = Readonly<Record<Language, string>>;

export function isLanguage(value: unknown): value is Language {
  return value === 'de' || value === 'en';
}

/** German is the default; English when the browser prefers it and nothing else was asked for. */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'de';
}

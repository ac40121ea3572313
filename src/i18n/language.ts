export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Localized = Readonly<Record<Language, string>>;

export function isLanguage(value: unknown): value is Language {
  return value === 'de' || value === 'en';
}

/** The app's other language: what the language switch offers, and the second line of bilingual text. */
export function otherLanguage(language: Language): Language {
  return language === 'de' ? 'en' : 'de';
}

/** German is the default; English when the browser prefers it and nothing else was asked for. */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'de';
}

const GERMAN_TRANSLITERATION: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
};

/**
 * A stable ASCII slug for a German place name: `Hörde` → `hoerde`, `Innenstadt-West` → `innenstadt-west`.
 * Umlauts are transliterated the German way (ö → oe) rather than stripped, because that is how residents
 * spell them when umlauts are not available; other accents are removed.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFC') // "Hörde" typed with a combining diaeresis must still become "hoerde"
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => GERMAN_TRANSLITERATION[char] ?? char)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Folds text for matching: lower case, accents removed, and German umlaut spellings unified so that
 * "Hörde", "Hoerde" and "Horde" all fold to the same key ("horde"). Used for search and for sorting keys.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([aou])e/g, '$1');
}

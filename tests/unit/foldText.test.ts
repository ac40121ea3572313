import { describe, expect, it } from 'vitest';
import { foldText } from '@/lib/foldText';

describe('foldText', () => {
  it('folds Hörde, Hoerde and Horde to one key', () => {
    const key = foldText('Hörde');
    expect(foldText('Hoerde')).toBe(key);
    expect(foldText('Horde')).toBe(key);
    expect(key).toBe('horde');
  });

  it('folds Phönix, phonix and Phoenix to one key', () => {
    const key = foldText('Phönix');
    expect(foldText('phonix')).toBe(key);
    expect(foldText('Phoenix')).toBe(key);
  });

  it('folds ü/ue and ä/ae as well', () => {
    expect(foldText('Lütgendortmund')).toBe(foldText('Luetgendortmund'));
    expect(foldText('Märkische Straße')).toBe(foldText('Maerkische Strasse'));
  });

  it('ignores case', () => {
    expect(foldText('DORTMUNDER U')).toBe(foldText('dortmunder u'));
    expect(foldText('ÖSTLICHE')).toBe(foldText('östliche'));
  });

  it('removes accents', () => {
    expect(foldText('Café')).toBe('cafe');
    expect(foldText('crème brûlée')).toBe('creme brulee');
  });

  it('turns ß into ss', () => {
    expect(foldText('Straße')).toBe(foldText('Strasse'));
  });

  it('keeps different words apart', () => {
    expect(foldText('Hörde')).not.toBe(foldText('Hombruch'));
    expect(foldText('Eving')).not.toBe(foldText('Evinghausen'));
  });

  it('makes a substring search accent- and umlaut-insensitive', () => {
    expect(foldText('Kulturort Depot, Nordstadt').includes(foldText('NORDSTADT'))).toBe(true);
    expect(foldText('Max-Planck-Institut für molekulare Physiologie').includes(foldText('fuer'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { summariseArea } from '@/domain/areaSummary';
import type { Category } from '@/domain/hotspot';
import { areaContextLine } from '@/features/areas/areaContext';
import { makeHotspot } from '../fixtures/unit/hotspot';

const places = (...categories: Category[]) =>
  summariseArea(categories.map((category, index) => makeHotspot({ id: `p${index}`, category })));

describe('areaContextLine', () => {
  it('names the one leading category', () => {
    const summary = places('urban', 'science', 'urban', 'civic', 'urban');
    expect(areaContextLine(summary, 'de')).toBe('5 Orte, davon 3 Stadtentwicklung');
    expect(areaContextLine(summary, 'en')).toBe('5 places, 3 of them Urban development');
  });

  it('names every category in a tie, not just the first', () => {
    const two = places('culture', 'science', 'culture', 'science', 'civic');
    expect(areaContextLine(two, 'de')).toBe('5 Orte, davon 2 Wissenschaft und 2 Kultur');
    expect(areaContextLine(two, 'en')).toBe('5 places, 2 of them Science and 2 Culture');
    const three = places('civic', 'culture', 'science');
    expect(areaContextLine(three, 'de')).toBe('3 Orte, davon 1 Wissenschaft, 1 Kultur und 1 Zivilgesellschaft');
    expect(areaContextLine(three, 'en')).toBe('3 places, 1 of them Science, 1 Culture, and 1 Civil society');
  });

  it('uses the singular for one place, and gives nothing for none', () => {
    expect(areaContextLine(places('business'), 'de')).toBe('1 Ort: Wirtschaft');
    expect(areaContextLine(places('business'), 'en')).toBe('1 place: Business');
    expect(areaContextLine(places(), 'de')).toBeNull();
  });
});

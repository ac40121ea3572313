import { describe, expect, it } from 'vitest';
import { validateHotspots } from '@/data/hotspots';
import { validateTours, type TourProblem } from '@/features/kiosk/tours';
import { readRawHotspots, readRepoFile, realContext } from '../fixtures/unit/realData';

interface RawStop {
  hotspot: unknown;
  zoom?: unknown;
  caption: Record<string, unknown>;
}
interface RawTours {
  version: unknown;
  tours: { id: string; title: Record<string, unknown>; stops: RawStop[] }[];
}

/** A fresh parse of the checked-in data/tours.json on every call, so a test may change it. */
function readTours(): RawTours {
  return JSON.parse(readRepoFile('data/tours.json')) as RawTours;
}

const hotspots = validateHotspots(readRawHotspots(), realContext()).hotspots;
const positions = new Map(hotspots.map((hotspot) => [hotspot.id, hotspot.lngLat] as const));
const position = (id: string) => positions.get(id);

function firstTour(raw: RawTours) {
  const tour = raw.tours[0];
  if (!tour) throw new Error('data/tours.json has no tour');
  return tour;
}

describe('validateTours on the real data/tours.json and the real hotspots', () => {
  const raw = readTours();
  const result = validateTours(raw, position);

  it('keeps every tour and every stop, with no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.tours).toHaveLength(raw.tours.length);
    expect(result.tours.map((tour) => tour.stops.length)).toEqual(raw.tours.map((tour) => tour.stops.length));
  });

  it('starts at Phoenix-See, and every stop sits exactly on its place', () => {
    const tour = result.tours[0];
    expect(tour?.stops[0]?.hotspot).toBe('phoenix-see');
    for (const stop of tour?.stops ?? []) {
      expect(stop.lngLat, stop.hotspot).toEqual(positions.get(stop.hotspot));
    }
  });

  it('has a title and a caption for every stop in German and English, and distinct stops', () => {
    for (const tour of result.tours) {
      expect(tour.title.de.length).toBeGreaterThan(0);
      expect(tour.title.en.length).toBeGreaterThan(0);
      for (const stop of tour.stops) {
        expect(stop.caption.de.length, `${stop.hotspot} de`).toBeGreaterThan(20);
        expect(stop.caption.en.length, `${stop.hotspot} en`).toBeGreaterThan(20);
        expect(stop.caption.de).not.toBe(stop.caption.en);
        expect(stop.zoom).toBeGreaterThanOrEqual(9);
        expect(stop.zoom).toBeLessThanOrEqual(18);
      }
      expect(new Set(tour.stops.map((stop) => stop.hotspot)).size).toBe(tour.stops.length);
    }
  });
});

describe('validateTours on broken input', () => {
  it('skips a stop at an unknown place and reports it; the other stops stay, in order', () => {
    const raw = readTours();
    const tour = firstTour(raw);
    const before = tour.stops.map((stop) => stop.hotspot);
    tour.stops.splice(1, 0, { hotspot: 'no-such-place', caption: { de: 'Nirgendwo', en: 'Nowhere' } });
    const result = validateTours(raw, position);
    expect(result.problems).toEqual<TourProblem[]>([{ where: `tours.json › ${tour.id} › #1`, field: 'hotspot' }]);
    expect(result.tours[0]?.stops.map((stop) => stop.hotspot)).toEqual(before);
  });

  it('requires the caption in both languages', () => {
    for (const language of ['de', 'en'] as const) {
      const raw = readTours();
      const stop = firstTour(raw).stops[0];
      if (!stop) throw new Error('no stop');
      delete stop.caption[language];
      const result = validateTours(raw, position);
      expect(result.problems, language).toEqual([
        { where: `tours.json › ${firstTour(raw).id} › #0`, field: `caption.${language}` },
      ]);
      expect(result.tours[0]?.stops[0]?.hotspot, language).not.toBe('phoenix-see');
    }
  });

  it('rejects an empty or blank caption', () => {
    const raw = readTours();
    const stops = firstTour(raw).stops;
    if (!stops[0] || !stops[1]) throw new Error('too few stops');
    stops[0].caption['de'] = '';
    stops[1].caption['en'] = '   ';
    const result = validateTours(raw, position);
    expect(result.problems.map((problem) => problem.field)).toEqual(['caption.de', 'caption.en']);
    expect(result.tours[0]?.stops).toHaveLength(stops.length - 2);
  });

  it('reports a stop of the wrong shape (bad slug, zoom out of range) and skips it', () => {
    const raw = readTours();
    const stops = firstTour(raw).stops;
    if (!stops[0] || !stops[1]) throw new Error('too few stops');
    stops[0].hotspot = 'Phoenix See';
    stops[1].zoom = 25;
    const result = validateTours(raw, position);
    expect(result.problems.map((problem) => problem.field)).toEqual(['hotspot', 'zoom']);
    expect(result.tours[0]?.stops).toHaveLength(stops.length - 2);
  });

  it('defaults a missing zoom to 15', () => {
    const raw = readTours();
    const stop = firstTour(raw).stops[0];
    if (!stop) throw new Error('no stop');
    delete stop.zoom;
    expect(validateTours(raw, position).tours[0]?.stops[0]?.zoom).toBe(15);
  });

  it('drops a tour none of whose stops are usable, and reports each stop', () => {
    const raw = readTours();
    const tour = firstTour(raw);
    for (const stop of tour.stops) stop.hotspot = `gone-${String(stop.hotspot)}`;
    const result = validateTours(raw, position);
    expect(result.tours).toEqual([]);
    expect(result.problems).toHaveLength(tour.stops.length);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'tours'],
    ['an array', []],
    ['a GeoJSON file', { type: 'FeatureCollection', features: [] }],
    ['the wrong version', { ...readTours(), version: 2 }],
    ['no tours', { version: 1, tours: [] }],
    ['a tour without stops', { version: 1, tours: [{ id: 'x', title: { de: 'x', en: 'x' }, stops: [] }] }],
    ['a tour with a bad id', { version: 1, tours: [{ ...firstTour(readTours()), id: 'Bad Id' }] }],
    [
      'a tour without an English title',
      { version: 1, tours: [{ ...firstTour(readTours()), title: { de: 'Nur Deutsch' } }] },
    ],
  ])('yields no tours and one problem for a bad file: %s', (_name, raw) => {
    const result = validateTours(raw, position);
    expect(result.tours).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.where).toBe('tours.json');
    expect(result.problems[0]?.field.length).toBeGreaterThan(0);
  });

  it('does not throw on hostile input', () => {
    const hostile = JSON.parse(
      '{"version":1,"tours":[{"id":"x","title":{"de":"a","en":"b"},"stops":[null,1,"x",{"__proto__":{"hotspot":"tzdo"}}]}]}',
    ) as unknown;
    const result = validateTours(hostile, position);
    expect(result.tours).toEqual([]);
    expect(result.problems).toHaveLength(4);
  });
});

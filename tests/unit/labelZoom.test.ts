import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '@/data/geo';
import { labelMinZoom, MAX_NAMES_PER_TILE } from '@/map/labelZoom';
import { tileOf } from '@/map/tiles';

const OPTIONS = { defaultMinZoom: 13, firstSingleZoom: 15, maxZoom: 19 };

/** The point at these Web-Mercator world fractions (the inverse of the tiles' projection). */
function fromFraction(x: number, y: number): LngLat {
  return [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];
}

/** count points spread evenly inside one tile (column, row) of a zoom. */
function pointsInTile(count: number, zoom: number, column: number, row: number): LngLat[] {
  const size = 1 / 2 ** zoom;
  const side = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, index) =>
    fromFraction(
      (column + (0.5 + (index % side)) / side) * size,
      (row + (0.5 + Math.floor(index / side)) / side) * size,
    ),
  );
}

// The zoom-15 tile around Dortmund's Reinoldikirche.
const [COLUMN, ROW] = tileOf([7.4663, 51.5142], 15);

describe('labelMinZoom', () => {
  it('keeps the default when there are no more places than one tile may hold', () => {
    const crowded = pointsInTile(MAX_NAMES_PER_TILE, 19, 0, 0);
    expect(labelMinZoom(crowded, OPTIONS)).toBe(13);
  });

  it('keeps the default for the real places', () => {
    const real = JSON.parse(readFileSync('data/hotspots.geojson', 'utf8')) as {
      features: { geometry: { coordinates: LngLat } }[];
    };
    const points = real.features.map((feature) => feature.geometry.coordinates);
    expect(labelMinZoom(points, { ...OPTIONS, maxPerTile: 10 })).toBe(13);
  });

  it('keeps the default when the first zoom of single places is sparse enough', () => {
    // 800 places, but 400 in each of two zoom-15 tiles.
    const points = [...pointsInTile(400, 15, COLUMN, ROW), ...pointsInTile(400, 15, COLUMN + 1, ROW)];
    expect(labelMinZoom(points, OPTIONS)).toBe(13);
  });

  it('starts the names at the first zoom whose fullest tile holds few enough places', () => {
    // 600 places in one zoom-15 tile, 150 in each of its four zoom-16 quarters.
    const quarters = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ].flatMap(([dx = 0, dy = 0]) => pointsInTile(150, 16, COLUMN * 2 + dx, ROW * 2 + dy));
    expect(tileOf(quarters[0] ?? [0, 0], 15)).toEqual([COLUMN, ROW]);
    expect(labelMinZoom(quarters, OPTIONS)).toBe(16);
    // With room for 100 per tile, the quarters split once more at zoom 17 (38 per tile).
    expect(labelMinZoom(quarters, { ...OPTIONS, maxPerTile: 100 })).toBe(17);
  });

  it('gives up at the maximum zoom when the places lie on top of each other', () => {
    const stacked = Array.from({ length: 600 }, (): LngLat => [7.4663, 51.5142]);
    expect(labelMinZoom(stacked, OPTIONS)).toBe(19);
  });
});

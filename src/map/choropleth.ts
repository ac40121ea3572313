import turfArea from '@turf/area';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Area } from '@/data/areas';
import type { Hotspot } from '@/domain/hotspot';

/** A light-to-dark sequential scale; dark labels with a white halo stay readable on every class. */
export const DENSITY_COLOURS = ['#f1f6fb', '#c9dcef', '#92bde0', '#5b9bd0', '#2f77b6'] as const;

/**
 * The density fill is opaque, so the map shows exactly the legend's colours on every basemap and theme.
 * At 0.7 the top class over the light background came out as the legend's fourth swatch.
 */
export const DENSITY_FILL_OPACITY = 1;

export interface DensityClass {
  colour: string;
  /** Inclusive lower bound in places per km². */
  from: number;
  to: number;
}

/** km² of each area, measured with turf on the geometry (not taken from the file). */
export function areaSizes(areas: readonly Area[]): Map<string, number> {
  return new Map(
    areas.map((area) => [area.slug, turfArea({ type: 'Feature', properties: {}, geometry: area.geometry }) / 1e6]),
  );
}

/** Places per km² for each district, counting only the hotspots that pass the filters. */
export function densityByArea(
  hotspots: readonly Hotspot[],
  sizes: ReadonlyMap<string, number>,
  key: 'district' | 'neighbourhood' = 'district',
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hotspot of hotspots) {
    const slug = hotspot[key];
    if (slug) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  const density = new Map<string, number>();
  for (const [slug, km2] of sizes) density.set(slug, km2 > 0 ? (counts.get(slug) ?? 0) / km2 : 0);
  return density;
}

/** Equal-interval classes from 0 to the highest density, rounded for a readable legend. */
export function densityClasses(density: ReadonlyMap<string, number>): DensityClass[] {
  const max = Math.max(0, ...density.values());
  const step = max > 0 ? max / DENSITY_COLOURS.length : 1;
  return DENSITY_COLOURS.map((colour, index) => ({
    colour,
    from: Number((index * step).toFixed(2)),
    to: Number(((index + 1) * step).toFixed(2)),
  }));
}

export function classFor(value: number, classes: readonly DensityClass[]): DensityClass {
  const found = classes.find((entry, index) => value < entry.to || index === classes.length - 1);
  return found ?? classes[0]!;
}

/** A `match` on the district slug that paints each district in its density class colour. */
export function densityFillExpression(
  density: ReadonlyMap<string, number>,
  classes: readonly DensityClass[],
): ExpressionSpecification {
  const pairs = [...density].flatMap(([slug, value]) => [slug, classFor(value, classes).colour]);
  if (pairs.length === 0) return ['literal', '#ffffff'] as unknown as ExpressionSpecification;
  return ['match', ['get', 'slug'], ...pairs, '#ffffff'] as unknown as ExpressionSpecification;
}

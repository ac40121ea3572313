import { PNG } from 'pngjs';

/**
 * The colours the map draws, from src/map/layers.ts, src/domain/hotspot.ts and src/map/embeddedStyle.ts.
 * Kept as literals on purpose: if the app's palette changes, these tests should notice and be updated
 * by a person who looked at the map, not follow silently.
 */
export const MAP_COLOURS = {
  science: '#1d5fa8',
  business: '#a85400',
  culture: '#a3306f',
  civic: '#1e7446',
  urban: '#5b4bc4',
  cluster: '#243b53',
  boundary: '#2d3748',
  districtLine: '#5f6b7a',
  background: '#eef0ea',
} as const;

export const CATEGORY_COLOURS = [
  MAP_COLOURS.science,
  MAP_COLOURS.business,
  MAP_COLOURS.culture,
  MAP_COLOURS.civic,
  MAP_COLOURS.urban,
] as const;

/** Tolerance per RGB channel: wide enough for SwiftShader's rounding, narrow enough to tell the palette apart. */
export const DEFAULT_TOLERANCE = 6;

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

function parseHex(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [
    Number.parseInt(match[1] ?? '', 16),
    Number.parseInt(match[2] ?? '', 16),
    Number.parseInt(match[3] ?? '', 16),
  ];
}

/** The x of every opaque pixel of `png` within `tolerance` of `hex` on every channel, row by row. */
export function colourPixelColumns(png: PNG, hex: string, tolerance = DEFAULT_TOLERANCE): number[] {
  const [r, g, b] = parseHex(hex);
  const { data } = png;
  const columns: number[] = [];
  for (let offset = 0; offset + 3 < data.length; offset += 4) {
    if (
      (data[offset + 3] ?? 0) === 255 &&
      Math.abs((data[offset] ?? 0) - r) <= tolerance &&
      Math.abs((data[offset + 1] ?? 0) - g) <= tolerance &&
      Math.abs((data[offset + 2] ?? 0) - b) <= tolerance
    ) {
      columns.push((offset / 4) % png.width);
    }
  }
  return columns;
}

/**
 * How many opaque pixels of `png` are within `tolerance` of `hex` on every channel. Only the cores of
 * filled circles and the middles of lines match closely; anti-aliased edges blend with what is below.
 */
export function countColourPixels(png: PNG, hex: string, tolerance = DEFAULT_TOLERANCE): number {
  return colourPixelColumns(png, hex, tolerance).length;
}

/** Pixel counts for each named colour, for assertions and for readable failure messages. */
export function colourCounts<K extends string>(
  png: PNG,
  colours: Readonly<Record<K, string>>,
  tolerance = DEFAULT_TOLERANCE,
): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const key of Object.keys(colours) as K[]) counts[key] = countColourPixels(png, colours[key], tolerance);
  return counts;
}

/** The most frequent colours, as `#rrggbb: count` lines: for diagnosing a failing pixel assertion. */
export function topColours(png: PNG, limit = 12): string[] {
  const counts = new Map<string, number>();
  const { data } = png;
  for (let offset = 0; offset + 3 < data.length; offset += 4) {
    const key = [data[offset], data[offset + 1], data[offset + 2]]
      .map((channel) => (channel ?? 0).toString(16).padStart(2, '0'))
      .join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([colour, count]) => `#${colour}: ${count}`);
}

import type { LngLat } from '@/data/geo';

/**
 * Web-Mercator position of a point as fractions of the world (0..1 from west and from north). The map's
 * GeoJSON tiles are 512 px, so at camera zoom z the tile grid is 2^z tiles across.
 */
export function mercatorFraction([lng, lat]: LngLat): [x: number, y: number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** Web-Mercator tile column and row of a point at an integer tile zoom. */
export function tileOf(point: LngLat, tileZoom: number): [number, number] {
  const scale = 2 ** tileZoom;
  const [x, y] = mercatorFraction(point);
  return [Math.floor(x * scale), Math.floor(y * scale)];
}

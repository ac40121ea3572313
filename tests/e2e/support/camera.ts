import { mercatorY } from '../../../src/map/bounds';
import type { Camera } from './driver';

/** Where [lon, lat] is drawn, in CSS px from the map's centre, under `camera` (Web Mercator, 512 px tiles). */
export function offsetFromCentre(camera: Camera, lon: number, lat: number): { dx: number; dy: number } {
  const scale = 512 * 2 ** camera.zoom;
  const x = (degrees: number) => ((degrees + 180) / 360) * scale;
  const y = (degrees: number) => mercatorY(degrees) * scale;
  return { dx: x(lon) - x(camera.lon), dy: y(lat) - y(camera.lat) };
}

/** Where [lon, lat] is drawn on the page, for a map box whose camera is `camera`. */
export function pagePoint(
  [lon, lat]: readonly number[],
  camera: Camera,
  mapBox: { x: number; y: number; width: number; height: number },
): { x: number; y: number } {
  const { dx, dy } = offsetFromCentre(camera, lon!, lat!);
  return { x: mapBox.x + mapBox.width / 2 + dx, y: mapBox.y + mapBox.height / 2 + dy };
}

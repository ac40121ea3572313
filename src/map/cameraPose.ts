/** Where the camera is: enough to tell whether it has moved since the whole-city view was fitted. */
export interface CameraPose {
  lng: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** What a MapLibre map (or react-map-gl's MapRef) tells about its camera. */
interface CameraSource {
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
}

export function poseOf(map: CameraSource): CameraPose {
  const { lng, lat } = map.getCenter();
  return { lng, lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

/**
 * Degrees, zoom levels: far below a pixel at any zoom the map allows (1e-6° is about 10 cm), yet above the
 * rounding between a camera MapLibre computes for a fit and the one it then sets.
 */
const ANGLE_EPSILON = 1e-6;
const ZOOM_EPSILON = 1e-6;

/** True when both poses show the same view: nobody has moved the camera between them. */
export function samePose(a: CameraPose, b: CameraPose): boolean {
  return (
    Math.abs(a.lng - b.lng) < ANGLE_EPSILON &&
    Math.abs(a.lat - b.lat) < ANGLE_EPSILON &&
    Math.abs(a.zoom - b.zoom) < ZOOM_EPSILON &&
    Math.abs(a.bearing - b.bearing) < ANGLE_EPSILON &&
    Math.abs(a.pitch - b.pitch) < ANGLE_EPSILON
  );
}

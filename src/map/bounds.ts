/** Dortmund's extent, used for the first view when the URL does not say otherwise. */
export const DORTMUND_BOUNDS: [number, number, number, number] = [7.302, 51.415, 7.638, 51.6];

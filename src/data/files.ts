/** The runtime data files, served at /data/<name> and replaceable on a built site. */
export const DATA_FILES = {
  boundary: 'city-boundary.geojson',
  districts: 'districts.geojson',
  neighbourhoods: 'neighbourhoods.geojson',
  hotspots: 'hotspots.geojson',
} as const;

export type DataFileKey = keyof typeof DATA_FILES;
export type DataFileName = (typeof DATA_FILES)[DataFileKey];

/** Where the app fetches a runtime data file (or tours.json) and its config, under the app's base URL. */
export const dataFileUrl = (name: string) => `${import.meta.env.BASE_URL}data/${name}`;
export const configUrl = () => `${import.meta.env.BASE_URL}config.json`;

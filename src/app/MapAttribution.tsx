import { useT } from '@/i18n/useT';
import { useAppStore } from '@/state/store';

/**
 * The map's sources, credited by the shell rather than by MapLibre's attribution control: the credit is
 * there from the first paint and stays when the map cannot load (the list shows the same data), and the
 * page's largest early text no longer waits for the map chunk. Plain text, never markup.
 */
export function MapAttribution() {
  const t = useT();
  const basemap = useAppStore((state) => state.basemap);
  const credits = [
    t('map.attribution.boundary'),
    t('map.attribution.districts'),
    // Some hotspot coordinates come from OpenStreetMap (ODbL), so OSM is credited on every basemap.
    t('map.attribution.osm'),
    ...(basemap === 'online' ? ['OpenFreeMap', 'OpenMapTiles'] : []),
  ];
  return (
    <p className="map-attribution">
      {credits.map((credit, index) => (
        <span key={credit}>
          {index > 0 && ' | '}
          <span className="map-attribution__credit">{credit}</span>
        </span>
      ))}
    </p>
  );
}

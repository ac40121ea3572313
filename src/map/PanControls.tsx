import type { MapRef } from 'react-map-gl/maplibre';
import { useT } from '@/i18n/useT';
import { prefersReducedMotion } from '@/lib/motion';
import type { PanLayout } from './panLayout';

const STEP_PX = 120;

/**
 * Moves the map without dragging, for people who cannot drag or use a touch screen with one finger. `layout`:
 * a cross, or a column under the zoom buttons where a cross would lie over the city (homeLayout). The
 * buttons keep their order (north, west, east, south) for the keyboard in both.
 */
export function PanControls({ mapRef, layout }: { mapRef: React.RefObject<MapRef | null>; layout: PanLayout }) {
  const t = useT();
  const pan = (dx: number, dy: number) =>
    mapRef.current?.panBy([dx, dy], { duration: prefersReducedMotion() ? 0 : 250 });
  return (
    <div className={`pan-controls pan-controls--${layout}`} role="group" aria-label={t('map.pan')}>
      <button
        type="button"
        className="pan-controls__north"
        aria-label={t('map.panNorth')}
        onClick={() => pan(0, -STEP_PX)}
      >
        <span aria-hidden="true">▲</span>
      </button>
      <button
        type="button"
        className="pan-controls__west"
        aria-label={t('map.panWest')}
        onClick={() => pan(-STEP_PX, 0)}
      >
        <span aria-hidden="true">◀</span>
      </button>
      <button
        type="button"
        className="pan-controls__east"
        aria-label={t('map.panEast')}
        onClick={() => pan(STEP_PX, 0)}
      >
        <span aria-hidden="true">▶</span>
      </button>
      <button
        type="button"
        className="pan-controls__south"
        aria-label={t('map.panSouth')}
        onClick={() => pan(0, STEP_PX)}
      >
        <span aria-hidden="true">▼</span>
      </button>
    </div>
  );
}

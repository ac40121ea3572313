import { useAppStore } from '@/state/store';

/**
 * Asks the browser for the position, only when the user pressed "near me". A refusal or failure is
 * explained in the UI; the list then stays sorted by name.
 */
export function requestUserLocation(geolocation: Geolocation | undefined = navigator.geolocation): void {
  const { setUserLocation } = useAppStore.getState();
  if (!geolocation) {
    setUserLocation(null, 'unavailable');
    return;
  }
  setUserLocation(null, 'locating');
  geolocation.getCurrentPosition(
    (position) => setUserLocation([position.coords.longitude, position.coords.latitude], 'located'),
    (error) => setUserLocation(null, error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
    { enableHighAccuracy: false, maximumAge: 60_000, timeout: 15_000 },
  );
}

import type { Language } from './language';

/** MapLibre's own UI strings (control titles, the canvas label), per language. */
export const MAPLIBRE_LOCALE: Record<Language, Record<string, string>> = {
  de: {
    'Map.Title': 'Karte der Innovationsorte in Dortmund',
    'NavigationControl.ZoomIn': 'Hineinzoomen',
    'NavigationControl.ZoomOut': 'Herauszoomen',
    'NavigationControl.ResetBearing': 'Nach Norden ausrichten',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'CooperativeGesturesHandler.WindowsHelpText': 'Strg + Mausrad zum Zoomen der Karte',
    'CooperativeGesturesHandler.MacHelpText': '⌘ + Mausrad zum Zoomen der Karte',
    'CooperativeGesturesHandler.MobileHelpText': 'Karte mit zwei Fingern bewegen',
  },
  en: {
    'Map.Title': 'Map of innovation places in Dortmund',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },
};

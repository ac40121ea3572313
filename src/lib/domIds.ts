/**
 * Ids of elements that one feature moves the focus to in another, so neither imports the other.
 */

/** The district select (filters): "Show all of Dortmund" (areas) focuses it once the place is cleared. */
export const DISTRICT_SELECT_ID = 'place-select-district';

/** The list of places: the skip link and the search's "to the list" link focus it. */
export const HOTSPOT_LIST_ID = 'hotspot-list';

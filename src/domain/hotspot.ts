import type { Localized } from '@/i18n/language';

export const CATEGORIES = ['science', 'business', 'culture', 'civic', 'urban'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SECTORS = ['municipal', 'civic', 'science', 'business'] as const;
export type Sector = (typeof SECTORS)[number];

export const STATUSES = ['existing', 'planned'] as const;
export type Status = (typeof STATUSES)[number];

export const COORD_CONFIDENCES = ['high', 'medium', 'low'] as const;
export type CoordConfidence = (typeof COORD_CONFIDENCES)[number];

/** A validated innovation hotspot, as the app uses it. */
export interface Hotspot {
  id: string;
  name: string;
  category: Category;
  sector: Sector;
  status: Status;
  tags: readonly string[];
  summary: Localized;
  address: string;
  website?: string;
  since?: number;
  coordSource: string;
  coordConfidence: CoordConfidence;
  /** Slug of the Stadtbezirk, or null when the district layer could not be loaded. */
  district: string | null;
  /** Slug of the statistischer Bezirk, or null when the neighbourhood layer could not be loaded. */
  neighbourhood: string | null;
  lngLat: readonly [number, number];
}

/**
 * Colours per category. Each has at least 3:1 contrast against the light map background and white
 * (WCAG 1.4.11 non-text contrast), and they stay distinguishable for the common colour-vision deficiencies
 * because hue steps are combined with lightness steps.
 */
export const CATEGORY_COLOURS: Record<Category, string> = {
  science: '#1d5fa8',
  business: '#a85400',
  culture: '#a3306f',
  civic: '#1e7446',
  urban: '#5b4bc4',
};

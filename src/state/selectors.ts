import { useMemo } from 'react';
import type { Hotspot } from '@/domain/hotspot';
import type { Area } from '@/data/areas';
import { useAppStore } from './store';

const EMPTY: readonly Hotspot[] = [];

export function useHotspots(): readonly Hotspot[] {
  return useAppStore((state) => state.data.hotspots) ?? EMPTY;
}

/**
 * The places sorted by name in the current language, once per data set and language: every filtered
 * view keeps this order, so no filter change sorts again (a collator sort of 100,000 names takes ~0.4 s).
 */
export function useHotspotsByName(): readonly Hotspot[] {
  const hotspots = useHotspots();
  const language = useAppStore((state) => state.language);
  return useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: 'base' });
    return [...hotspots].sort((a, b) => collator.compare(a.name, b.name));
  }, [hotspots, language]);
}

/** An index by id, rebuilt only when a new data set arrives. */
export function useHotspotIndex(): ReadonlyMap<string, Hotspot> {
  const hotspots = useHotspots();
  return useMemo(() => new Map(hotspots.map((hotspot) => [hotspot.id, hotspot])), [hotspots]);
}

export function useSelectedHotspot(): Hotspot | null {
  const index = useHotspotIndex();
  const selectedId = useAppStore((state) => state.selectedId);
  return selectedId ? (index.get(selectedId) ?? null) : null;
}

/** Slug → name lookups for districts and neighbourhoods. */
export function useAreaNames(): {
  district: (slug: string | null) => string | null;
  neighbourhood: (slug: string | null) => string | null;
} {
  const districts = useAppStore((state) => state.data.districts);
  const neighbourhoods = useAppStore((state) => state.data.neighbourhoods);
  return useMemo(() => {
    const lookup = (areas: readonly Area[] | null) => {
      const names = new Map((areas ?? []).map((area) => [area.slug, area.name]));
      return (slug: string | null) => (slug ? (names.get(slug) ?? null) : null);
    };
    return { district: lookup(districts), neighbourhood: lookup(neighbourhoods) };
  }, [districts, neighbourhoods]);
}

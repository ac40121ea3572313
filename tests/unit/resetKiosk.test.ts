import { beforeEach, describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '@/config/launchOptions';
import { EMPTY_FILTERS } from '@/domain/filters';
import { resetKiosk } from '@/features/kiosk/useKioskIdle';
import { useAppStore } from '@/state/store';
import { resetStore } from '../fixtures/unit/realStore';

const state = () => useAppStore.getState();

beforeEach(() => resetStore());

describe('resetKiosk', () => {
  it('clears what a visitor changed and asks for the home view', () => {
    state().setLaunch(parseLaunchOptions('?mode=kiosk'));
    state().updateFilters({ categories: ['science'], query: 'see' });
    state().setLanguage('en');
    resetKiosk(null);
    expect(state().filters).toEqual(EMPTY_FILTERS);
    expect(state().language).toBe('de');
    expect(state().cameraRequest).toMatchObject({ center: null, zoom: null });
  });

  it('returns to the language the kiosk was started in, not always German', () => {
    state().setLaunch(parseLaunchOptions('?mode=kiosk&lang=en'));
    state().setLanguage('de');
    resetKiosk({ center: [7.46, 51.51], zoom: 12 });
    expect(state().language).toBe('en');
    expect(state().cameraRequest).toMatchObject({ center: [7.46, 51.51], zoom: 12 });
  });
});

import { describe, expect, it } from 'vitest';
import { poseOf, samePose, type CameraPose } from '@/map/cameraPose';

/** The whole-city view on a 1280×800 desktop, as MapLibre computes it. */
const home: CameraPose = {
  lng: 7.4863093159611935,
  lat: 51.50759389516983,
  zoom: 10.666361817243729,
  bearing: 0,
  pitch: 0,
};

describe('poseOf', () => {
  it('reads the centre, zoom, bearing and pitch of a map', () => {
    const map = {
      getCenter: () => ({ lng: 7.45, lat: 51.51 }),
      getZoom: () => 12.5,
      getBearing: () => -30,
      getPitch: () => 20,
    };
    expect(poseOf(map)).toEqual({ lng: 7.45, lat: 51.51, zoom: 12.5, bearing: -30, pitch: 20 });
  });
});

describe('samePose', () => {
  it('takes the rounding between a fit MapLibre computes and the camera it sets as the same view', () => {
    // Measured in Chromium: a fit's computed centre and the centre the map then reported.
    expect(samePose({ ...home, lng: 7.46999999999997 }, { ...home, lng: 7.469999999999914 })).toBe(true);
    expect(samePose(home, { ...home, lat: home.lat + 3e-14, zoom: home.zoom + 1e-12 })).toBe(true);
  });

  it('tells a camera moved by one press of a pan button (120 px), a zoom step, a turn or a tilt', () => {
    // 120 px at zoom 10.67 is about 0.05° of longitude.
    expect(samePose(home, { ...home, lng: home.lng + 0.05 })).toBe(false);
    expect(samePose(home, { ...home, lat: home.lat - 0.03 })).toBe(false);
    expect(samePose(home, { ...home, zoom: home.zoom + 1 })).toBe(false);
    expect(samePose(home, { ...home, bearing: 15 })).toBe(false);
    expect(samePose(home, { ...home, pitch: 10 })).toBe(false);
  });

  it('tells even a sub-pixel move: one pixel at the lowest zoom the map allows is about 0.0015°', () => {
    expect(samePose(home, { ...home, lng: home.lng + 1e-5 })).toBe(false);
    expect(samePose(home, { ...home, zoom: home.zoom + 1e-4 })).toBe(false);
  });
});

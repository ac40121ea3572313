import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '@/config/launchOptions';

describe('parseLaunchOptions', () => {
  it('reads a plain resident link as browse mode, light, unlocked, with no language of its own', () => {
    expect(parseLaunchOptions('')).toEqual({ mode: 'browse', theme: 'light', locked: [], language: null });
  });

  it('keeps the language the launch URL asks for', () => {
    expect(parseLaunchOptions('?mode=kiosk&lang=en').language).toBe('en');
    expect(parseLaunchOptions('?lang=de').language).toBe('de');
  });

  it('drops a language it does not speak', () => {
    expect(parseLaunchOptions('?mode=kiosk&lang=fr').language).toBeNull();
    expect(parseLaunchOptions('?lang=<script>').language).toBeNull();
  });

  it('locks facets only in an embed', () => {
    expect(parseLaunchOptions('?mode=embed&lock=category,district,bogus').locked).toEqual(['category', 'district']);
    expect(parseLaunchOptions('?lock=category').locked).toEqual([]);
  });
});

import type { Locator } from '@playwright/test';

/** An element's box on the page, in CSS px, with its text (for messages). */
export interface PageBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  height: number;
}

/** The boxes of every element the locator matches, read in one round trip. */
export function boxesOf(locator: Locator): Promise<PageBox[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return {
        text: element.textContent ?? '',
        left: rect.left,
        top: rect.top,
        right: rect.right,
        bottom: rect.bottom,
        height: rect.height,
      };
    }),
  );
}

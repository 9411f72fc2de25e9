import type { Page } from '@playwright/test';

/**
 * Screen timings in the browser for the benchmarks: when a page counts as shown is an element
 * on screen (non-empty box), optionally holding some text.
 */
export type Shown = { selector: string; text?: string };

/** From setting `location.hash` (a link inside the app) to the element shown, in ms. */
export function inAppNavigationMs(page: Page, route: string, shown: Shown): Promise<number> {
  return page.evaluate(
    ({ target, selector, text }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        window.location.hash = target;
        const check = (): void => {
          const element = document.querySelector(selector);
          const box = element?.getBoundingClientRect();
          const ready = element && box && box.width > 0 && box.height > 0 && (text === undefined || (element.textContent ?? '').includes(text));
          if (ready) resolve(performance.now() - start);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { target: route, ...shown },
  );
}

/**
 * Opening a page cold (a new document, as after a reload): navigation start to the element shown.
 * Leaving for about:blank first makes it a new document, so performance.now() restarts at 0.
 */
export async function coldLoadMs(page: Page, url: string, { selector, text }: Shown): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(
    ({ selector: s, text: t }) => {
      const element = document.querySelector(s);
      const box = element?.getBoundingClientRect();
      return Boolean(element && box && box.width > 0 && box.height > 0 && (t === undefined || (element.textContent ?? '').includes(t)));
    },
    { selector, text },
  );
  return page.evaluate(() => performance.now());
}

import { useEffect, type RefObject } from 'react';
import { printReady } from './api';

/** Resolves when every <img> inside `root` has loaded or failed, and the page's fonts are in. */
async function settled(root: HTMLElement): Promise<void> {
  const pending = [...root.querySelectorAll('img')].filter((img) => !img.complete);
  await Promise.all(
    pending.map(
      (img) =>
        new Promise<void>((resolve) => {
          img.addEventListener('load', () => resolve(), { once: true });
          img.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  );
  await document.fonts.ready;
}

/**
 * A print page (assessment report, proposal) says when it is complete: once `shown` (its data is
 * on screen) and every image in `root` has loaded or failed. Electron's main process prints it to
 * PDF then (Bridge.printReady) instead of polling the page; `<html data-print-ready>` marks the
 * same moment for automation in the browser host.
 */
export function usePrintReady(root: RefObject<HTMLElement | null>, shown: boolean): void {
  useEffect(() => {
    const element = root.current;
    if (!shown || !element) return;
    let current = true;
    void settled(element).then(() => {
      if (!current) return;
      document.documentElement.dataset.printReady = 'true';
      printReady();
    });
    return () => {
      current = false;
      delete document.documentElement.dataset.printReady;
    };
  }, [root, shown]);
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from './browser-host';
import { chromium } from '@playwright/test';
import { coldLoadMs, inAppNavigationMs, type Shown } from './page-timing';
import { createBackend } from '../../electron/backend/backend';
import { createHttpBridge } from '../../renderer/lib/http-bridge';
import { completedAssessment, noisePhotos, type Call, type Photo } from '../helpers/report-photos';
import { fmt, summary, type BenchModule } from './assessment/stats';

/** The results page counts as shown when the radar's area is painted. */
const RADAR_SHOWN: Shown = { selector: '[data-testid="radar"] .radar-area' };

// npm runs benchmarks from the repository root.
const PACK = path.resolve('resources', 'content');
const PHOTOS = 20;
const DOCX_RUNS = 5;
const PAGE_RUNS = 15;

/**
 * What consultants mostly attach: phone-camera JPEGs of 5–12 megapixels, ~1.3–3.3 MB each (quality
 * 0.85, a scene of colour fields with sensor-like grain), encoded by Debian's Chromium. The
 * export brings each to print size (1,600 px on the long side) with sharp, which this measures.
 */
async function phoneJpegs(count: number): Promise<Photo[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const photos: Photo[] = [];
    for (let i = 0; i < count; i++) {
      const base64 = await page.evaluate(async (i) => {
        const width = [2592, 3264, 4032][i % 3] ?? 4032;
        const height = (width * 3) / 4;
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d canvas');
        const sky = ctx.createLinearGradient(0, 0, width, height);
        sky.addColorStop(0, `hsl(${i * 47} 40% 70%)`);
        sky.addColorStop(1, `hsl(${i * 47 + 120} 35% 25%)`);
        ctx.fillStyle = sky;
        ctx.fillRect(0, 0, width, height);
        for (let k = 0; k < 400; k++) {
          ctx.fillStyle = `hsl(${(k * 37) % 360} 30% ${30 + (k % 50)}%)`;
          ctx.fillRect((k * 7919) % width, (k * 104729) % height, 40 + (k % 300), 30 + (k % 200));
        }
        const image = ctx.getImageData(0, 0, width, height);
        let seed = i + 1;
        for (let p = 0; p < image.data.length; p += 4) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          const grain = ((seed >>> 16) % 36) - 18;
          image.data[p] = (image.data[p] ?? 0) + grain;
          image.data[p + 1] = (image.data[p + 1] ?? 0) + grain;
          image.data[p + 2] = (image.data[p + 2] ?? 0) + grain;
        }
        ctx.putImageData(image, 0, 0);
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })).arrayBuffer());
        let binary = '';
        for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
        return btoa(binary);
      }, i);
      photos.push({ name: `photo-${i + 1}.jpg`, mime: 'image/jpeg', bytes: Buffer.from(base64, 'base64') });
    }
    return photos;
  } finally {
    await browser.close();
  }
}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Times the DOCX export of a complete assessment with these photos, through the validating dispatcher. */
async function measureDocx(label: string, photos: Photo[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-report-'));
  const backend = await createBackend({ dataDir: dir, contentDir: PACK, host: 'web', appVersion: 'bench', log: () => {} });
  const call: Call = async (method, args) => {
    const r = await backend.call(method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  try {
    const { sessionId, photoBytes } = await completedAssessment(call, photos);
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < DOCX_RUNS; i++) {
      const start = process.hrtime.bigint();
      const file = (await call('reports.assessmentDocx', { sessionId, lang: i % 2 === 0 ? 'en' : 'zh' })) as { size: number };
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      size = file.size;
    }
    const s = summary(times);
    const later = summary(times.slice(1));
    // The first export right after the photos were attached may wait for their print copies (made in the background when attached).
    console.log(
      `DOCX export, ${label} (${photos.length} photos, ${mb(photoBytes)} of images → ${mb(size)} document, ${DOCX_RUNS} runs, en/zh): first ${fmt(times[0] ?? 0)} (right after attaching), then p50 ${fmt(later.p50)}, max ${fmt(later.max)}; all runs p50 ${fmt(s.p50)} (target ≤ 2000 ms)`,
    );
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** DOCX export of a complete assessment with 20 photos: phone-camera JPEGs, and PNG noise as the worst case. */
export const docxExport: BenchModule = {
  name: 'assessment report DOCX export',
  async run() {
    await measureDocx('phone JPEGs', await phoneJpegs(PHOTOS));
    await measureDocx('PNG noise (worst case)', noisePhotos(PHOTOS));
  },
};

/** From navigation to the results page until the radar's score polygon is visible, in Debian's Chromium. */
export const resultsRadar: BenchModule = {
  name: 'results page radar',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-results-'));
    const host = await startBrowserHost(dir);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const appUrl = new URL(host.url);
      const secret = new URLSearchParams(appUrl.hash.slice(1)).get('k') ?? '';
      const bridge = createHttpBridge({ baseUrl: appUrl.origin, secret: () => secret });
      const call: Call = async (method, args) => {
        const result = await bridge.call(method, args);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value;
      };
      const { sessionId } = await completedAssessment(call, noisePhotos(2));
      const page = await browser.newPage();
      await page.goto(host.url);
      await page.waitForSelector('#page-title');
      const route = `#/assessments/${sessionId}/results`;

      // Opening from inside the app (a link or the palette): hash change → radar polygon painted.
      const inApp: number[] = [];
      for (let i = 0; i < PAGE_RUNS; i++) {
        await page.evaluate(() => {
          window.location.hash = '#/kb';
        });
        await page.waitForSelector('.kb-results, #page-title');
        inApp.push(await inAppNavigationMs(page, route, RADAR_SHOWN));
      }
      // Opening the page cold (a new document, as after a reload): navigation start → radar visible.
      const cold: number[] = [];
      for (let i = 0; i < PAGE_RUNS; i++) cold.push(await coldLoadMs(page, `${appUrl.origin}/${route}`, RADAR_SHOWN));
      const a = summary(inApp);
      const c = summary(cold);
      console.log(`results page, navigation in the app → radar visible (${PAGE_RUNS} runs): p50 ${fmt(a.p50)}, p95 ${fmt(a.p95)} (target ≤ 200 ms)`);
      console.log(`results page, cold load → radar visible (${PAGE_RUNS} runs): p50 ${fmt(c.p50)}, p95 ${fmt(c.p95)}`);
    } finally {
      await browser.close();
      host.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

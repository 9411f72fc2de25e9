import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dir';

/**
 * Opening an export as a recipient would: LibreOffice (headless) converts the document to PDF and
 * poppler reads the PDF back as text, page by page. `.ci/run` installs both from Debian; locally a
 * missing one skips the suite with a warning (under CI it fails instead).
 */

export function libreofficeAvailable(): boolean {
  const has = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  const ok = has('soffice') && has('pdftotext') && has('pdfinfo');
  if (!ok && process.env.CI === 'true') throw new Error('LibreOffice (soffice) and poppler (pdftotext, pdfinfo) are needed; .ci/run installs them');
  if (!ok) console.warn('LibreOffice export tests skipped: install libreoffice-writer-nogui and poppler-utils');
  return ok;
}

export type RenderedPdf = { pages: string[]; info: string };

/** The document converted to PDF by LibreOffice, as text per page (layout kept, as a reader sees it). */
export function renderWithLibreOffice(bytes: Buffer, fileName: string): RenderedPdf {
  const temp = makeTempDir('fieldbench-soffice-');
  try {
    const input = path.join(temp.dir, fileName);
    fs.writeFileSync(input, bytes);
    // Its own profile folder, so conversions running at once do not wait on one another's lock.
    const profile = `file://${path.join(temp.dir, 'profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', temp.dir, input], { stdio: 'ignore', timeout: 120_000 });
    const pdf = input.replace(/\.[^.]+$/, '.pdf');
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${fileName}`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    const pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
    return { pages, info };
  } finally {
    temp.cleanup();
  }
}

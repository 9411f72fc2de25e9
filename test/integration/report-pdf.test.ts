import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { BUNDLED_PACK, callFail, callOk, exportedBytes, startBackend } from '../helpers/backend';

/** The PDF export: printed by the host when it can (Electron), refused with the way out when it cannot (browser host). */

async function session(backend: Backend): Promise<string> {
  const customer = await callOk(backend, 'customers.create', { name: 'Eastern Telecom', kind: 'enterprise' });
  const engagement = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Voice bot pilot', scenarios: ['intelligent-customer-service'] });
  const started = await callOk(backend, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  return started.session.id;
}

describe('reports.assessmentPdf', () => {
  it('asks the host to print the report page and returns the PDF', async () => {
    const routes: string[] = [];
    const { backend } = await startBackend({
      contentDir: BUNDLED_PACK,
      platform: {
        printPdf: (route) => {
          routes.push(route);
          return Promise.resolve(Buffer.from('%PDF-1.7\n%fake but well-formed enough for the check\n'));
        },
      },
    });
    const sessionId = await session(backend);
    const file = await callOk(backend, 'reports.assessmentPdf', { sessionId, lang: 'zh' });
    expect(routes).toEqual([`/assessments/${sessionId}/report?lang=zh`]);
    expect(file).toMatchObject({ mime: 'application/pdf' });
    expect(file.fileName).toMatch(/^assessment-report-Eastern-Telecom-\d{4}-\d{2}-\d{2}-zh\.pdf$/);
    expect(exportedBytes(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('in a host that cannot print, says to use the print view', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const error = await callFail(backend, 'reports.assessmentPdf', { sessionId: await session(backend), lang: 'en' });
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('Print / Save as PDF');
  });

  it('refuses an unknown session before printing, and a host answer that is not a PDF', async () => {
    let printed = 0;
    const { backend } = await startBackend({
      contentDir: BUNDLED_PACK,
      platform: {
        printPdf: () => {
          printed++;
          return Promise.resolve(Buffer.from('<html>not a pdf</html>'));
        },
      },
    });
    expect((await callFail(backend, 'reports.assessmentPdf', { sessionId: 'nope', lang: 'en' })).code).toBe('not_found');
    expect(printed).toBe(0);
    expect((await callFail(backend, 'reports.assessmentPdf', { sessionId: await session(backend), lang: 'en' })).code).toBe('internal');
  });
});

import { parentPort, workerData } from 'node:worker_threads';
import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import { docxToHtml, templateFromHtml } from './docx-template';
import type { DocxReadInput, DocxReadOutput, DocxWorkerMessage } from './docx-thread';

/**
 * Entry of the worker thread that reads one Word document (built as docx-import-worker.cjs next
 * to each host's bundle; docx-thread.ts starts it with a heap limit and a time limit). It gets the
 * document as workerData, says it is ready once its code is loaded, posts one DocxReadOutput and ends.
 */

async function read(input: DocxReadInput): Promise<DocxReadOutput> {
  try {
    const { html, dropped } = await docxToHtml(input.name, input.bytes, input.limits);
    return { ok: true, draft: templateFromHtml(html, { fileName: input.name, scenarios: input.scenarios, variables: input.variables, dropped }) };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, code: error.code, detail: error.detail };
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return { ok: false, code: 'bad_file', detail: msg('error.notWord', { name: input.name, why: msg('docx.unreadable', { detail }) }) };
  }
}

if (parentPort === null) throw new Error('docx-import-worker must run in a worker thread');
const port = parentPort;
const post = (message: DocxWorkerMessage): void => port.postMessage(message);
// Here every module is loaded (the bundle requires them first): the document's time limit starts now.
post({ ready: true });
void read(workerData as DocxReadInput).then(post);

import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { Platform } from '../platform';

/** An app route printed to PDF by the host; `unavailable` where the host cannot print (the browser host). */
export async function printedPdf(platform: Platform, route: string): Promise<Buffer> {
  if (!platform.printPdf) throw new ApiFailure('unavailable', msg('error.noPdfHere'));
  const bytes = Buffer.from(await platform.printPdf(route));
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the host returned something that is not a PDF');
  return bytes;
}

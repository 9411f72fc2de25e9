import { msg } from '../../../core/api/message';
import type { ParsedArgs } from '../../../core/api/contract';
import { ApiFailure } from '../../../core/api/result';
import { checkClaimedType } from '../../../core/files/sniff';
import type { OrganisationLogo } from '../../../core/organisation/profile';
import { recordStoredFile } from '../repos/attachment-repo';
import { bufferOf, storeBytes } from './attachments';
import type { ServiceContext } from './context';

/**
 * The organisation's logo: a PNG or JPEG, taken by its bytes (not its name), kept in the attachment
 * store like any picture and recorded there, so the start-up sweep keeps it and exports read it as
 * they read photos.
 */
export function storeLogo(ctx: ServiceContext, { name, mime, data }: ParsedArgs<'organisation.setLogo'>): OrganisationLogo {
  const bytes = bufferOf(data);
  const checked = checkClaimedType(name, mime, bytes);
  if ('error' in checked) throw new ApiFailure('bad_file', checked.error);
  if (checked.mime !== 'image/png' && checked.mime !== 'image/jpeg') throw new ApiFailure('bad_file', msg('error.logoNotPngOrJpeg', { name }));
  const file = storeBytes(ctx, { name, mime: checked.mime, bytes });
  recordStoredFile(ctx.db, file);
  return { sha256: file.sha256, mime: checked.mime, name };
}

import { useEffect, useState } from 'react';
import type { AttachmentInfo } from '../../core/api/calls/attachments';
import { MAX_ATTACHMENT_BYTES, type AttachmentOwner } from '../../core/api/limits';
import { call } from './api';

/** The one way screens attach files and show stored images. */

/** Reads a picked or pasted file as base64 (without the data: prefix). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Attaches a file to a record. Oversized files are refused here, before reading them, with the same rule the backend applies. */
export async function attachFile(owner: { ownerTable: AttachmentOwner; ownerId: string }, file: File, caption?: string): Promise<AttachmentInfo> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    throw new Error(`"${file.name}" is ${mb} MB; attachments can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
  }
  const dataBase64 = await fileToBase64(file);
  return call('attachments.add', { ...owner, name: file.name || 'file', mime: file.type, dataBase64, ...(caption ? { caption } : {}) });
}

function base64ToBlob(dataBase64: string, mime: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** A blob: URL for a stored file (revoked when the component unmounts or the file changes); null while loading or on failure. */
export function useAttachmentUrl(sha256: string | null): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  useEffect(() => {
    if (!sha256) return;
    let url: string | null = null;
    let cancelled = false;
    call('attachments.read', { sha256 })
      .then((file) => {
        if (cancelled) return;
        url = URL.createObjectURL(base64ToBlob(file.dataBase64, file.mime));
        setState({ url, error: null });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ url: null, error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256]);
  return state;
}

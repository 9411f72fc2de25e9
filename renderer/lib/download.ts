/**
 * Offers bytes from the backend as a download through a blob link with `download`: how the
 * browser host saves an export (Electron saves exports itself, through its save dialog).
 */
export function downloadBytes(data: Uint8Array, mime: string, fileName: string): void {
  // The view is handed to the Blob as it is; it never sits on a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

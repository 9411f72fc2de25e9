import { useState, type ImgHTMLAttributes, type ReactNode } from 'react';
import { attachmentUrl } from './attachments';

type StoredImageProps = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'alt' | 'onError'> & {
  sha256: string;
  alt: string;
  /** Shown instead when the file cannot be loaded (not on this device, or not an image). */
  fallback: ReactNode;
};

/** A stored image: a plain <img> on its read-only blob URL; no bytes pass through JavaScript. */
export function StoredImage({ sha256, alt, fallback, ...img }: StoredImageProps) {
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === sha256) return <>{fallback}</>;
  return <img {...img} src={attachmentUrl(sha256)} alt={alt} onError={() => setFailed(sha256)} />;
}

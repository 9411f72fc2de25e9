import { useEffect, useRef, type PointerEvent } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A drawn signature on a canvas. Pointer events serve mouse, pen and touch alike (touch-action is
 * off on the canvas so a finger draws instead of scrolling). After each stroke it reports the
 * PNG's bytes as they are being encoded (a promise: encoding takes a moment on a slow machine,
 * and a "Sign" pressed meanwhile must wait for it, not find no signature); null once cleared.
 */
export function SignaturePad({ onChange, labelledBy, describedBy }: { onChange: (png: Promise<Uint8Array | null> | null) => void; labelledBy: string; describedBy: string }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // Draw at the device's pixel density so the stored signature is sharp.
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = c.clientHeight * ratio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    // Ink follows the theme's text colour; the PNG keeps a transparent background.
    ctx.strokeStyle = getComputedStyle(c).color;
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>): { x: number; y: number } => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const down = (e: PointerEvent<HTMLCanvasElement>): void => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!drawing.current) return;
    drawing.current = false;
    const target = e.currentTarget;
    // The whole drawing so far: each stroke's encoding replaces the one before.
    onChange(
      new Promise<Uint8Array | null>((resolve) => {
        target.toBlob((png) => {
          if (!png) return resolve(null);
          png.arrayBuffer().then(
            (buffer) => resolve(new Uint8Array(buffer)),
            () => resolve(null),
          );
        }, 'image/png');
      }),
    );
  };
  const clear = (): void => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    onChange(null);
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        role="img"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        className="signature-canvas"
        data-testid="signature-canvas"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <button type="button" onClick={clear}>
        {t('assessments.clearSignature')}
      </button>
    </div>
  );
}

import { useEffect, useRef, type PointerEvent } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A drawn signature on a canvas. Pointer events serve mouse, pen and touch alike (touch-action is
 * off on the canvas so a finger draws instead of scrolling). Reports the PNG's bytes after each
 * stroke, or null once cleared.
 */
export function SignaturePad({ onChange, labelledBy, describedBy }: { onChange: (png: Uint8Array | null) => void; labelledBy: string; describedBy: string }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  // Encoding is asynchronous: only the newest stroke (or a clear after it) may report.
  const version = useRef(0);

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
    const stroke = ++version.current;
    e.currentTarget.toBlob((png) => {
      if (!png) return;
      void png.arrayBuffer().then((buffer) => {
        if (stroke === version.current) onChange(new Uint8Array(buffer));
      });
    }, 'image/png');
  };
  const clear = (): void => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    version.current++;
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

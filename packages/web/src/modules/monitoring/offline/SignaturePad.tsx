// 户主签字: a finger signature on the phone, kept as a small JPEG that travels with the visit's photos (and,
// with no signal, sits sealed in the queue with them).
import { Button } from 'antd';
import { type PointerEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingPhoto } from './queue';

const HEIGHT = 160;

function photoOf(canvas: HTMLCanvasElement): Promise<PendingPhoto> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => {
        if (!blob) return reject(new Error('encode failed'));
        const reader = new FileReader();
        reader.onload = () =>
          resolve({
            clientId: crypto.randomUUID(),
            fileName: '户主签字.jpg',
            base64: String(reader.result).replace(/^data:[^,]*,/, ''),
            size: blob.size,
            takenAt: new Date().toISOString(),
          });
        reader.readAsDataURL(blob);
      },
      'image/jpeg',
      0.8,
    ),
  );
}

export function SignaturePad({ onChange }: { onChange(photo: PendingPhoto | null): void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  const ctx = () => {
    const c = canvas.current!;
    if (c.width !== c.clientWidth) {
      // size the drawing surface to the box once, on a white ground (JPEG has no transparency)
      c.width = c.clientWidth;
      c.height = HEIGHT;
      const g = c.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
    }
    return c.getContext('2d')!;
  };
  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const g = ctx();
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.strokeStyle = '#111';
    g.beginPath();
    g.moveTo(...at(e));
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const g = ctx();
    g.lineTo(...at(e));
    g.stroke();
  };
  const up = async () => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(await photoOf(canvas.current!));
  };
  const clear = () => {
    const c = canvas.current!;
    c.width = 0; // ctx() sizes and whitens it again
    ctx();
    onChange(null);
  };
  return (
    <div>
      <canvas
        ref={canvas}
        data-testid="signature-pad"
        aria-label={t('monitoring.offline.signatureHint')}
        style={{ width: '100%', height: HEIGHT, border: '1px dashed #bbb', borderRadius: 6, touchAction: 'none', background: '#fff' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <Button size="small" onClick={clear} style={{ marginTop: 4 }}>
        {t('monitoring.offline.clearSignature')}
      </Button>
    </div>
  );
}

// Photos compressed on the phone before they are queued or sent: a JPEG of at most 300 KB (scaled down and
// re-encoded until it fits), with the time it was taken (the camera file's time).
import type { PendingPhoto } from './queue';

export const MAX_PHOTO_BYTES = 300 * 1024;

const blobOf = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality),
  );

const base64Of = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

export async function compressPhoto(file: File): Promise<PendingPhoto> {
  const image = await createImageBitmap(file, { imageOrientation: 'from-image' });
  let scale = Math.min(1, 1600 / Math.max(image.width, image.height));
  const canvas = document.createElement('canvas');
  for (;;) {
    canvas.width = Math.max(1, Math.round(image.width * scale));
    canvas.height = Math.max(1, Math.round(image.height * scale));
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    let size = 0;
    for (const quality of [0.82, 0.7, 0.58]) {
      const blob = await blobOf(canvas, quality);
      size = blob.size;
      if (blob.size <= MAX_PHOTO_BYTES || canvas.width < 200)
        return {
          clientId: crypto.randomUUID(),
          fileName: `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`,
          base64: await base64Of(blob),
          size: blob.size,
          takenAt: new Date(file.lastModified || Date.now()).toISOString(),
        };
    }
    scale *= Math.min(0.85, Math.sqrt(MAX_PHOTO_BYTES / size)); // bytes go with the area: aim at the limit in one step
  }
}

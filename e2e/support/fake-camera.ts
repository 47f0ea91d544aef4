import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';

/**
 * A video file for Chromium's fake camera (`--use-file-for-fake-video-capture=<file>.y4m`)
 * showing one QR code: its modules (`QRCode.create(text)`) scaled into the Y plane of a
 * 640×480 4:2:0 frame (black modules on white, a quiet zone of 4 modules), U and V at 128
 * (no colour), a few identical frames (Chromium loops the file).
 */
export function qrY4m(text: string, frames = 5): Buffer {
  const width = 640;
  const height = 480;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (modules.size + 2 * quiet)) - 1;
  if (scale < 2) throw new Error(`QR code of ${modules.size} modules does not fit a 640×480 frame`);
  const side = modules.size * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (top + row * scale + dy) * width + left + col * scale, (top + row * scale + dy) * width + left + (col + 1) * scale);
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'latin1'), y, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'latin1'), ...Array.from({ length: frames }, () => frame)]);
}

/** Writes `qrY4m(text)` to a temporary file and answers the Chromium flags that make it the camera. */
export function fakeCameraArgs(text: string): { file: string; args: string[] } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-camera-')), 'qr.y4m');
  fs.writeFileSync(file, qrY4m(text));
  return { file, args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`] };
}

import QRCode from 'qrcode';

/** A QR code as an SVG data: URL (the CSP allows data: images; no canvas or inline script needed). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

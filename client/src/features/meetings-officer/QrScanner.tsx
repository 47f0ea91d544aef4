import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

/** How often a frame is looked at, and the pause after a code was read. */
const SCAN_MS = 150;
const AFTER_READ_MS = 800;

/**
 * The camera reading attendance QR codes (@zxing/browser's QR decoder on frames drawn to a canvas, the back
 * camera when there is one). Each text read is handed to `onCode`; the caller drops repeats.
 */
export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);
  useEffect(() => {
    if (!on || !video.current) return;
    const element = video.current;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const reader = new BrowserQRCodeReader();
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        element.srcObject = stream;
        await element.play();
        // Our own loop over frames (the library's starts once and stops for good if the first frame had no size yet).
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        const look = () => {
          if (stopped || !context) return;
          let next = SCAN_MS;
          if (element.videoWidth > 0 && element.videoHeight > 0) {
            canvas.width = element.videoWidth;
            canvas.height = element.videoHeight;
            context.drawImage(element, 0, 0);
            try {
              latest.current(reader.decodeFromCanvas(canvas).getText());
              next = AFTER_READ_MS;
            } catch {
              // No code in this frame: look at the next one.
            }
          }
          timer = window.setTimeout(look, next);
        };
        look();
      } catch {
        if (!stopped) {
          setFailed(true);
          setOn(false);
        }
      }
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      element.srcObject = null;
    };
  }, [on]);
  return (
    <section className="stack meeting-scanner" aria-labelledby="scan-title" data-testid="qr-scanner" data-scanning={on}>
      <h2 id="scan-title">{t.scanTitle}</h2>
      <p className="field-hint">{t.scanHint}</p>
      <video ref={video} muted playsInline hidden={!on} aria-label={t.scanTitle} data-testid="qr-video" />
      {failed ? (
        <p role="alert" className="notice notice-error" data-testid="qr-no-camera">
          {t.scanNoCamera}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          className={on ? 'button' : 'button button-primary'}
          onClick={() => {
            setFailed(false);
            setOn((x) => !x);
          }}
          data-testid="qr-toggle"
        >
          {on ? t.scanStop : t.scanStart}
        </button>
      </p>
    </section>
  );
}

import type { IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

/**
 * The camera reading attendance QR codes (@zxing/browser, continuously, the back camera
 * when there is one). Each text read is handed to `onCode`; the caller drops repeats.
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
    let controls: IScannerControls | null = null;
    let stopped = false;
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150, delayBetweenScanSuccess: 800 });
        const started = await reader.decodeFromConstraints({ video: { facingMode: 'environment' } }, element, (result) => {
          if (result) latest.current(result.getText());
        });
        if (stopped) started.stop();
        else controls = started;
      } catch {
        if (!stopped) {
          setFailed(true);
          setOn(false);
        }
      }
    })();
    return () => {
      stopped = true;
      controls?.stop();
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

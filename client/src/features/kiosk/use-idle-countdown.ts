import { useEffect, useRef, useState } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'scroll', 'wheel'] as const;

/**
 * Seconds left before `onTimeout`, restarted by any pointer, key, touch or
 * scroll activity on the page. Runs `onTimeout` once (per `round`: a new round
 * starts the countdown again).
 */
export function useIdleCountdown(seconds: number, onTimeout: () => void, round = 0): number {
  const [left, setLeft] = useState(seconds);
  const timeout = useRef(onTimeout);
  useEffect(() => {
    timeout.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    let deadline = Date.now() + seconds * 1000;
    let fired = false;
    const reset = () => {
      deadline = Date.now() + seconds * 1000;
    };
    const tick = () => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0 && !fired) {
        fired = true;
        timeout.current();
      }
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, { capture: true, passive: true });
    const timer = window.setInterval(tick, 250);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset, { capture: true });
    };
  }, [seconds, round]);

  return left;
}

import { useEffect, useState } from 'react';

/** The time now, refreshed every minute (open/closed labels change while a screen stays open). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while the document is visible. No timer runs while the
 * tab is hidden or after the component is gone.
 */
export function useNow(intervalMs = 1_000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined && document.visibilityState === 'visible') {
        setNow(clock());
        timer = setInterval(() => setNow(clock()), intervalMs);
      }
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop());
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, clock]);
  return now;
}

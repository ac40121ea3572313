import { useEffect, useRef } from 'react';
import { useAppStore } from '@/state/store';

/** The wait before retry number `attempt` (0-based): 2 s, 4 s, 8 s … capped at one minute. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2000 * 2 ** attempt);
}

/**
 * Retries a failed data load with exponential back-off, for as long as a file is unusable. The last
 * good data stays on screen meanwhile (loadData keeps it), and the manual retry button still works.
 */
export function useAutoRetry(): void {
  const failing = useAppStore((state) => state.data.fileProblems.length > 0);
  const loading = useAppStore((state) => state.loadStatus === 'loading');
  const attempts = useRef(0);

  useEffect(() => {
    if (!failing) {
      attempts.current = 0;
      return undefined;
    }
    if (loading) return undefined;
    const timer = setTimeout(() => {
      attempts.current += 1;
      void useAppStore.getState().loadData();
    }, retryDelayMs(attempts.current));
    return () => clearTimeout(timer);
  }, [failing, loading]);
}

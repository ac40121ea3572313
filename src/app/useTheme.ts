import { useEffect, useState } from 'react';
import { useAppStore } from '@/state/store';

export type ResolvedTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme in effect: `light`/`dark` as asked, or the system's choice for `auto` (following changes). */
export function useResolvedTheme(): ResolvedTheme {
  const choice = useAppStore((state) => state.launch.theme);
  const [systemDark, setSystemDark] = useState(
    () => typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches,
  );
  useEffect(() => {
    if (choice !== 'auto' || typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [choice]);
  const resolved = choice === 'auto' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset['theme'] = resolved;
  }, [resolved]);
  return resolved;
}

import { useCallback } from 'react';
import { useAppStore } from '@/state/store';
import { translate, type MessageKey, type MessageParams } from './messages';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const language = useAppStore((state) => state.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}

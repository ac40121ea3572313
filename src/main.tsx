import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import '@/app/app.css';
import { useAppStore } from '@/state/store';
import { initialLanguage } from '@/state/useUrlSync';

useAppStore
  .getState()
  .setLanguage(initialLanguage(window.location.search, navigator.languages ?? [navigator.language]));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

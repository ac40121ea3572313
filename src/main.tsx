import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import '@/app/app.css';
import { parseLaunchOptions } from '@/config/launchOptions';
import { useAppStore } from '@/state/store';
import { initialLanguage } from '@/state/useUrlSync';

const launch = parseLaunchOptions(window.location.search);
useAppStore.getState().setLaunch(launch);
useAppStore
  .getState()
  .setLanguage(initialLanguage(window.location.search, navigator.languages ?? [navigator.language]));
document.documentElement.dataset['mode'] = launch.mode;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

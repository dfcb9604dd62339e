import 'maplibre-gl/dist/maplibre-gl.css';
// Shared tokens and building blocks first: each feature's own stylesheet (imported by its
// components) comes after them in the bundle and refines them.
import './app/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { THEMES } from './app/themes.ts';
import { configureUrlThemes } from './state/url-state-store.ts';

// The themes' URL keys are known before the first render reads the URL.
configureUrlThemes(THEMES);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App themes={THEMES} />
  </StrictMode>,
);

/** The app with the production registry plus the probe theme: the entry of the test bundle. */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app.tsx';
import { THEMES } from '../themes.ts';
import { configureUrlThemes } from '../../state/url-state-store.ts';
import { probeTheme } from './probe-theme.tsx';

// One more line in a registry, nothing else: this is what the test is about.
const themes = [...THEMES, probeTheme];
configureUrlThemes(themes);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App themes={themes} />
  </StrictMode>,
);

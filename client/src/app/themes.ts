/**
 * The registry: every theme the app offers, one line each, in the order of the theme
 * switch. The first is the default (an empty URL shows it). The shell and the map know
 * no theme by name; adding one is its folder plus one line here.
 */
import { analysisTheme } from '../features/analysis/analysis-theme.tsx';
import { areasTheme } from '../features/areas/areas-theme.tsx';
import { coverageTheme } from '../features/coverage/coverage-theme.tsx';
import { residentsTheme } from '../features/figures/residents-theme.tsx';
import type { AnyTheme } from './theme.ts';

export const THEMES: readonly AnyTheme[] = [
  areasTheme,
  residentsTheme,
  coverageTheme,
  analysisTheme,
];

/** Baseline page for the first-idle benchmark: an empty style and an empty deck.gl overlay. */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);
const container = document.getElementById('map')!;
const map = new MapLibreMap({
  container,
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } }] },
  center: [7.21, 51.54],
  zoom: 11.5,
});
map.once('load', () => map.addControl(new MapLibreOverlay({ interleaved: true, layers: [] })));
map.once('idle', () => container.setAttribute('data-map-idle', 'true'));

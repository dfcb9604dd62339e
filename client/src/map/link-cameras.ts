/**
 * Two maps that show the same place: moving one moves the other, live (a comparison of
 * two months side by side). The echo of the follower's own jump is ignored.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Links the cameras (centre and zoom); returns the function that unlinks them. */
export function linkCameras(a: MapLibreMap, b: MapLibreMap): () => void {
  let following = false;
  const follow = (from: MapLibreMap, to: MapLibreMap) => () => {
    if (following) return;
    following = true;
    to.jumpTo({ center: from.getCenter(), zoom: from.getZoom() });
    following = false;
  };
  const aToB = follow(a, b);
  const bToA = follow(b, a);
  a.on('move', aToB);
  b.on('move', bToA);
  aToB();
  return () => {
    a.off('move', aToB);
    b.off('move', bToA);
  };
}

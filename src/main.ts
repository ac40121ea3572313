/**
 * The entry, kept small (~2 kB): it waits until the static page in index.html has been painted, then
 * sends the data and config requests and loads the app's code and the map's code in parallel. Nothing
 * big is fetched or evaluated before that first paint, so on a slow phone the page shows its title and
 * introduction first (measured in the bench's Lighthouse run: see README, Performance). The stylesheet
 * is imported here because it styles the static page too, so it must be render-blocking.
 */
import '@/app/app.css';
import { afterFirstPaint } from '@/app/afterFirstPaint';
import { showBootFailure } from '@/app/bootFailure';
import { requestEarly } from '@/data/earlyRequests';
import { preloadMapCode } from '@/map/preloadMapCode';
import { hasWebGL2 } from '@/map/webgl';

afterFirstPaint(() => {
  requestEarly();
  import('@/app/start').catch(showBootFailure);
  // No map without WebGL 2 (MapLibre 6): then there is no map code to fetch.
  if (hasWebGL2()) preloadMapCode();
});

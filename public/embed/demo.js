// The demo partner page: embeds the map and drives it with the partner client. Plain JavaScript, as a
// partner would write it; everything received is shown with textContent, never as HTML.
import { InnovationMap } from './innovation-map-client.js';

const MAX_LOG_ENTRIES = 200;
const READY_HINT_AFTER_MS = 15000;

const iframe = document.getElementById('innovation-map');
const status = document.getElementById('demo-status');
const log = document.getElementById('demo-log');

/**
 * The map's address: `?app=` (absolute, or relative to this page), else this origin's `/?mode=embed`.
 * Only http(s) URLs are used: a `javascript:` URL here would run on this page.
 */
function appUrl() {
  const fallback = new URL('/?mode=embed', window.location.href);
  const wanted = new URLSearchParams(window.location.search).get('app');
  if (!wanted) return fallback;
  try {
    const url = new URL(wanted, window.location.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
    if (url.searchParams.get('mode') !== 'embed') url.searchParams.set('mode', 'embed');
    return url;
  } catch {
    addLogEntry('hinweis', `?app= ist keine http(s)-Adresse; es gilt ${fallback.href}`);
    return fallback;
  }
}

function addLogEntry(type, detail) {
  const item = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString('de-DE');
  const name = document.createElement('span');
  name.className = 'demo__log-type';
  name.textContent = type;
  item.append(time, ' ', name, ' ', detail);
  log.append(item);
  while (log.childElementCount > MAX_LOG_ENTRIES) log.firstElementChild.remove();
  log.scrollTop = log.scrollHeight;
}

const url = appUrl();
iframe.src = url.href;
// Connect right after setting src: the map says "ready" once, when its data has loaded.
const map = InnovationMap.connect(iframe, { origin: url.origin, autoResize: true });

// For trying the API by hand in the browser console: innovationMap.select('drz'), innovationMap.reset(), …
window.innovationMap = map;

for (const type of ['ready', 'select', 'filters', 'resize']) {
  map.on(type, (payload) => addLogEntry(type, JSON.stringify(payload)));
}

const hint = window.setTimeout(() => {
  status.textContent = `Keine Antwort von ${url.origin}. Steht ${window.location.origin} in "partnerOrigins" der config.json der Karte?`;
}, READY_HINT_AFTER_MS);

map.ready.then(() => {
  window.clearTimeout(hint);
  status.textContent = `Verbunden mit ${url.origin}`;
});

const COMMANDS = {
  'select-tzdo': () => map.select('tzdo'),
  'filter-science': () => map.setFilters({ category: ['science'] }),
  'fly-phoenix-see': () => map.flyTo({ lng: 7.5135, lat: 51.4898, zoom: 15 }),
  reset: () => map.reset(),
};

for (const button of document.querySelectorAll('button[data-command]')) {
  const command = COMMANDS[button.dataset.command];
  if (command) button.addEventListener('click', () => command());
}

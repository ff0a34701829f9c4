// The dashboard: pages by path, the navigation, and the ledger's sequence
// number (polled, so a reader sees when new events arrive).
import './style.css';
import { ApiError, health } from './api';
import { h, link } from './dom';
import { navigate, route, start } from './router';
import { authoritiesPage } from './pages/authorities';
import { donorPage } from './pages/donor';
import { holdsPage } from './pages/holds';
import { itemsPage } from './pages/items';
import { kielPage } from './pages/kiel';
import { measuresPage } from './pages/measures';
import { methodologyPage } from './pages/methodology';
import { meetingPage, meetingsPage } from './pages/meetings';
import { overviewPage } from './pages/overview';
import { recordPage } from './pages/record';
import { reviewPage } from './pages/review';
import { searchPage } from './pages/search';
import { sourcesPage } from './pages/sources';

route(/^\/$/, overviewPage);
route(/^\/measures$/, measuresPage);
route(/^\/donors\/(.+)$/, donorPage);
route(/^\/items(?:\/(.+))?$/, (params, search) => itemsPage([params[0] ?? ''], search));
route(/^\/holds$/, holdsPage);
route(/^\/meetings$/, meetingsPage);
route(/^\/meetings\/(.+)$/, meetingPage);
route(/^\/authorities$/, authoritiesPage);
route(/^\/sources$/, sourcesPage);
route(/^\/kiel$/, kielPage);
route(/^\/review$/, reviewPage);
route(/^\/records\/(.+)$/, recordPage);
route(/^\/search$/, searchPage);
route(/^\/methodology$/, methodologyPage);

const nav = document.getElementById('nav')!;
const pages: [string, string][] = [
  ['/', 'Overview'], ['/measures', 'Measures'], ['/items/item:patriot-interceptor', 'Items'], ['/holds', 'Holds'],
  ['/meetings', 'Meetings'], ['/authorities', 'Authorities'], ['/kiel', 'Kiel'], ['/review', 'Review'], ['/sources', 'Sources'], ['/methodology', 'Method'],
];
nav.append(...pages.map(([href, label]) => link(href, label)));

// The search box on every page: its words open the search page.
const searchForm = document.getElementById('search') as HTMLFormElement;
const searchBox = searchForm.querySelector('input')!;
searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const words = searchBox.value.trim();
  if (words) navigate(`/search?q=${encodeURIComponent(words)}`);
});

const app = document.getElementById('app')!;
function mount(node: Node): void {
  app.replaceChildren(node);
  // The page's title is its heading; the waiting and error views have theirs.
  const heading = app.querySelector('h1')?.textContent?.trim();
  document.title = heading ? `${heading} · Ramstein` : 'Ramstein';
  if (location.pathname === '/search') searchBox.value = new URLSearchParams(location.search).get('q') ?? '';
  app.setAttribute('aria-busy', String(app.querySelector('[data-loading]') !== null));
  for (const anchor of nav.querySelectorAll('a')) {
    const href = anchor.getAttribute('href')!;
    const here = href === '/' ? location.pathname === '/' : location.pathname.startsWith(href.split('/').slice(0, 2).join('/'));
    anchor.classList.toggle('here', here);
  }
  if (!app.querySelector('[data-loading]')) app.setAttribute('data-ready', String(Date.now()));
}

function loadingView(): Node {
  return h('div', { class: 'page loading', 'data-loading': true, role: 'status' },
    h('h1', {}, 'Loading…'), h('p', { class: 'muted' }, 'Asking the ledger.'));
}

function errorView(error: unknown): Node {
  const status = error instanceof ApiError ? error.status : 0;
  return h('div', { class: 'page error', role: 'alert' },
    h('h1', {}, status === 404 ? 'Not found' : 'Something went wrong'),
    h('p', {}, error instanceof Error ? error.message : String(error)),
    h('p', {}, link('/', 'Back to the overview')));
}

start(mount, errorView, loadingView);

const sequence = document.getElementById('sequence')!;
let seen = 0;
async function poll(): Promise<void> {
  try {
    const { sequence: now } = await health();
    if (seen && now !== seen) {
      sequence.replaceChildren(`event ${now} `, h('button', { type: 'button', onclick: () => location.reload() }, 'new events: reload'));
    } else {
      sequence.textContent = `ledger event ${now}`;
    }
    seen = seen || now;
  } catch {
    sequence.textContent = 'server unreachable';
  }
}
void poll();
setInterval(poll, 5000);

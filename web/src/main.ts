// The dashboard: pages by path, the navigation (its links are in
// index.html, so they show before any script runs), and the ledger's
// sequence number (polled, so a reader sees when new events arrive).
import './style.css';
import { ApiError, health } from './api';
import { h, link } from './dom';
import { navigate, route, start, type Page } from './router';

// Each page is a module of its own, fetched when first shown: a page
// without charts never loads the charting library.
const page = <K extends string>(load: () => Promise<Record<K, Page>>, name: K): Page =>
  async (params, search) => (await load())[name](params, search);
route(/^\/$/, page(() => import('./pages/overview'), 'overviewPage'));
route(/^\/measures$/, page(() => import('./pages/measures'), 'measuresPage'));
route(/^\/donors\/(.+)$/, page(() => import('./pages/donor'), 'donorPage'));
route(/^\/items(?:\/(.+))?$/, page(() => import('./pages/items'), 'itemsPage'));
route(/^\/holds$/, page(() => import('./pages/holds'), 'holdsPage'));
route(/^\/meetings$/, page(() => import('./pages/meetings'), 'meetingsPage'));
route(/^\/meetings\/(.+)$/, page(() => import('./pages/meetings'), 'meetingPage'));
route(/^\/authorities$/, page(() => import('./pages/authorities'), 'authoritiesPage'));
route(/^\/sources$/, page(() => import('./pages/sources'), 'sourcesPage'));
route(/^\/kiel$/, page(() => import('./pages/kiel'), 'kielPage'));
route(/^\/review$/, page(() => import('./pages/review'), 'reviewPage'));
route(/^\/records\/(.+)$/, page(() => import('./pages/record'), 'recordPage'));
route(/^\/search$/, page(() => import('./pages/search'), 'searchPage'));
route(/^\/methodology$/, page(() => import('./pages/methodology'), 'methodologyPage'));

const nav = document.getElementById('nav')!;
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

// History-API routing: each page is a path, its filters the query string, so
// any view can be bookmarked, shared and reloaded as it was.

export type Page = (params: string[], search: URLSearchParams) => Promise<Node>;
interface Route { pattern: RegExp; page: Page }

const routes: Route[] = [];
let render: (node: Node) => void = () => {};
let generation = 0;

export function route(pattern: RegExp, page: Page): void { routes.push({ pattern, page }); }

// `loading`: what shows while a page waits for its answers (after a short
// delay, so that a quick page never flickers).
export function start(mount: (node: Node) => void, onError: (error: unknown) => Node, loading: () => Node): void {
  render = mount;
  loadingView = loading;
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element).closest?.('a[data-link]') as HTMLAnchorElement | null;
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href') ?? '/');
  });
  window.addEventListener('popstate', () => void show(onError));
  void show(onError);
  errorView = onError;
}

let errorView: (error: unknown) => Node = () => document.createTextNode('');
let loadingView: () => Node = () => document.createTextNode('');
const loadingDelayMs = 150;

export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.scrollTo(0, 0);
  void show(errorView);
}

// Changes the query string of the current page (filters, sort) and shows it again.
export function setSearch(changes: Record<string, string>): void {
  const search = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value) search.set(key, value);
    else search.delete(key);
  }
  const text = search.toString();
  history.replaceState(null, '', location.pathname + (text ? `?${text}` : ''));
  void show(errorView);
}

async function show(onError: (error: unknown) => Node): Promise<void> {
  const mine = ++generation;
  const path = decodeURIComponent(location.pathname);
  const search = new URLSearchParams(location.search);
  for (const { pattern, page } of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    let node: Node;
    const waiting = setTimeout(() => { if (mine === generation) render(loadingView()); }, loadingDelayMs);
    try {
      node = await page(match.slice(1), search);
    } catch (error) {
      node = onError(error);
    }
    clearTimeout(waiting);
    if (mine === generation) render(node);
    return;
  }
  render(onError(new Error(`No page at ${path}`)));
}

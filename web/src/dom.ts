// A small element builder: h('p', {class: 'x'}, 'text', child). Text is
// always set as text, never parsed as HTML.

export type Child = Node | string | number | null | undefined | false | Child[];
type Attributes = Record<string, string | number | boolean | undefined | null | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attributes: Attributes = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(parent, child);
      continue;
    }
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

// The page that shows record `id` of `kind` (by default the id's prefix:
// "item:…"): an actor's is its donor page, an item's and a meeting's their
// own pages, any other kind's ("record" for any) the record page.
export function recordHref(id: string, kind = id.split(':')[0]): string {
  const page = { actor: 'donors', item: 'items', meeting: 'meetings' }[kind] ?? 'records';
  return `/${page}/${encodeURIComponent(id)}`;
}

// An in-app link: the router takes the click, the address stays shareable.
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href, 'data-link': true }, ...children);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

export function note(text: string): HTMLElement {
  return h('p', { class: 'muted' }, text);
}

// Offers `blob` to the person as a file named `name` (a download).
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = h('a', { href: url, download: name });
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

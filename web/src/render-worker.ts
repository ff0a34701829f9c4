// The chart worker: draws each chart's first picture (svgPicture) off the
// page's thread, so that running the charting library never holds up a
// tap or a scroll. Takes { id, option, width, height }, where a formatter
// arrives as { $format: name } (a key of axisFormats); answers { id, svg }
// or { id, error }.
import { svgPicture } from './draw';
import { axisFormats } from './format';

type Request = { id: number; option: unknown; width: number; height: number };

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const name = (value as { $format?: unknown }).$format;
  if (typeof name === 'string') {
    const format = axisFormats[name as keyof typeof axisFormats];
    if (!format) throw new Error(`no formatter "${name}"`);
    return format;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revive(item)]));
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, option, width, height } = event.data;
  try {
    self.postMessage({ id, svg: svgPicture(revive(option) as Record<string, unknown>, width, height) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};

// Numbers for people: money as exact decimals from the API, shown short on
// charts and cards and in full wherever a figure is quoted.

// Exact decimal text ("844207530.33") to integer cents; amounts are never
// added as floats.
export function cents(value: unknown): bigint {
  if (value === null || value === undefined || value === '') return 0n;
  const text = typeof value === 'number' ? value.toFixed(2) : String(value);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const result = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -result : result;
}

// 84420753033n -> "844,207,530.33"
export function centsText(value: bigint): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const whole = (absolute / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (absolute % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

// A full amount with its currency: "EUR 844,207,530.33".
export function money(currency: string, value: unknown): string {
  return `${currency} ${centsText(cents(value))}`;
}

// A short amount for cards and axes: "844.2 m", "1.25 bn", "950 k".
export function short(value: number): string {
  const absolute = Math.abs(value);
  if (absolute >= 1e9) return `${trim(value / 1e9)} bn`;
  if (absolute >= 1e6) return `${trim(value / 1e6)} m`;
  if (absolute >= 1e3) return `${trim(value / 1e3)} k`;
  return trim(value);
}

function trim(value: number): string {
  const text = value.toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

// Formatters made once: each toLocaleString call would build its own, which
// costs a phone a quarter of a second over a table of 500 rows.
const grouped = new Intl.NumberFormat('en-GB');
export const decimals = (digits: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// Exact decimal text rounded for a headline ("358.399501" -> "358.4").
export const rounded = (text: unknown, places = 1): string => Number(text ?? 0).toFixed(places);

// 1200 -> "1,200"
export function integer(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return grouped.format(Number(value));
}

// The formatters a chart's option may hold, by name: a function cannot be
// sent to the chart worker, its name can.
export const axisFormats = { short } as const;

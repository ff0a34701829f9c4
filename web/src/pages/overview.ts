// Overview: the state of assistance at a glance. Headline totals in EUR (the
// original currencies on hover), committed against delivered per donor,
// money by month, holds active today, and the measures behind it all.
import { checkpoint, report, today, type Checkpoint, type Row, type Table } from '../api';
import { chart, moneyAxis, palette, tooltipMoney } from '../chart';
import { h, link, note, section } from '../dom';
import { countedPublisher, filterBar, readFilters, type Filters } from '../filters';
import { cents, centsText, rounded, short } from '../format';
import { figureText, kielReleases } from '../kiel-release';
import { renderTable } from '../table';
import { measuresTable } from './measures';

const headline = [
  { key: 'announced', label: 'Announced', hint: 'every measure announced or later, not cancelled' },
  { key: 'committed', label: 'Committed', hint: 'committed, allocated, contracted or delivered' },
  { key: 'delivered', label: 'Delivered', hint: 'value delivered so far' },
  { key: 'outstanding', label: 'Outstanding', hint: 'committed and not yet delivered' },
  { key: 'on_hold', label: 'On hold', hint: 'value of quantities held today' },
] as const;

// The overview sums money: it counts one account (the publisher holding the
// most money, as the publishers report names it) unless another, or all,
// is chosen, and says which on the page.
export async function overviewPage(_: string[], search: URLSearchParams): Promise<Node> {
  const requested = readFilters(search);
  const [publishers, datasets] = await Promise.all([report('publishers'), report('datasets')]);
  const release = kielReleases(datasets).pop();
  const fallback = String(publishers.rows.find((r) => String(r.default_for ?? '').includes('money'))?.publisher ?? '');
  const account = countedPublisher(requested, fallback);
  const filters = { ...requested, publisher: account };
  const counted = { type: filters.type, publisher: account };
  const kielFigures = (by: string) => (release ? report('figures', { dataset: `${release}/data_explorer`, by }) : Promise.resolve(null));
  const [totals, donors, monthly, holds, kielAll, kielDonors, signed] = await Promise.all([
    report('totals', counted), report('donors', counted),
    report('monthly', { donor: filters.donor, ...counted }), report('holds', { at: today() }),
    kielFigures('all'), kielFigures('subject'), checkpoint(),
  ]);
  const picked = (rows: Row[]) => rows.filter((r) => !filters.donor || r.donor === filters.donor);
  const donorChoices = totals.rows.map((r) => ({ id: String(r.donor), name: String(r.name) }));
  if (filters.donor && !donorChoices.some((d) => d.id === filters.donor)) donorChoices.push({ id: filters.donor, name: filters.donor });

  const cards = h('div', { class: 'cards' }, headline.map(({ key, label, hint }) => {
    const eur = picked(totals.rows).reduce((sum, r) => sum + cents(r[`${key}_eur`]), 0n);
    const byCurrency = new Map<string, bigint>();
    for (const r of picked(donors.rows)) {
      const currency = String(r.currency);
      byCurrency.set(currency, (byCurrency.get(currency) ?? 0n) + cents(r[key]));
    }
    const original = [...byCurrency].filter(([, v]) => v !== 0n).map(([c, v]) => `${c} ${centsText(v)}`);
    return h('div', { class: 'card', 'data-total': key, title: original.length ? `In original currencies:\n${original.join('\n')}` : 'Nothing in any currency' },
      h('div', { class: 'card-label' }, label),
      h('div', { class: 'card-value' }, `€${short(Number(eur) / 100)}`),
      h('div', { class: 'card-exact', 'data-eur': centsText(eur).replace(/,/g, '') }, `EUR ${centsText(eur)}`),
      h('div', { class: 'card-hint muted' }, original.length ? original.join(' · ') : hint));
  }));

  return h('div', { class: 'page' },
    h('h1', {}, 'Assistance at a glance'),
    h('p', { class: 'muted', 'data-account': account }, `EUR at each measure's announcement-date ECB rate. ${filters.donor ? `Donor: ${filters.donor}.` : 'All donors.'} ${filters.type ? `Type: ${filters.type}.` : 'All types of aid.'} Hover a total for its original currencies. `, link('/methodology', 'How these are counted'), '.'),
    kielAll && kielDonors && release ? kielAccount(release, kielAll, kielDonors) : null,
    accountNote(publishers, account, fallback),
    filterBar(requested, donorChoices, undefined, publishers.rows.map((r) => String(r.publisher)), fallback),
    cards,
    section('Committed and delivered, by donor', donorChart(picked(totals.rows)),
      renderTable(filtered(totals, picked), search, {
        sortKey: 'donors_sort', csvName: 'donor-totals',
        columns: ['donor', 'name', 'announced_eur', 'committed_eur', 'delivered_eur', 'outstanding_eur', 'on_hold_eur', 'currencies', 'note'],
      })),
    section('By month', monthlyChart(monthly, filters)),
    section(`On hold today (${today()})`,
      holds.rows.length ? renderTable(holds, search, { sortKey: 'holds_sort' })
        : h('p', {}, 'Nothing is on hold today. ', link('/holds', 'See the holds timeline'), '.')),
    section('Measures', await measuresTable(search, filters)),
    signed ? checkpointSection(signed) : null);
}

// The ledger's signed statement of what it holds, for a reader to keep and
// later hold the ledger to.
function checkpointSection(c: Checkpoint): HTMLElement {
  const signedAt = new Date(c.time_ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  return section('Checkpoint',
    h('p', { class: 'checkpoint', 'data-checkpoint': String(c.sequence) },
      `The ledger's events 1–${c.sequence.toLocaleString('en-GB')} as signed on ${signedAt}: ledger `,
      h('code', {}, c.ledger), ', chain head ', h('code', { title: c.head }, `${c.head.slice(0, 16)}…`),
      ', Merkle root ', h('code', { title: c.root }, `${c.root.slice(0, 16)}…`), ', signed by key ',
      h('code', { title: c.key }, `${c.key.slice(0, 16)}…`), '. ',
      h('a', { href: '/api/v1/checkpoint', download: `checkpoint-${c.sequence}.jsonl` }, 'Keep this checkpoint'),
      '; ', h('code', {}, 'ramstein verify --checkpoint FILE'),
      ' later shows whether the ledger is still what it saw.'));
}

// Which account the totals count, in words: the default one (and why), one
// chosen, or all of them (and what that risks).
function accountNote(publishers: Table, account: string, fallback: string): HTMLElement | null {
  const named = publishers.rows.filter((r) => r.publisher);
  if (named.length < 2) return null;
  const all = named.reduce((sum, r) => sum + Number(r.measures), 0);
  const row = named.find((r) => r.publisher === account);
  const others = named.length - 1;
  if (!account) {
    return h('p', { class: 'account' }, h('strong', {}, 'Every publisher’s account: '),
      `${all} measures of ${named.length} publishers. A pledge that several of them record is counted once for each; choose one publisher to count it once.`);
  }
  const measures = row ? `${row.measures} of the ledger’s ${all} measures` : 'its measures';
  return h('p', { class: 'account' }, h('strong', {}, `Counted from one account: ${account}`),
    account === fallback ? ` (${measures}), the publisher whose measures hold the most money. ` : ` (${measures}), as chosen. `,
    `The ${others} other publisher${others === 1 ? '’s' : 's’'} measures are left out, so that a pledge two of them record counts once; choose another publisher, or all of them, below.`);
}

// All donors' money as Kiel's tracker counts it, beside the measures'
// account the cards count: the figures of its latest release, as published.
function kielAccount(release: string, all: Table, donors: Table): HTMLElement | null {
  const total = all.rows[0];
  if (!total) return null;
  const bn = (name: string) => `€${rounded(figureText(total, all, name))} bn`;
  return h('p', { class: 'account kiel-account', 'data-kiel': release }, h('strong', {}, 'All donors, as the Kiel Ukraine Support Tracker counts them: '),
    `${bn('total')} allocated by ${donors.rows.length} donors (military ${bn('military')}, financial ${bn('financial')}, `
    + `humanitarian ${bn('humanitarian')}), release ${release.slice(6)}. `, link('/kiel', 'Kiel’s account'), '.');
}

function filtered(table: Table, pick: (rows: Row[]) => Row[]): Table {
  return { ...table, rows: pick(table.rows) };
}

function donorChart(rows: Row[]): HTMLElement {
  const ordered = [...rows].reverse();  // largest on top
  const eur = (r: Row, key: string) => Number(cents(r[key])) / 100;
  const series = [
    { name: 'Delivered', key: 'delivered', color: palette.delivered, value: (r: Row) => eur(r, 'delivered_eur') },
    { name: 'Committed, not delivered', key: 'outstanding', color: palette.outstanding, value: (r: Row) => eur(r, 'outstanding_eur') },
    { name: 'Announced, not committed', key: 'announced', color: palette.announced,
      value: (r: Row) => Math.max(0, eur(r, 'announced_eur') - eur(r, 'committed_eur')) },
  ];
  return chart({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipMoney('EUR') },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: moneyAxis('EUR'),
    yAxis: { type: 'category', data: ordered.map((r) => String(r.name)) },
    series: series.map((s) => ({
      name: s.name, type: 'bar', stack: 'total', itemStyle: { color: s.color },
      data: ordered.map(s.value),
    })),
  }, Math.max(160, 60 + 34 * rows.length), 'Committed and delivered by donor, EUR');
}

function monthlyChart(monthly: Table, { from, to, donor, type }: Filters): HTMLElement {
  const inRange = (period: string) => (!from || period >= from.slice(0, 7)) && (!to || period <= to.slice(0, 7));
  const months = monthly.rows.filter((r) => r.precision === 'month' && inRange(String(r.period)));
  const years = monthly.rows.filter((r) => r.precision === 'year' && inRange(String(r.period)) &&
    (cents(r.announced_eur) !== 0n || cents(r.delivered_eur) !== 0n));
  // Every month between the first and the last, empty ones included.
  const labels: string[] = [];
  if (months.length) {
    const [first, last] = [String(months[0].period), String(months[months.length - 1].period)];
    for (let [y, m] = first.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, m = 1) : m++) {
      labels.push(`${y}-${String(m).padStart(2, '0')}`);
    }
  }
  const value = (period: string, key: string) => {
    const row = months.find((r) => r.period === period);
    return row ? Number(cents(row[key])) / 100 : 0;
  };
  const yearNotes = years.map((r) => `${r.period}: EUR ${centsText(cents(r.announced_eur))} announced, ` +
    `${centsText(cents(r.committed_eur))} committed, ${centsText(cents(r.delivered_eur))} delivered`);
  return h('div', {},
    labels.length ? chart({
      tooltip: { trigger: 'axis', valueFormatter: tooltipMoney('EUR') },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 40, containLabel: true },
      dataZoom: labels.length > 24 ? [{ type: 'slider', bottom: 4 }] : [],
      xAxis: { type: 'category', data: labels },
      yAxis: moneyAxis('EUR'),
      series: [
        { name: 'Announced', type: 'bar', itemStyle: { color: palette.announced }, data: labels.map((l) => value(l, 'announced_eur')) },
        { name: 'Committed', type: 'bar', itemStyle: { color: palette.committed }, data: labels.map((l) => value(l, 'committed_eur')) },
        { name: 'Delivered', type: 'bar', itemStyle: { color: palette.delivered }, data: labels.map((l) => value(l, 'delivered_eur')) },
      ],
    }, 300, 'Announced, committed and delivered by month, EUR') : note('No dated amounts in this period.'),
    yearNotes.length ? h('p', { class: 'muted' }, 'Known only to the year (not spread over months): ', yearNotes.join('; '), '.') : null,
    note(`Announced and committed by the month of announcement; delivered by the month a delivery finished. ${donor ? `Donor: ${donor}.` : 'All donors.'}${type ? ` Type: ${type}.` : ''}`));
}

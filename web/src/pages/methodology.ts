// Methodology: how every figure on these pages is counted, in words a reader
// can hold the numbers to. Each statement here is what the server computes
// (src/query/reports.h, src/fx/fx_rates.h); change one, change the other.
import { h, link, section } from '../dom';

const term = (name: string, ...text: (string | Node)[]) => [h('dt', {}, name), h('dd', {}, ...text)];

export async function methodologyPage(): Promise<Node> {
  return h('div', { class: 'page prose' },
    h('h1', {}, 'How the figures are counted'),
    h('p', {}, 'Every figure rests on a record of the ledger, and every record on a document and the quote it takes from it: ',
      'open any figure to see its sources. Nothing is estimated; what a source does not say is left empty and said so.'),
    section('Committed, delivered and the rest',
      h('p', {}, 'A measure is one act of assistance from a donor to a recipient. Its status moves along ',
        h('strong', {}, 'proposed → announced → committed → allocated → contracted → delivered'), ', or it is cancelled.'),
      h('dl', { class: 'fields' },
        term('Announced', 'every measure announced or later in that lifecycle; proposed and cancelled ones are not counted.'),
        term('Committed', 'measures committed, allocated, contracted or delivered.'),
        term('Delivered', 'the value delivered: as a delivery states it, or the share of the measure’s value that its delivered quantities are of its pledged ones.'),
        term('Outstanding', 'committed less delivered, line by line, never below zero.'),
        term('On hold', 'the value of the quantities a hold pauses on the day asked about (today on the overview), until a resumption ends it.'))),
    section('Currencies and rates',
      h('p', {}, 'Money is kept in the currency the source gives, to the cent, and never added across currencies. ',
        'For totals in euros each measure is converted at the European Central Bank’s euro reference rate of the day it was announced; ',
        'a day without a rate (a weekend, a holiday) takes the last rate before it, at most seven days back. ',
        'Beyond that the amount is left unconverted and marked so — never counted as zero. US dollar totals go through the ECB’s dollar rate of the same day.'),
      h('p', {}, 'A date known only to the month or the year is converted at the rate of its first day and charted in its own period (“2025”), never spread over months.')),
    section('Several trackers in one ledger',
      h('p', {}, 'The ledger holds the news reports of the contact group’s meetings and the public trackers’ files (the Kiel Institute’s Ukraine Support Tracker, Oryx, the UkraineAidTracker). ',
        'A measure belongs to the account of the publisher of the first source it cites. Until the records that several publishers make of one act are linked, ',
        'a pledge two trackers record is two measures. So the overview counts one account by default — the publisher whose measures hold the most money — ',
        'and says on the page which one; its ', h('strong', {}, 'publisher'),
        ' filter counts another, or all of them (a pledge several record then counts once for each). The measures list shows every account unless one is chosen.'),
      h('p', {}, 'Quantities of an item pledged per donor are shown per publisher where several count them; “pledged” is then the largest count and “spread” the largest less the smallest. ',
        'The Kiel page shows Kiel’s own published figures, each a row of its files, and sets Kiel’s main data beside them.')),
    section('When sources disagree',
      h('p', {}, 'A claim is one statement about one attribute of a record — the number of US drawdown packages, an authority’s remaining balance — with the quote it rests on. ',
        'When two sources state different values, neither is dropped or averaged: both claims stand side by side on the record’s page, each with its source and date, ',
        'and the record says “sources disagree”. A correction is a new version of a record with a reason; the earlier version stays in its history.')),
    section('Names the catalogue does not know',
      h('p', {}, 'An importer never drops a row it cannot place: a system name the catalogue does not know is counted under its own name and listed on the ',
        link('/review', 'Review'), ' page until a reviewer says which catalogue item it is.')),
    section('Trust',
      h('p', {}, 'Every change is an event in a hash chain; ', h('code', {}, 'ramstein verify'),
        ' recomputes the chain and replays every check. The figures on these pages are those of the ledger event shown at the top right.')));
}

// The reports: every question Ramstein answers as a table, one function per
// question. The CLI, the HTTP API and the dashboard all call these, so they
// always show the same figures.
//
// All functions read the model only; they may run concurrently with each
// other (not with appends). Dates are days since 1970-01-01.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/model.h"
#include "query/measure_filter.h"
#include "query/table.h"

namespace ramstein {

// Per donor and currency: announced, committed, delivered, outstanding and on
// hold, in the original currency and in EUR at each measure's announcement
// date. Money never adds across currencies; a row whose EUR conversion is
// impossible shows empty EUR cells and "unconverted" in its note.
//   announced:   measures announced or later in the lifecycle (not proposed, not cancelled)
//   committed:   committed, allocated, contracted or delivered
//   delivered:   value delivered (stated, or pro rata of delivered quantities)
//   outstanding: committed minus delivered, per line, never below zero
//   on hold:     value of quantities currently held
// `filter` keeps only measures of one type of aid, or of one publisher
// (DonorTotalsReport and MonthlyReport take it too); by default all.
Table DonorsReport(const Model& model, const MeasureFilter& filter = {});

// Per donor: the EUR and USD totals of DonorsReport summed over currencies
// (USD through the ECB's USD rate of the same day as each EUR conversion);
// what the overview shows.
Table DonorTotalsReport(const Model& model, const MeasureFilter& filter = {});

// Per period, EUR at each measure's announcement-date rate: announced and
// committed by the month the measure was announced; delivered by the month a
// delivery finished (its `to`, else its `from`). A date known only to the year
// is its own period ("2025", just after "2025-01"), never spread over months.
// Rows run by first day; periods with nothing in them are left out. Delivered
// sums are converted per delivery, so they may differ from DonorsReport's
// per-line conversion by a cent per delivery. `donor` (an actor id) keeps
// only that donor's measures; NotFound for an unknown actor.
Result<Table> MonthlyReport(const Model& model, const std::optional<std::string>& donor = std::nullopt,
                            const MeasureFilter& filter = {});

// "military", "financial" or "humanitarian" (any case), for the reports'
// type filter; nullopt for an absent name, InvalidArgument for an unknown one.
Result<std::optional<AidType>> AidTypeFilter(const std::optional<std::string>& name);

// Published figures (figure records) of one dataset, e.g.
// "kiel-r29/data_explorer", summed exactly per group: by "subject", "period",
// "category", "all" (one row), or "row" (each figure as published, with its
// subject, period, category and label; sorted by id). Columns: the group (with the actor's name
// when by subject), "rows", then each value column in the order the figures
// first give it, named "NAME (UNIT)", summed as exact decimals with every
// digit kept (rounding is the reader's: Kiel prints 358.4 for 358.3995...).
// A value some rows lack is summed over the rows that have it. A level
// (FigureValue::kind "level", a stock such as a donor's GDP repeated in each
// month's row) is not summed over periods: each subject's value at its
// latest period, summed over subjects, in a column "NAME (UNIT, latest)". `subject`
// keeps one actor's rows. NotFound for a dataset without figures,
// InvalidArgument for another grouping, DataError for a sum beyond 128 bits.
struct FiguresQuery {
  std::string dataset;
  std::string by = "subject";
  std::optional<std::string> subject;
};
Result<Table> FiguresReport(const Model& model, const FiguresQuery& query);

// Every dataset of published figures: rows, distinct subjects, first and
// last period, the sources its rows quote.
Table DatasetsReport(const Model& model);

// Per donor and type of aid: the Kiel main data's allocations (measures
// allocated or later whose first evidence quotes `measures_source`, EUR)
// beside the dashboard figures of `figures_dataset` (its military /
// financial / humanitarian values, EUR billions, as EUR), and the
// difference dashboard - main data; then one "ALL" row per type. Defaults:
// the latest imported Kiel main data source ("src:kiel-main-...") and the
// latest "kiel-rNN/data_explorer" dataset. Sums are exact; money is shown to
// the cent. Measures without a value (Kiel's negative adjustments) are not
// counted. NotFound when either side is missing.
struct ReconcileQuery {
  std::optional<std::string> measures_source;
  std::optional<std::string> figures_dataset;
};
Result<Table> ReconcileReport(const Model& model, const ReconcileQuery& query);

// What changed between two releases: per donor, type of aid and month (the
// announcement's; "undated" last), the EUR sums of the measures each release
// counts (its `counted` status or later, up to delivered; EUR at the
// announcement date's rate, EUR amounts as they are), each from the model as
// it stood at the release's event (`before`, `after`), and the change. Rows
// that did not change are left out.
Table ReleaseDiffReport(const Model& before, const ReleaseRecord& a, const Model& after,
                        const ReleaseRecord& b);

// Hold lines active at the end of `day`: item, quantity held, since when,
// days held, expected resumption.
Table HoldsReport(const Model& model, std::int32_t day);

// Every meeting: forum, number, date, venue, format, chairs, attendance counts,
// measures announced there.
Table MeetingsReport(const Model& model);

// One meeting: its facts, the attendance grid, the measures announced there.
struct MeetingReport {
  Table facts;
  Table attendance;
  Table measures;
};
// `key` is a meeting id, or a sequence number of the UDCG ("27").
Result<MeetingReport> MeetingDetail(const Model& model, const std::string& key);

// Each authority's cap, drawn and remaining as last reported on or before `day`.
Table AuthoritiesReport(const Model& model, std::int32_t day);

// Per item and donor: quantities pledged, delivered, held now, and value;
// then, side by side, the quantity pledged according to each source (the
// publisher of the first source each measure cites: the seed documents'
// publishers, Kiel, UkraineAidTracker, Oryx, ...) and the spread between the
// largest and smallest (noted "sources disagree" when not 0). Each source is
// a full account of what it knows, so where several count one donor's system
// the pledged quantity (and value) is the largest account's, not their sum.
// Names resolve
// to catalogue items through their aliases before anything is added, and an
// item a reviewer said is the same as another counts under that one (noted
// "includes lines naming ...").
// Filters: an item (id, name or alias) or a category, and a donor (actor id);
// all empty = everything. NotFound for an unknown item or donor.
struct ItemsFilter {
  std::optional<std::string> item;
  std::optional<std::string> category;
  std::optional<std::string> donor;
};
Result<Table> ItemsReport(const Model& model, const ItemsFilter& filter);

// The names importers kept for review (items "item:unreviewed/..."): the
// category the source gave, how many measure lines name it and the units
// they state, which publishers' rows do, and the catalogue item a reviewer
// said it is the same as (empty: still to review). Those still to review
// come first, the most used first; the title counts both.
Table ReviewReport(const Model& model);

// The publishers whose sources measures cite first (PublisherOf: the account
// a measure belongs to, and what --publisher and ?publisher= filter by), with
// how many measures, donors and sources each; the most measures first, ""
// for measures that cite nothing.
Table PublishersReport(const Model& model);

// What happened on or after `day`, by the date of the fact (announcements,
// status changes, deliveries, holds, resumptions, balances, meetings).
Table ChangesReport(const Model& model, std::int32_t since_day);

}  // namespace ramstein

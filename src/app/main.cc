// The `ramstein` command: parses the command line and calls app/commands.h.
// Wiring only; every question is answered in query/, every write goes
// through db/.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "app/command_line.h"
#include "app/commands.h"
#include "app/version.h"
#include "base/limits.h"
#include "base/utf8.h"

#ifndef RAMSTEIN_DEFAULT_DATA_DIR
#define RAMSTEIN_DEFAULT_DATA_DIR "data"
#endif

namespace ramstein {
namespace {

// Everything the command line can set; CLI11 writes into these fields, so
// they live as long as the parse.
struct Options {
  AppContext context;
  int exit_code = kExitOk;
  bool bundled = false;
  bool replace = false;
  std::vector<std::string> files;
  bool dry_run = false;
  std::string format = "jsonl";
  std::string export_format, export_source;
  std::string release_name, release_other, release_counted = "committed";
  LogFilter log;
  std::string show_id;
  ReportOptions report;
  std::uint64_t measures = 1000, seed = 1;
  std::string out_path;
  std::string listen = "127.0.0.1:8080";
  std::string web_dir;
  CatalogMapOptions catalog;
};

std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

void AddFormatFlags(CLI::App* command, AppContext& context) {
  command->add_flag("--json", context.json, "print the table as JSON");
  command->add_flag("--csv", context.csv, "print the table as CSV");
}

void AddLedgerCommands(CLI::App& app, Options& o) {
  auto* init = app.add_subcommand("init", "create a ledger, optionally loaded with the bundled data");
  init->add_flag("--bundled", o.bundled, "import the bundled catalogue, sources and seed records");
  init->add_flag("--replace", o.replace, "discard an existing ledger at --db first (without it, init refuses)");
  init->callback([&o] { o.exit_code = RunInit(o.context, o.bundled, o.replace); });

  auto* import = app.add_subcommand(
      "import", "append JSON Lines or a publisher's files as one all-or-nothing batch");
  import->add_option("files", o.files, "files (or folders of them)")->required();
  import->add_option("--format", o.format,
                     "jsonl, or a publisher's format: kiel-dashboard, kiel-main-csv, kiel-main-xlsx, oryx, ukraine-aid-tracker")
      ->capture_default_str();
  import->add_flag("--dry-run", o.dry_run, "check everything and report, write nothing");
  import->callback([&o] { o.exit_code = RunImport(o.context, o.files, o.format, o.dry_run); });

  auto* add = app.add_subcommand("add", "append one record given as JSON on standard input");
  add->callback([&o] { o.exit_code = RunAdd(o.context); });

  auto* log = app.add_subcommand("log", "list events, newest last");
  log->add_option("--type", o.log.type, "only events of this record kind (measure, hold, ...)");
  log->add_option("--since", o.log.since, "only events appended on or after this date (YYYY-MM-DD)");
  log->add_option("--until", o.log.until, "only events appended on or before this date");
  log->add_option("--actor", o.log.actor, "only records that refer to this actor (e.g. USA)");
  log->add_option("--limit", o.log.limit, "at most this many events (the newest)");
  AddFormatFlags(log, o.context);
  log->callback([&o] { o.exit_code = RunLog(o.context, o.log); });

  auto* verify = app.add_subcommand("verify", "recompute the hash chain and replay every check");
  verify->callback([&o] { o.exit_code = RunVerify(o.context); });

  auto* show = app.add_subcommand("show", "a record with its sources, quotes and conflicting claims");
  show->add_option("id", o.show_id, "record id")->required();
  show->add_flag("--json", o.context.json, "print as JSON");
  show->callback([&o] { o.exit_code = RunShow(o.context, o.show_id); });

  auto* serve = app.add_subcommand("serve", "serve the JSON API and the dashboard over the ledger (read-only)");
  serve->add_option("--listen", o.listen, "HOST:PORT to listen on")->capture_default_str();
  serve->add_option("--web-dir", o.web_dir, "the built dashboard (env RAMSTEIN_WEB)")->capture_default_str();
  serve->callback([&o] { o.exit_code = RunServe(o.context, o.listen, o.web_dir); });

  auto* exporter = app.add_subcommand("export", "write the ledger as JSON Lines, Kiel main data CSV, or an XLSX of the reports");
  exporter->add_option("--format", o.export_format, "jsonl, kiel-csv or xlsx")->required();
  exporter->add_option("--out", o.out_path, "file to write (default: standard output; required for xlsx)");
  exporter->add_option("--source", o.export_source, "kiel-csv: only measures citing this source id");
  exporter->callback([&o] { o.exit_code = RunExport(o.context, o.export_format, o.out_path, o.export_source); });

  auto* release = app.add_subcommand("release", "freeze a view of the ledger, or compare two");
  release->require_subcommand(1);
  auto* create = release->add_subcommand("create", "freeze the ledger as it is now, with its method settings");
  create->add_option("name", o.release_name, "release name (e.g. 2026-11)")->required();
  create->add_option("--counted", o.release_counted, "measures of this status or later count (announced, committed, allocated, delivered)")
      ->capture_default_str();
  create->callback([&o] { o.exit_code = RunReleaseCreate(o.context, o.release_name, o.release_counted); });
  auto* diff = release->add_subcommand("diff", "what changed per donor, type and month between two releases");
  diff->add_option("a", o.release_name, "the earlier release")->required();
  diff->add_option("b", o.release_other, "the later release")->required();
  AddFormatFlags(diff, o.context);
  diff->callback([&o] { o.exit_code = RunReleaseDiff(o.context, o.release_name, o.release_other); });

  auto* catalog = app.add_subcommand("catalog", "review the names importers kept: say which catalogue item each is");
  catalog->require_subcommand(1);
  auto* map = catalog->add_subcommand(
      "map", "say an item is the same system as a catalogue item (its lines count under that item)");
  map->add_option("item", o.catalog.item, "the item: id, name or alias (e.g. \"BMP-1\")");
  map->add_option("same_as", o.catalog.same_as, "the catalogue item it is the same as: id, name or alias");
  map->add_option("--file", o.catalog.files,
                  "answers as CSV with columns item, same as[, why]: report review --csv, filled in");
  map->add_option("--why", o.catalog.why, "the reason kept with the answer");
  map->add_flag("--dry-run", o.catalog.dry_run, "check and report, write nothing");
  map->callback([&o] { o.exit_code = RunCatalogMap(o.context, o.catalog); });
  auto* unmap = catalog->add_subcommand("unmap", "count an item under its own name again");
  unmap->add_option("item", o.catalog.item, "the item: id, name or alias")->required();
  unmap->add_option("--why", o.catalog.why, "the reason kept with the answer");
  unmap->add_flag("--dry-run", o.catalog.dry_run, "check and report, write nothing");
  unmap->callback([&o] {
    o.catalog.unmap = true;
    o.exit_code = RunCatalogMap(o.context, o.catalog);
  });

  auto* gen = app.add_subcommand("gen", "write a deterministic synthetic ledger as JSON Lines");
  gen->add_option("--measures", o.measures, "number of measures (about 4 line items each)")
      ->capture_default_str();
  gen->add_option("--seed", o.seed, "random seed")->capture_default_str();
  gen->add_option("--out", o.out_path, "output file (default: standard output)");
  gen->callback([&o] { o.exit_code = RunGen(o.measures, o.seed, o.out_path); });
}

void AddReportCommands(CLI::App& app, Options& o) {
  auto* report = app.add_subcommand("report", "answer a question as a table");
  report->require_subcommand(1);
  struct Spec {
    const char* name;
    const char* help;
  };
  const Spec specs[] = {
      {"donors", "per donor and currency: announced, committed, delivered, outstanding, on hold (and EUR)"},
      {"totals", "per donor: EUR and USD totals over all currencies"},
      {"monthly", "per month: announced, committed and delivered in EUR"},
      {"holds", "holds active at a date: items, quantities, days held"},
      {"meetings", "every meeting with attendance counts"},
      {"meeting", "one meeting: attendance grid and measures announced"},
      {"authorities", "funding authorities: cap, drawn, remaining as reported"},
      {"items", "per item and donor: pledged, delivered, held"},
      {"review", "names importers kept for review, the catalogue item each was said to be (catalog map), and suggestions"},
      {"publishers", "publishers whose sources measures cite first: the values --publisher takes"},
      {"changes", "what happened since a date"},
      {"datasets", "datasets of published figures (imported publisher tables)"},
      {"figures", "a dataset's published figures, summed exactly by subject, period or category"},
      {"reconcile", "Kiel main data allocations against Kiel dashboard figures, per donor and type"},
  };
  for (const Spec& spec : specs) {
    auto* sub = report->add_subcommand(spec.name, spec.help);
    AddFormatFlags(sub, o.context);
    std::string name = spec.name;
    if (name == "holds" || name == "authorities") {
      sub->add_option("--at", o.report.at, "date (YYYY-MM-DD); default today");
    }
    if (name == "meeting") {
      sub->add_option("meeting", o.report.meeting, "meeting id or UDCG number")->required();
    }
    if (name == "items") {
      sub->add_option("--item", o.report.item, "item id, name or alias");
      sub->add_option("--category", o.report.category, "item category (e.g. \"Air Defense\")");
      sub->add_option("--donor", o.report.donor, "donor actor id (e.g. USA)");
    }
    if (name == "monthly") sub->add_option("--donor", o.report.donor, "only this donor (actor id, e.g. GBR)");
    if (name == "donors" || name == "totals" || name == "monthly") {
      sub->add_option("--type", o.report.type, "only one type of aid: military, financial or humanitarian");
      sub->add_option("--publisher", o.report.publisher,
                      "only measures citing this publisher's sources first (e.g. \"Kiel Institute for the World "
                      "Economy\"): a ledger holding several trackers sums them all otherwise");
    }
    if (name == "figures") {
      sub->add_option("dataset", o.report.dataset, "dataset (e.g. kiel-r29/data_explorer)")->required();
      sub->add_option("--by", o.report.by, "subject, period, category, row or all")->capture_default_str();
      sub->add_option("--donor", o.report.donor, "only this subject (actor id, e.g. USA)");
    }
    if (name == "reconcile") {
      sub->add_option("--source", o.report.source, "the main data's source id (default: the latest imported)");
      sub->add_option("--dataset", o.report.dataset, "the dashboard dataset (default: the latest kiel-rNN/data_explorer)");
    }
    if (name == "changes") sub->add_option("--since", o.report.since, "date (YYYY-MM-DD)")->required();
    sub->callback([&o, name] { o.exit_code = RunReport(o.context, name, o.report); });
  }
}

}  // namespace
}  // namespace ramstein

int main(int argc, char** argv) {
  using namespace ramstein;
  Options options;
  options.context.db_path = Env("RAMSTEIN_DB", "ramstein.db");
  options.context.data_dir = Env("RAMSTEIN_DATA", RAMSTEIN_DEFAULT_DATA_DIR);
  options.context.author = Env("USER", "cli");
  options.web_dir = Env("RAMSTEIN_WEB", RAMSTEIN_DEFAULT_WEB_DIR);

  CLI::App app{"Ramstein: a sourced, verifiable ledger of coalition military assistance."};
  app.set_help_all_flag("--help-all", "help for every command");
  app.set_version_flag("--version", std::string("ramstein ") + RAMSTEIN_VERSION + " (commit " + RAMSTEIN_COMMIT + ")",
                       "the version and the commit it was built from");
  app.require_subcommand(1);
  app.add_option("--db", options.context.db_path, "ledger file (env RAMSTEIN_DB)")->capture_default_str();
  app.add_option("--data-dir", options.context.data_dir, "bundled data folder (env RAMSTEIN_DATA)")
      ->capture_default_str();
  app.add_option("--author", options.context.author, "who is recording (env USER)")
      ->capture_default_str()
      ->check([](const std::string& author) -> std::string {
        if (!IsValidUtf8(author)) return "not valid UTF-8";
        if (author.size() > limits::author_bytes_max)
          return "longer than " + std::to_string(limits::author_bytes_max) + " bytes";
        return "";
      });
  AddLedgerCommands(app, options);
  AddReportCommands(app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // A mistyped command says so, not only that a command is required.
    if (auto unknown = UnknownSubcommand(app, std::vector<std::string>(argv + 1, argv + argc))) {
      std::fprintf(stderr, "ramstein: %s\nRun with --help for the commands.\n", unknown->c_str());
      return kExitUsage;
    }
    return app.exit(error) == 0 ? kExitOk : kExitUsage;
  }
  return options.exit_code;
}

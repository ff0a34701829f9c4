// The `ramstein` command: parses the command line and calls app/commands.h.
// Wiring only; every question is answered in query/, every write goes
// through db/.
#include <CLI/CLI.hpp>
#include <cstdlib>

#include "app/commands.h"

#ifndef RAMSTEIN_DEFAULT_DATA_DIR
#define RAMSTEIN_DEFAULT_DATA_DIR "data"
#endif

namespace {

std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

void AddFormatFlags(CLI::App* command, ramstein::AppContext& context) {
  command->add_flag("--json", context.json, "print the table as JSON");
  command->add_flag("--csv", context.csv, "print the table as CSV");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ramstein;
  AppContext context;
  context.db_path = Env("RAMSTEIN_DB", "ramstein.db");
  context.data_dir = Env("RAMSTEIN_DATA", RAMSTEIN_DEFAULT_DATA_DIR);
  context.author = Env("USER", "cli");
  int exit_code = kExitOk;

  CLI::App app{"Ramstein: a sourced, verifiable ledger of coalition military assistance."};
  app.set_help_all_flag("--help-all", "help for every command");
  app.require_subcommand(1);
  app.add_option("--db", context.db_path, "ledger file (env RAMSTEIN_DB)")->capture_default_str();
  app.add_option("--data-dir", context.data_dir, "bundled data folder (env RAMSTEIN_DATA)")
      ->capture_default_str();
  app.add_option("--author", context.author, "who is recording (env USER)")->capture_default_str();

  bool bundled = false;
  auto* init =
      app.add_subcommand("init", "create a ledger, optionally loaded with the bundled data");
  init->add_flag("--bundled", bundled, "import the bundled catalogue, sources and seed records");
  init->callback([&] { exit_code = RunInit(context, bundled); });

  std::vector<std::string> files;
  bool dry_run = false;
  auto* import =
      app.add_subcommand("import", "append JSON Lines files as one all-or-nothing batch");
  import->add_option("files", files, "JSON Lines files")->required();
  import->add_flag("--dry-run", dry_run, "check everything and report, write nothing");
  import->callback([&] { exit_code = RunImport(context, files, dry_run);
});

auto* add = app.add_subcommand("add", "append one record given as JSON on standard input");
add->callback([&] { exit_code = RunAdd(context); });

LogFilter log_filter;
auto* log = app.add_subcommand("log", "list events, newest last");
log->add_option("--type", log_filter.type, "only events of this record kind (measure, hold, ...)");
log->add_option("--since", log_filter.since,
                "only events appended on or after this date (YYYY-MM-DD)");
log->add_option("--until", log_filter.until, "only events appended on or before this date");
log->add_option("--actor", log_filter.actor, "only records that refer to this actor (e.g. USA)");
log->add_option("--limit", log_filter.limit, "at most this many events (the newest)");
AddFormatFlags(log, context);
log->callback([&] { exit_code = RunLog(context, log_filter); });

auto* verify = app.add_subcommand("verify", "recompute the hash chain and replay every check");
verify->callback([&] { exit_code = RunVerify(context); });

std::string show_id;
auto* show = app.add_subcommand("show", "a record with its sources, quotes and conflicting claims");
show->add_option("id", show_id, "record id")->required();
show->add_flag("--json", context.json, "print as JSON");
show->callback([&] { exit_code = RunShow(context, show_id); });

ReportOptions report_options;
auto* report = app.add_subcommand("report", "answer a question as a table");
report->require_subcommand(1);
struct ReportSpec {
  const char* name;
  const char* help;
};
const ReportSpec specs[] = {
    {"donors",
     "per donor and currency: announced, committed, delivered, outstanding, on hold (and EUR)"},
    {"totals", "per donor: EUR totals over all currencies"},
    {"holds", "holds active at a date: items, quantities, days held"},
    {"meetings", "every meeting with attendance counts"},
    {"meeting", "one meeting: attendance grid and measures announced"},
    {"authorities", "funding authorities: cap, drawn, remaining as reported"},
    {"items", "per item and donor: pledged, delivered, held"},
    {"changes", "what happened since a date"},
};
for (const auto& spec : specs) {
  auto* sub = report->add_subcommand(spec.name, spec.help);
  AddFormatFlags(sub, context);
  std::string name = spec.name;
  if (name == "holds" || name == "authorities") {
    sub->add_option("--at", report_options.at, "date (YYYY-MM-DD); default today");
  }
  if (name == "meeting")
    sub->add_option("meeting", report_options.meeting, "meeting id or UDCG number")->required();
  if (name == "items") {
    sub->add_option("--item", report_options.item, "item id, name or alias");
    sub->add_option("--category", report_options.category, "item category (e.g. \"Air Defense\")");
  }
  if (name == "changes")
    sub->add_option("--since", report_options.since, "date (YYYY-MM-DD)")->required();
  sub->callback([&, name] { exit_code = RunReport(context, name, report_options); });
}

std::uint64_t measures = 1000, seed = 1;
std::string out_path;
auto* gen = app.add_subcommand("gen", "write a deterministic synthetic ledger as JSON Lines");
gen->add_option("--measures", measures, "number of measures (about 4 line items each)")
    ->capture_default_str();
gen->add_option("--seed", seed, "random seed")->capture_default_str();
gen->add_option("--out", out_path, "output file (default: standard output)");
gen->callback([&] { exit_code = RunGen(measures, seed, out_path); });

try {
  app.parse(argc, argv);
} catch (const CLI::ParseError& error) {
  int code = app.exit(error);
  return code == 0 ? kExitOk : kExitUsage;
}
return exit_code;
}

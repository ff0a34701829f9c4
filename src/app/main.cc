// The `ramstein` command: parses the command line and calls app/commands.h.
// Wiring only; every question is answered in query/, every write goes
// through db/.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>

#include "api/openapi.h"
#include "app/command_line.h"
#include "app/commands.h"
#include "app/huge_pages.h"
#include "app/manual.h"
#include "app/settings.h"
#include "app/version.h"
#include "base/limits.h"
#include "base/utf8.h"


namespace ramstein {
namespace {

// Everything the command line can set; CLI11 writes into these fields, so
// they live as long as the parse.
struct Options {
  AppContext context;
  int exit_code = kExitOk;
  bool bundled = false;
  bool trackers = false;
  bool replace = false;
  bool if_missing = false;
  std::string config_path;
  std::vector<std::string> files;
  bool dry_run = false;
  std::string format = "jsonl";
  std::string export_format, export_source;
  std::vector<std::string> export_withhold;
  std::string extract_file;
  struct {
    std::string checkpoint_file, proof_file;
  } witness;
  std::string release_name, release_other, release_counted = "committed";
  LogFilter log;
  // The options of the question asked (only one command runs): by
  // parameter name, and the CLI11 option that fills each.
  std::vector<std::pair<std::string, std::string>> question_values;
  std::uint64_t measures = 1000, seed = 1;
  std::string out_path;
  std::string listen;
  std::string web_dir;
  CatalogMapOptions catalog;
  std::vector<std::string> checkpoint_files;
  ProveOptions prove;
  bool snapshot_list = false;
};

void AddFormatFlags(CLI::App* command, AppContext& context) {
  command->add_flag("--json", context.json, "print the table as JSON");
  command->add_flag("--csv", context.csv, "print the table as CSV");
}

void AddLedgerCommands(CLI::App& app, Options& o) {
  auto* init = app.add_subcommand("init", "create a ledger, optionally loaded with the bundled data");
  init->add_flag("--bundled", o.bundled, "import the bundled catalogue, sources and seed records");
  init->add_flag("--trackers", o.trackers,
                 "with --bundled, the bundled trackers' files too (Oryx, UkraineAidTracker)")
      ->needs("--bundled");
  init->add_flag("--replace", o.replace, "discard an existing ledger at --db first (without it, init refuses)");
  init->add_flag("--if-missing", o.if_missing, "leave an existing ledger at --db as it is and succeed (for service start-up)");
  init->callback([&o] { o.exit_code = RunInit(o.context, o.bundled, o.trackers, o.replace, o.if_missing); });

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
  log->add_option("--limit", o.log.limit, "at most this many events (the newest)")->check(WholeNumber(SIZE_MAX));
  AddFormatFlags(log, o.context);
  log->callback([&o] { o.exit_code = RunLog(o.context, o.log); });

  auto* verify = app.add_subcommand("verify", "recompute the hash chain and replay every check");
  verify->add_option("--checkpoint", o.checkpoint_files,
                     "files of checkpoints held elsewhere: the ledger must be what each saw")
      ->expected(1, -1);
  verify->add_option("--extract", o.extract_file,
                     "verify an extract (export --format events) instead of the ledger, against --checkpoint files if given");
  verify->callback([&o] {
    o.exit_code = !o.extract_file.empty()        ? RunVerifyExtract(o.context, o.extract_file, o.checkpoint_files)
                  : o.checkpoint_files.empty() ? RunVerify(o.context)
                                               : RunVerifyCheckpoints(o.context, o.checkpoint_files);
  });

  auto* witness = app.add_subcommand(
      "witness", "countersign another ledger's checkpoint as this ledger, after checking it extends the last one seen");
  witness->add_option("checkpoint", o.witness.checkpoint_file, "the file whose last line is the checkpoint")->required();
  witness->add_option("--proof", o.witness.proof_file,
                      "what `prove --from` printed on the other ledger, from the last checkpoint this witness cosigned");
  witness->callback([&o] { o.exit_code = RunWitness(o.context, o.witness.checkpoint_file, o.witness.proof_file); });

  auto* migrate = app.add_subcommand("migrate", "re-chain a format-1 ledger as format 2 in a new file (the ledger is left as it is)");
  migrate->add_option("--to", o.out_path, "the new ledger's file (must not exist)")->required();
  migrate->callback([&o] { o.exit_code = RunMigrate(o.context, o.out_path); });

  auto* snapshot = app.add_subcommand("snapshot", "write a snapshot of the model so that opening replays only later events");
  snapshot->add_flag("--list", o.snapshot_list, "list the stored snapshots and which one opening would use");
  snapshot->callback([&o] { o.exit_code = RunSnapshot(o.context, o.snapshot_list); });

  auto* checkpoint = app.add_subcommand("checkpoint", "verify the ledger and print its signed checkpoint (one JSON line)");
  checkpoint->callback([&o] { o.exit_code = RunCheckpoint(o.context); });

  auto* prove = app.add_subcommand("prove", "print the proof that an event is in the ledger, or that it extends a checkpoint");
  auto* event = prove->add_option("event", o.prove.sequence, "the event's sequence number")->check(WholeNumber());
  prove->add_option("--checkpoint", o.prove.checkpoint_file, "prove against this checkpoint (the file's last line)");
  prove->add_option("--from", o.prove.from_file, "prove the ledger extends this checkpoint (the file's last line)")
      ->excludes(event);
  prove->callback([&o] {
    if (o.prove.sequence == 0 && o.prove.from_file.empty()) {
      throw CLI::ValidationError("prove", "give an EVENT, or --from FILE");
    }
    o.exit_code = RunProve(o.context, o.prove);
  });

  auto* serve = app.add_subcommand("serve", "serve the JSON API and the dashboard over the ledger (read-only)");
  serve->add_option("--listen", o.listen, "HOST:PORT to listen on (env RAMSTEIN_LISTEN)")->capture_default_str();
  serve->add_option("--web-dir", o.web_dir, "the built dashboard (env RAMSTEIN_WEB)")->capture_default_str();
  serve->callback([&o] { o.exit_code = RunServe(o.context, o.listen, o.web_dir); });

  auto* exporter = app.add_subcommand("export", "write the ledger as JSON Lines, Kiel main data CSV, or an XLSX of the reports");
  exporter->add_option("--format", o.export_format,
                       "jsonl, events (every event, verifiable: verify --extract), kiel-csv or xlsx")
      ->required();
  exporter->add_option("--redact-classification", o.export_withhold,
                       "events: withhold the payloads of records so classified (coalition, restricted); "
                       "jsonl: leave those records out")
      ->delimiter(',');
  exporter->add_option("--out", o.out_path, "file to write (default: standard output; required for xlsx)");
  exporter->add_option("--source", o.export_source, "kiel-csv: only measures citing this source id");
  exporter->callback([&o] { o.exit_code = RunExport(o.context, o.export_format, o.out_path, o.export_source, o.export_withhold); });

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

  auto* openapi = app.add_subcommand("openapi", "print the OpenAPI 3.1 document of the HTTP API (what serve answers at /api/v1/openapi.json)");
  openapi->callback([&o] {
    std::fputs(OpenApiJson().c_str(), stdout);
    o.exit_code = kExitOk;
  });

  auto* gen = app.add_subcommand("gen", "write a deterministic synthetic ledger as JSON Lines");
  gen->add_option("--measures", o.measures, "number of measures (about 4 line items each)")
      ->capture_default_str()
      ->check(WholeNumber(limits::gen_measures_max));
  gen->add_option("--seed", o.seed, "random seed")->capture_default_str()->check(WholeNumber());
  gen->add_option("--out", o.out_path, "output file (default: standard output)");
  gen->callback([&o] { o.exit_code = RunGen(o.measures, o.seed, o.out_path); });

  auto* completion = app.add_subcommand("completion", "print the shell completion script (bash)");
  completion->add_option("shell", o.format, "the shell: bash")->required()->check(CLI::IsMember({"bash"}));
  completion->callback([&app, &o] {
    std::fputs(BashCompletion(app).c_str(), stdout);
    o.exit_code = kExitOk;
  });
  // The manual page, made at build time (ramstein.1); not a user's command.
  auto* manual = app.add_subcommand("man-page", "");
  manual->group("");
  manual->callback([&app, &o] {
    std::fputs(ManPage(app).c_str(), stdout);
    o.exit_code = kExitOk;
  });
}

// The help line of a parameter: its description, the values it takes, its
// default.
std::string ParamHelp(const Param& param) {
  std::string help = param.description;
  if (param.type == ParamType::choice) {
    std::string values;
    for (const std::string& value : param.allowed) values += (values.empty() ? "" : ", ") + value;
    help += " (" + values + ")";
  }
  if (param.type == ParamType::date) help += " (YYYY-MM-DD)";
  if (!param.default_value.empty()) help += "; default " + param.default_value;
  if (param.required) help += "; required";
  return help;
}

// One command per question of the catalogue (query/catalog.h): `report
// NAME`, `list NAME`, `show ID`, with an option per parameter (a positional
// one is also --NAME), --limit and --offset for tables, --json and --csv.
void AddQuestionCommands(CLI::App& app, Options& o) {
  auto* report = app.add_subcommand("report", "answer a question as a table");
  report->require_subcommand(1);
  auto* list = app.add_subcommand("list", "list the records of one kind, filtered and sorted");
  list->require_subcommand(1);
  for (const Question& question : Questions()) {
    CLI::App* parent = &app;
    for (std::size_t i = 0; i + 1 < question.command.size(); ++i) parent = parent->get_subcommand(question.command[i]);
    auto* command = parent->add_subcommand(question.command.back(), question.summary);
    std::vector<std::pair<std::string, CLI::Option*>> options;
    auto add = [&](const Param& param) {
      auto value = std::make_shared<std::string>();
      std::string names = "--" + param.name;
      if (param.positional) names = param.name + "," + names;
      CLI::Option* option = command->add_option(names, *value, ParamHelp(param));
      option->type_name(param.type == ParamType::date      ? "DATE"
                        : param.type == ParamType::integer ? "N"
                        : param.type == ParamType::choice  ? "CHOICE"
                                                           : "TEXT");
      options.emplace_back(param.name, option);
      return value;
    };
    std::vector<std::pair<std::string, std::shared_ptr<std::string>>> values;
    for (const Param& param : question.params) values.emplace_back(param.name, add(param));
    if (question.kind != QuestionKind::detail) {
      for (const Param& param : PageParams(question)) values.emplace_back(param.name, add(param));
      AddFormatFlags(command, o.context);
    } else {
      command->add_flag("--json", o.context.json, "print as JSON");
    }
    command->callback([&o, &question, values, options] {
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (options[i].second->count() > 0) o.question_values.emplace_back(values[i].first, *values[i].second);
      }
      o.exit_code = RunQuestion(o.context, question, o.question_values);
    });
  }
}

}  // namespace
}  // namespace ramstein

int main(int argc, char** argv) {
  using namespace ramstein;
  RestartWithHugePages(argv);
  std::vector<std::string> args(argv + 1, argv + argc);
  auto getenv = [](const char* name) -> const char* { return std::getenv(name); };
  auto settings = LoadSettings(args, getenv, DefaultSettings(RAMSTEIN_DEFAULT_DATA_DIR, RAMSTEIN_DEFAULT_WEB_DIR, getenv),
                               std::string(kDefaultConfigFile));
  if (!settings.ok()) {
    std::fprintf(stderr, "ramstein: %s\n", settings.status().message().c_str());
    return kExitUsage;
  }
  Options options;
  options.context.db_path = settings->db;
  options.context.data_dir = settings->data_dir;
  options.context.author = settings->author;
  options.context.signing_key_path = settings->signing_key;
  options.listen = settings->listen;
  options.web_dir = settings->web_dir;
  options.config_path = settings->config_path;

  CLI::App app{"Ramstein: a sourced, verifiable ledger of coalition military assistance."};
  app.set_help_all_flag("--help-all", "help for every command");
  app.set_version_flag("--version", std::string("ramstein ") + RAMSTEIN_VERSION + " (commit " + RAMSTEIN_COMMIT + ")",
                       "the version and the commit it was built from");
  app.require_subcommand(1);
  app.add_option(std::string(kConfigFlag), options.config_path,
                 "settings file (env RAMSTEIN_CONFIG; default " + std::string(kDefaultConfigFile) + " if it exists)")
      ->capture_default_str();
  app.add_option("--db", options.context.db_path, "ledger file (env RAMSTEIN_DB)")->capture_default_str();
  app.add_option("--data-dir", options.context.data_dir, "bundled data folder (env RAMSTEIN_DATA)")
      ->capture_default_str();
  app.add_option("--signing-key", options.context.signing_key_path,
                 "the ledger's signing key file (env RAMSTEIN_SIGNING_KEY; default: the ledger's path and .key)");
  app.add_option("--author", options.context.author, "who is recording (env RAMSTEIN_AUTHOR, else USER)")
      ->capture_default_str()
      ->check([](const std::string& author) -> std::string {
        if (!IsValidUtf8(author)) return "not valid UTF-8";
        if (author.size() > limits::author_bytes_max)
          return "longer than " + std::to_string(limits::author_bytes_max) + " bytes";
        return "";
      });
  AddLedgerCommands(app, options);
  AddQuestionCommands(app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // A mistyped command says so, not only that a command is required.
    if (auto unknown = UnknownSubcommand(app, args)) {
      std::fprintf(stderr, "ramstein: %s\nRun with --help for the commands.\n", unknown->c_str());
      return kExitUsage;
    }
    return app.exit(error) == 0 ? kExitOk : kExitUsage;
  }
  return options.exit_code;
}

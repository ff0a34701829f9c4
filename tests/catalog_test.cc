// The catalogue of questions (query/catalog.h) against every surface made
// from it: each question is a command of the real binary with its help, a
// route of the real server giving the command's bytes, an operation of the
// OpenAPI document with a schema for its answer, and a route of the
// dashboard's generated client; each table has the columns its entry
// declares. And the one check of parameters that every surface goes through.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include "api/url.h"
#include "base/date.h"
#include "base/utf8.h"
#include "query/catalog.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

std::string Quote(const std::string& text) { return "'" + text + "'"; }

// The command line asking `question` with its examples (positional ones
// given as --NAME, the way help names them).
std::string CommandOf(const Question& question) {
  std::string command;
  for (const std::string& word : question.command) command += word + " ";
  for (const Param& param : question.params) {
    if (param.required || param.in_path) command += "--" + param.name + " " + Quote(param.example) + " ";
  }
  return command;
}

std::string UrlOf(const Question& question, const std::string& query) {
  std::string url = question.http_path;
  std::string params;
  for (const Param& param : question.params) {
    std::string value = PercentEncode(param.example);
    if (param.in_path) {
      url = url.substr(0, url.find('{')) + value;
    } else if (param.required) {
      params += (params.empty() ? "?" : "&") + param.name + "=" + value;
    }
  }
  if (!query.empty()) params += (params.empty() ? "?" : "&") + query;
  return url + params;
}

class CatalogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = TempDir("catalog") + "/ledger.db";
    ASSERT_EQ(Ramstein("--db " + Quote(db_) + " init --bundled").exit_code, 0);
    server_ = StartServer(db_);
    ASSERT_GT(server_.port, 0) << "the server did not start";
  }
  static void TearDownTestSuite() { EXPECT_TRUE(StopServer(server_)); }
  static httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", server_.port);
    return client.Get(path);
  }
  static CommandResult Cli(const std::string& arguments) { return Ramstein("--db " + Quote(db_) + " " + arguments); }
  static std::string db_;
  static ServerProcess server_;
};
std::string CatalogTest::db_;
ServerProcess CatalogTest::server_;

TEST_F(CatalogTest, EveryQuestionIsACommandARouteAnOperationAndAClientRoute) {
  auto document = nlohmann::json::parse(Get("/api/v1/openapi.json")->body);
  const std::string client = ReadText(SourceDir() + "/web/src/generated/openapi.ts");
  std::set<std::string> operation_ids, paths;
  for (const Question& question : Questions()) {
    SCOPED_TRACE(question.http_path);
    EXPECT_TRUE(operation_ids.insert(question.OperationId()).second);
    EXPECT_TRUE(paths.insert(question.http_path).second);
    EXPECT_FALSE(question.summary.empty());
    // The command, with its help.
    std::string words;
    for (const std::string& word : question.command) words += word + " ";
    CommandResult help = Cli(words + "--help");
    EXPECT_EQ(help.exit_code, 0) << help.err;
    EXPECT_NE(help.out.find(question.summary), std::string::npos) << help.out;
    for (const Param& param : question.params) {
      EXPECT_FALSE(param.description.empty()) << param.name;
      EXPECT_NE(help.out.find("--" + param.name), std::string::npos) << param.name;
      if (param.required) {
        EXPECT_FALSE(param.example.empty()) << param.name << " is required but has no example";
      }
    }
    // The route gives the command's bytes: JSON of a detail, CSV of a
    // table's first rows (a collection answers a page of them by default).
    const bool table = question.kind != QuestionKind::detail;
    CommandResult asked = Cli(CommandOf(question) + (table ? "--csv --limit 7" : "--json"));
    auto answered = Get(UrlOf(question, table ? "format=csv&limit=7" : ""));
    ASSERT_TRUE(answered);
    if (question.name == "reconcile") {  // the bundled ledger has no Kiel main data
      EXPECT_EQ(answered->status, 404);
      EXPECT_NE(asked.exit_code, 0);
    } else {
      EXPECT_EQ(answered->status, 200) << answered->body;
      EXPECT_EQ(asked.exit_code, 0) << asked.err;
      EXPECT_EQ(asked.out, answered->body);
    }
    // The operation, its parameters and the schema of its answer.
    ASSERT_TRUE(document["paths"].contains(question.http_path));
    const auto& operation = document["paths"][question.http_path]["get"];
    EXPECT_EQ(operation["operationId"], question.OperationId());
    EXPECT_TRUE(operation["responses"]["200"]["content"]["application/json"].contains("schema"));
    std::set<std::string> documented;
    for (const auto& parameter : operation["parameters"]) {
      documented.insert(parameter["name"]);
      EXPECT_FALSE(parameter["description"].get<std::string>().empty());
    }
    for (const Param& param : question.params) EXPECT_TRUE(documented.count(param.name)) << param.name;
    if (table) {
      for (const char* name : {"limit", "offset", "format"}) EXPECT_TRUE(documented.count(name)) << name;
    }
    // The dashboard's client knows the route.
    EXPECT_NE(client.find("\"" + question.http_path + "\": {"), std::string::npos)
        << "web/src/generated/openapi.ts lacks it: scripts/openapi-check.sh --write";
  }
  // The document holds the questions and the three service routes (health,
  // this document, the checkpoint), no more.
  EXPECT_EQ(document["paths"].size(), Questions().size() + 3);
  for (const char* path : {"/healthz", "/api/v1/openapi.json", "/api/v1/checkpoint"}) {
    EXPECT_TRUE(document["paths"].contains(path)) << path;
  }
}

TEST_F(CatalogTest, EveryTableHasTheColumnsItsEntryDeclares) {
  for (const Question& question : Questions()) {
    if (question.kind == QuestionKind::detail || question.name == "reconcile") continue;
    SCOPED_TRACE(question.http_path);
    auto answered = Get(UrlOf(question, "limit=1"));
    ASSERT_TRUE(answered);
    ASSERT_EQ(answered->status, 200) << answered->body;
    const auto columns = nlohmann::json::parse(answered->body)["columns"];
    const char* types[] = {"text", "integer", "amount", "decimal"};
    ASSERT_GE(columns.size(), question.columns.size());
    for (std::size_t i = 0; i < question.columns.size(); ++i) {
      EXPECT_EQ(columns[i]["name"], question.columns[i].name) << i;
      EXPECT_EQ(columns[i]["type"], types[static_cast<int>(question.columns[i].type)]) << question.columns[i].name;
    }
    if (question.more_columns.empty()) {
      EXPECT_EQ(columns.size(), question.columns.size()) << "columns beyond the entry's: say so in more_columns";
    } else {
      EXPECT_TRUE(question.columns.empty() || columns.size() >= question.columns.size());
    }
  }
}

// Every record of the bundled ledger opens by its id, whatever characters
// it holds (Kiel's figures have '/' in theirs), with the sources its
// evidence cites resolved.
TEST_F(CatalogTest, EveryRecordOfTheBundledLedgerOpensWithItsSources) {
  CommandResult events = Cli("log --json");
  ASSERT_EQ(events.exit_code, 0) << events.err;
  std::set<std::string> ids;
  const auto log = nlohmann::json::parse(events.out);
  for (const auto& row : log["rows"]) ids.insert(row["id"].get<std::string>());
  ASSERT_GT(ids.size(), 1600u);
  std::size_t with_slash = 0, with_evidence = 0, quotes = 0;
  for (const std::string& id : ids) {
    auto answered = Get("/api/v1/records/" + PercentEncode(id));
    ASSERT_TRUE(answered) << id;
    ASSERT_EQ(answered->status, 200) << id << ": " << answered->body;
    auto detail = nlohmann::json::parse(answered->body);
    EXPECT_EQ(detail["id"], id);
    with_slash += id.find('/') != std::string::npos;
    const auto& cited = detail["record"].value("evidence", nlohmann::json::array());
    ASSERT_EQ(detail["evidence"].size(), cited.size()) << id;
    with_evidence += !cited.empty();
    for (const auto& evidence : detail["evidence"]) {
      EXPECT_FALSE(evidence["title"].get<std::string>().empty()) << id << " cites " << evidence["source"];
      quotes += !evidence["quote"].get<std::string>().empty();
    }
  }
  // Every record but the sources themselves and the catalogue of actors
  // and items rests on evidence.
  EXPECT_EQ(with_slash, 1271u);
  std::printf("walked %zu records (%zu with '/' in their id), %zu citing evidence, %zu quotes\n", ids.size(),
              with_slash, with_evidence, quotes);
}

// Search: ranked hits grouped by kind with the match marked, the counts
// per kind, ?q= on a collection, words as typed (a prefix last, phrases,
// FTS5's own syntax taken as words), and a record appended by the command
// line found by the running server.
TEST_F(CatalogTest, SearchFindsRecordsQuotesAndSourcesAndKeepsInStep) {
  auto found = Get("/api/v1/search?q=Hegseth");
  ASSERT_EQ(found->status, 200) << found->body;
  auto answer = nlohmann::json::parse(found->body);
  ASSERT_FALSE(answer["rows"].empty());
  EXPECT_EQ(answer["rows"][0]["id"], "person:pete-hegseth");
  EXPECT_NE(answer["rows"][0]["snippet"].get<std::string>().find("«Hegseth»"), std::string::npos);
  std::size_t counted = 0;
  for (const auto& [kind, count] : answer["facets"]["kind"].items()) counted += count.get<std::size_t>();
  EXPECT_EQ(counted, answer["total"].get<std::size_t>());
  EXPECT_EQ(answer["rows"].size(), std::min<std::size_t>(counted, 100));
  // Grouped: each kind's hits together.
  std::set<std::string> closed;
  std::string current;
  for (const auto& row : answer["rows"]) {
    if (row["kind"] == current) continue;
    EXPECT_FALSE(closed.count(row["kind"])) << row["kind"] << " twice";
    closed.insert(current);
    current = row["kind"];
  }
  // Source texts and quotes: a phrase only the New York Times report holds.
  auto phrase = nlohmann::json::parse(Get("/api/v1/search?q=%22noticeably%20absent%22&kind=source")->body);
  ASSERT_EQ(phrase["rows"].size(), 1u);
  EXPECT_EQ(phrase["rows"][0]["id"], "src:000");
  // The last word as typed is a prefix; a collection takes ?q= with its filters.
  auto prefix = nlohmann::json::parse(Get("/api/v1/search?q=air%20defen&kind=measure")->body);
  std::set<std::string> ids;
  for (const auto& row : prefix["rows"]) ids.insert(row["id"].get<std::string>());
  EXPECT_TRUE(ids.count("measure:gbr-2025-air-defence-artillery"));
  auto listed = nlohmann::json::parse(Get("/api/v1/measures?q=air%20defen")->body);
  EXPECT_EQ(listed["total"].get<std::size_t>(), ids.size());
  for (const auto& row : listed["rows"]) EXPECT_TRUE(ids.count(row["id"].get<std::string>())) << row["id"];
  auto facets = listed["facets"];
  std::size_t by_donor = 0;
  for (const auto& [donor, count] : facets["donor"].items()) by_donor += count.get<std::size_t>();
  EXPECT_EQ(by_donor, ids.size());
  auto gbr = nlohmann::json::parse(Get("/api/v1/measures?q=air%20defen&donor=GBR")->body);
  EXPECT_EQ(gbr["total"], facets["donor"]["GBR"]);
  // Words, not a query language: what FTS5 would read as syntax is searched for.
  for (const char* q : {"AND%20OR%20NOT", "NEAR(patriot", "%22patriot", "patriot*%20-x", "%5E%7B%7D%3A"}) {
    auto odd = Get(std::string("/api/v1/search?q=") + q);
    EXPECT_TRUE(odd->status == 200 || odd->status == 400) << q << ": " << odd->status << " " << odd->body;
  }
  EXPECT_EQ(Get("/api/v1/search?q=%22%22")->status, 400);
  EXPECT_EQ(Get("/api/v1/search")->status, 400);
  // Appended by the command line: found by the running server.
  CommandResult added = Ramstein("--db " + Quote(db_) + " add",
                                 R"({"kind": "source", "id": "src:search-test", "title": "Zyxwvut notes",
                                     "publisher": "A test", "sha256": "", "text": "quux frobnicated"})");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  bool seen = false;
  for (int i = 0; i < 50 && !seen; ++i) {
    auto later = nlohmann::json::parse(Get("/api/v1/search?q=frobnicated")->body);
    seen = !later["rows"].empty() && later["rows"][0]["id"] == "src:search-test";
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(seen) << "the appended source was not found within 5 s";
}

// A ledger made before the index existed: read-only commands build it in
// memory, the first write builds it in the file.
TEST(CatalogSearchIndexTest, ALedgerWithoutTheIndexHasItBuilt) {
  std::string db = TempDir("search-old") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db " + Quote(db) + " init --bundled").exit_code, 0);
  auto sql = [&](const std::string& statement) { return Shell("sqlite3 " + Quote(db) + " \"" + statement + "\""); };
  ASSERT_EQ(sql("DROP TABLE search; DELETE FROM meta WHERE key='search_sequence';").exit_code, 0);
  CommandResult read = Ramstein("--db " + Quote(db) + " search Pistorius --csv");
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_NE(read.out.find("person:boris-pistorius"), std::string::npos) << read.out;
  EXPECT_NE(sql("SELECT count(*) FROM search;").exit_code, 0) << "a read-only command wrote the file";
  CommandResult wrote = Ramstein("--db " + Quote(db) + " add",
                                 R"({"kind": "source", "id": "src:later", "title": "Later", "publisher": "A test",
                                     "sha256": "", "text": "written later"})");
  ASSERT_EQ(wrote.exit_code, 0) << wrote.err;
  EXPECT_EQ(sql("SELECT count(*) FROM search;").out, "1653\n");  // the bundled ledger's 1,652 records and this one
  EXPECT_EQ(Ramstein("--db " + Quote(db) + " verify").exit_code, 0);
  // A correction replaces its record's row: found once, as it now reads,
  // whether the row was written with the append or rebuilt from the events.
  CommandResult corrected = Ramstein("--db " + Quote(db) + " add",
                                     R"({"kind": "source", "id": "src:later", "title": "Later, corrected",
                                         "publisher": "A test", "sha256": "", "text": "written later",
                                         "correction": "the title was wrong"})");
  ASSERT_EQ(corrected.exit_code, 0) << corrected.err;
  for (int pass = 0; pass < 2; ++pass) {
    SCOPED_TRACE(pass == 0 ? "written with the append" : "rebuilt from the events");
    CommandResult found = Ramstein("--db " + Quote(db) + " search 'written later' --csv");
    ASSERT_EQ(found.exit_code, 0) << found.err;
    EXPECT_EQ(found.out.find("src:later"), found.out.rfind("src:later")) << found.out;
    EXPECT_NE(found.out.find("Later, corrected"), std::string::npos) << found.out;
    EXPECT_EQ(sql("SELECT count(*) FROM search;").out, std::to_string(1653 + pass) + "\n");  // one row a record
    ASSERT_EQ(sql("DROP TABLE search; DELETE FROM meta WHERE key='search_sequence';").exit_code, 0);
    CommandResult next = Ramstein("--db " + Quote(db) + " add",
                                  R"({"kind": "source", "id": "src:rebuild-)" + std::to_string(pass) +
                                      R"(", "title": "T", "publisher": "A test", "sha256": "", "text": "x"})");
    ASSERT_EQ(next.exit_code, 0) << next.err;
  }
}

// An index of an earlier layout (rowids without the kind) is not read as
// this one: read-only commands build one in memory, the first write
// rebuilds the file's.
TEST(CatalogSearchIndexTest, AnIndexOfAnEarlierLayoutIsBuiltAgain) {
  std::string db = TempDir("search-layout") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db " + Quote(db) + " init --bundled").exit_code, 0);
  auto sql = [&](const std::string& statement) { return Shell("sqlite3 " + Quote(db) + " \"" + statement + "\""); };
  EXPECT_EQ(sql("SELECT count(*) FROM search WHERE rowid & 31 = 0;").out, "0\n");  // every row names its kind
  // The first layout: a row's rowid was its event's sequence.
  ASSERT_EQ(sql("UPDATE search SET rowid = rowid >> 5; DELETE FROM meta WHERE key='search_version';").exit_code, 0);
  CommandResult read = Ramstein("--db " + Quote(db) + " search Pistorius --json");
  ASSERT_EQ(read.exit_code, 0) << read.err;
  auto found = nlohmann::json::parse(read.out);
  ASSERT_FALSE(found["rows"].empty()) << read.out;
  EXPECT_EQ(found["rows"][0]["id"], "person:boris-pistorius");
  EXPECT_GE(found["facets"]["kind"]["person"].get<int>(), 1) << read.out;
  EXPECT_EQ(sql("SELECT count(*) FROM meta WHERE key='search_version';").out, "0\n") << "a read-only command wrote";
  ASSERT_EQ(Ramstein("--db " + Quote(db) + " add",
                     R"({"kind": "source", "id": "src:later", "title": "Later", "publisher": "A test",
                         "sha256": "", "text": "written later"})")
                .exit_code,
            0);
  EXPECT_EQ(sql("SELECT value FROM meta WHERE key='search_version';").out, "3\n");
  EXPECT_EQ(sql("SELECT count(*) FROM search WHERE rowid & 31 = 0;").out, "0\n");
  EXPECT_EQ(sql("SELECT count(*) FROM search;").out, "1653\n");
}

// The index's words table: each word of the titles and texts with the
// number of records holding it, kept in step through corrections; a typed
// prefix completed from it finds what FTS5's own prefix query finds; and
// ranking by its counts scores as FTS5's bm25() does.
TEST(CatalogSearchIndexTest, TheWordsTableCountsWhatTheIndexHolds) {
  std::string db = TempDir("search-words") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db " + Quote(db) + " init --bundled").exit_code, 0);
  auto sql = [&](const std::string& statement) { return Shell("sqlite3 " + Quote(db) + " \"" + statement + "\""); };
  auto add = [&](const std::string& json) { return Ramstein("--db " + Quote(db) + " add", json).exit_code; };
  ASSERT_EQ(add(R"({"kind": "source", "id": "src:words", "title": "Words", "publisher": "A test", "sha256": "",
                    "text": "zyxwvut qwertzuiop written"})"),
            0);
  ASSERT_EQ(add(R"({"kind": "source", "id": "src:words", "title": "Words, corrected", "publisher": "A test",
                    "sha256": "", "text": "qwertzuiop rewritten", "correction": "a word was wrong"})"),
            0);
  const std::string differing =
      "SELECT count(*) FROM search_words w WHERE w.docs != (SELECT count(*) FROM search WHERE search MATCH "
      "'{title body} : ' || char(34) || replace(w.word, char(34), char(34) || char(34)) || char(34));";
  const std::string missing =
      "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, col); "
      "SELECT count(*) FROM (SELECT DISTINCT term FROM v WHERE col IN ('title', 'body')) "
      "WHERE term NOT IN (SELECT word FROM search_words);";
  for (int pass = 0; pass < 2; ++pass) {
    SCOPED_TRACE(pass == 0 ? "written with the appends" : "rebuilt from the events");
    EXPECT_GT(std::stoi(sql("SELECT count(*) FROM search_words;").out), 1000);
    EXPECT_EQ(sql(differing).out, "0\n");
    EXPECT_EQ(sql(missing).out, "0\n");
    EXPECT_EQ(sql("SELECT count(*) FROM search_words WHERE word = 'zyxwvut';").out, "0\n") << "a corrected-away word";
    EXPECT_EQ(sql("SELECT docs FROM search_words WHERE word = 'qwertzuiop';").out, "1\n");
    ASSERT_EQ(sql("DROP TABLE search; DELETE FROM meta WHERE key='search_sequence';").exit_code, 0);
    ASSERT_EQ(Ramstein("--db " + Quote(db) + " verify").exit_code, 0);
    ASSERT_EQ(add(R"({"kind": "source", "id": "src:words-)" + std::to_string(pass) +
                  R"(", "title": "T", "publisher": "A test", "sha256": "", "text": "x"})"),
              0);
  }
  // Prefixes completed to a few words, to many (left to FTS5), to none.
  for (const std::string q : {"pat", "air defen", "Patriot interc", "ukr", "hegs", "19", "s", "5", "zzzzq"}) {
    SCOPED_TRACE(q);
    CommandResult found = Ramstein("--db " + Quote(db) + " search " + Quote(q) + " --limit 1000 --json");
    ASSERT_EQ(found.exit_code, 0) << found.err;
    std::vector<std::string> ids;
    const auto answer = nlohmann::json::parse(found.out);
    for (const auto& row : answer["rows"]) ids.push_back(row["id"]);
    std::sort(ids.begin(), ids.end());
    std::string phrases;
    std::istringstream words(q);
    for (std::string word; words >> word;) phrases += "\\\"" + word + "\\\" ";
    phrases.back() = '*';
    CommandResult native = sql("SELECT id FROM search WHERE search MATCH '{title body} : (" + phrases + ")' ORDER BY id;");
    ASSERT_EQ(native.exit_code, 0) << native.err;
    std::string listed;
    for (const std::string& id : ids) listed += id + "\n";
    EXPECT_EQ(listed, native.out);
  }
  // Whole words (typed with a space after them): each phrase's count is
  // exact, and the score is bm25()'s, to the digit shown.
  for (const std::string q : {"Patriot ", "air defence ", "Hegseth "}) {
    SCOPED_TRACE(q);
    CommandResult found = Ramstein("--db " + Quote(db) + " search " + Quote(q) + " --csv");
    ASSERT_EQ(found.exit_code, 0) << found.err;
    std::string phrases;
    std::istringstream words(q);
    for (std::string word; words >> word;) phrases += "\\\"" + word + "\\\" ";
    CommandResult native = sql("SELECT id, printf('%.3f', -bm25(search, 0, 0, 4.0, 1.0)) FROM search WHERE search "
                               "MATCH '{title body} : (" + phrases + ")' ORDER BY rank;");
    ASSERT_EQ(native.exit_code, 0) << native.err;
    std::size_t rows = 0;
    std::istringstream lines(native.out);
    for (std::string line; std::getline(lines, line); ++rows) {
      std::string id = line.substr(0, line.find('|')), score = line.substr(line.find('|') + 1);
      const std::size_t at = found.out.find("," + id + ",");
      ASSERT_NE(at, std::string::npos) << id;
      const std::size_t end = found.out.find("\r\n", at);
      ASSERT_NE(end, std::string::npos);
      EXPECT_EQ(found.out.substr(end - score.size() - 1, score.size() + 1), "," + score) << line;
    }
    EXPECT_GT(rows, 0u);
  }
}

// A damaged index sends no bad byte on and names no record the ledger does
// not hold; an index whose pages are damaged is an error, never a crash.
TEST(CatalogSearchIndexTest, ADamagedIndexIsNeverTakenAtItsWord) {
  std::string db = TempDir("search-damaged") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db " + Quote(db) + " init --bundled").exit_code, 0);
  auto sql = [&](const std::string& statement) { return Shell("sqlite3 " + Quote(db) + " \"" + statement + "\""); };
  // The content's columns: c0 kind, c1 id, c2 title, c3 body.
  ASSERT_EQ(sql("UPDATE search_content SET c1 = x'ff' || c1 || x'fe' WHERE c1 = 'item:patriot-system';"
                "UPDATE search_content SET c1 = 'item:no-such-record' WHERE c1 = 'item:patriot-interceptor';"
                "UPDATE search_content SET c0 = x'c0', c2 = x'c0' || c2 || x'ff', c3 = c3 || x'ff' "
                "WHERE c1 = 'measure:usa-nato-patriot-2025-07';")
                .exit_code,
            0);
  CommandResult found = Ramstein("--db " + Quote(db) + " search Patriot --json");
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_TRUE(IsValidUtf8(found.out));
  auto answer = nlohmann::json::parse(found.out);
  bool measure = false;
  for (const auto& row : answer["rows"]) {
    EXPECT_EQ(row["id"].get<std::string>().find("item:patriot-system"), std::string::npos) << "a damaged id was taken";
    EXPECT_NE(row["id"], "item:no-such-record");
    if (row["id"] == "measure:usa-nato-patriot-2025-07") {
      measure = true;
      EXPECT_EQ(row["kind"], "measure");  // as the ledger has it, not as the damaged index says
    }
  }
  EXPECT_TRUE(measure) << found.out;
  ASSERT_EQ(sql("UPDATE search_data SET block = randomblob(length(block)) WHERE id > 1;").exit_code, 0);
  CommandResult broken = Ramstein("--db " + Quote(db) + " search Patriot");
  EXPECT_EQ(broken.exit_code, 2) << broken.out << broken.err;
  EXPECT_NE(broken.err.find("search index"), std::string::npos) << broken.err;
  EXPECT_EQ(Ramstein("--db " + Quote(db) + " report donors").exit_code, 0);  // the rest of the ledger answers
}

TEST(CatalogBindTest, EveryParameterIsCheckedOnceForEverySurface) {
  const Question& holds = *FindQuestion(QuestionKind::report, "holds");
  const Question& figures = *FindQuestion(QuestionKind::report, "figures");
  const Question& record = *FindQuestion(QuestionKind::detail, "record");
  auto refusal = [](const Question& question, std::vector<std::pair<std::string, std::string>> given) {
    auto bound = Bind(question, given, 20000);
    return bound.ok() ? std::string("accepted") : bound.status().message();
  };
  EXPECT_EQ(refusal(holds, {{"date", "2025-07-08"}}),
            "unknown parameter 'date' (known: at, limit, offset)");
  EXPECT_EQ(refusal(holds, {{"at", "2025-13-01"}}), "at: '2025-13-01' is not a date (YYYY-MM-DD)");
  EXPECT_EQ(refusal(holds, {{"limit", "ten"}}), "limit: 'ten' is not a whole number");
  EXPECT_EQ(refusal(holds, {{"at", "2025"}, {"at", "2026"}}), "at: given twice");
  EXPECT_EQ(refusal(figures, {{"by", "subject"}}), "dataset: required: the dataset (report datasets lists them)");
  EXPECT_EQ(refusal(figures, {{"dataset", "d"}, {"by", "suject"}}),
            "by: 'suject' is not one of subject, period, category, row, all (did you mean 'subject'?)");
  EXPECT_EQ(refusal(figures, {{"datset", "d"}}).substr(0, 26), "unknown parameter 'datset'");
  EXPECT_NE(refusal(figures, {{"datset", "d"}}).find("(did you mean 'dataset'?)"), std::string::npos);
  EXPECT_EQ(refusal(record, {{"id", "x"}, {"limit", "5"}}), "unknown parameter 'limit' (known: id)");
  // What is accepted: a choice in any case, kept as the catalogue spells
  // it; the page is not part of the arguments (nor of their key).
  auto bound = Bind(figures, {{"dataset", "kiel-r29/weapons"}, {"by", "Category"}, {"limit", "5"}}, 20000);
  ASSERT_TRUE(bound.ok()) << bound.status().ToString();
  EXPECT_EQ(bound->Text("by"), "category");
  EXPECT_EQ(bound->Key(), "by=category&dataset=kiel-r29/weapons");
  EXPECT_EQ(Bind(holds, {{"at", "2025-07"}}, 0)->LastDayOr("at", 0), Date::Parse("2025-07-31")->days);
  // Pages: the bounds of limit and offset.
  EXPECT_FALSE(PageOf({{"limit", "0"}}, std::nullopt).ok());
  EXPECT_FALSE(PageOf({{"limit", std::to_string(page_limit_max + 1)}}, std::nullopt).ok());
  EXPECT_EQ(PageOf({}, std::nullopt).value(), std::nullopt);
  EXPECT_EQ(PageOf({}, page_limit_default).value()->limit, page_limit_default);
  EXPECT_EQ(PageOf({{"offset", "30"}}, std::nullopt).value()->offset, 30u);
}

}  // namespace
}  // namespace ramstein::testing

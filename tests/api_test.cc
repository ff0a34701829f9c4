// The HTTP API against the real server binary: every report answers exactly
// what the CLI prints, errors are JSON with the right status, and events
// appended by the CLI appear without a restart.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>
#include <set>

#include "api/openapi.h"
#include "io/csv/csv_reader.h"
#include "io/xlsx/xlsx_reader.h"
#include "query/catalog.h"
#include "query/record_lists.h"
#include "tests/test_support.h"

namespace ramstein::testing {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = TempDir("api") + "/ledger.db";
    ASSERT_EQ(Ramstein("--db '" + db_ + "' init --bundled").exit_code, 0);
    server_ = StartServer(db_, WriteTestDashboard(TempDir("api-web")));
    ASSERT_GT(server_.port, 0) << "the server did not start";
    port_ = server_.port;
  }
  static void TearDownTestSuite() { EXPECT_TRUE(StopServer(server_)) << "the server did not stop cleanly"; }
  static httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path, headers);
  }
  static std::string db_;
  static ServerProcess server_;
  static int port_;
};
std::string ApiTest::db_;
ServerProcess ApiTest::server_;
int ApiTest::port_ = 0;

TEST_F(ApiTest, EveryReportIsWhatTheCliPrints) {
  struct Case {
    std::string path, cli;
  };
  const Case cases[] = {
      {"/api/v1/reports/donors", "report donors"},
      {"/api/v1/reports/totals", "report totals"},
      {"/api/v1/reports/monthly", "report monthly"},
      {"/api/v1/reports/monthly?donor=GBR", "report monthly --donor GBR"},
      {"/api/v1/reports/totals?type=military", "report totals --type military"},
      {"/api/v1/reports/donors?type=humanitarian", "report donors --type humanitarian"},
      {"/api/v1/reports/monthly?type=Financial", "report monthly --type Financial"},
      {"/api/v1/reports/totals?publisher=Ukrainian%20news%20site%20(en%20edition)",
       "report totals --publisher 'Ukrainian news site (en edition)'"},
      {"/api/v1/reports/meetings", "report meetings"},
      {"/api/v1/reports/holds?at=2025-07-08", "report holds --at 2025-07-08"},
      {"/api/v1/reports/authorities?at=2025-04-11", "report authorities --at 2025-04-11"},
      {"/api/v1/reports/items?category=Air%20Defense", "report items --category 'Air Defense'"},
      {"/api/v1/reports/items?donor=USA", "report items --donor USA"},
      {"/api/v1/reports/changes?since=2025-01-01", "report changes --since 2025-01-01"},
      {"/api/v1/reports/datasets", "report datasets"},
      {"/api/v1/reports/publishers", "report publishers"},
      {"/api/v1/reports/figures?dataset=kiel-r29/weapons&by=category", "report figures kiel-r29/weapons --by category"},
      {"/api/v1/reports/figures?dataset=kiel-r29/data_explorer&donor=USA&by=period",
       "report figures kiel-r29/data_explorer --donor USA --by period"},
  };
  for (const Case& c : cases) {
    auto json = Get(c.path);
    ASSERT_TRUE(json) << c.path;
    EXPECT_EQ(json->status, 200) << c.path;
    EXPECT_EQ(json->body, Ramstein("--db '" + db_ + "' " + c.cli + " --json").out) << c.path;
    auto csv = Get(c.path + (c.path.find('?') == std::string::npos ? "?" : "&") + "format=csv");
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->body, Ramstein("--db '" + db_ + "' " + c.cli + " --csv").out) << c.path;
    auto accept = Get(c.path, {{"Accept", "text/csv"}});
    EXPECT_EQ(accept->body, csv->body) << c.path;
    EXPECT_EQ(accept->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  }
}

// Each cell of a workbook's sheet as text, numbers as plain decimals.
std::vector<std::vector<std::string>> SheetRows(const std::string& bytes) {
  std::vector<std::vector<std::string>> rows;
  auto workbook = XlsxWorkbook::Open(bytes);
  if (!workbook.ok()) return rows;
  const std::string sheet = (*workbook)->SheetNames().at(0);
  Status read = (*workbook)->ReadSheet(sheet, [&](std::uint32_t, const std::vector<XlsxCell>& cells) {
    std::vector<std::string> row;
    for (const XlsxCell& cell : cells) {
      if (row.size() < cell.column) row.resize(cell.column);
      row.push_back(ExcelNumberText(cell.text).value_or(std::string(cell.text)));
    }
    rows.push_back(std::move(row));
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.message();
  return rows;
}

// A CSV's rows as fields, trailing empty fields dropped (a sheet has no
// cell for them).
std::vector<std::vector<std::string>> CsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  CsvReader reader(text);
  CsvRow row;
  while (reader.Next(&row)) {
    std::vector<std::string> fields(row.fields.begin(), row.fields.end());
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
    rows.push_back(std::move(fields));
  }
  return rows;
}

TEST_F(ApiTest, EveryTableAnswersAsAWorkbookHoldingWhatTheCsvHolds) {
  int tables = 0;
  for (const DocumentedRoute& route : DocumentedRoutes()) {
    if (!route.table) continue;
    const Question& question = *std::find_if(Questions().begin(), Questions().end(),
                                             [&](const Question& q) { return q.http_path == route.path; });
    std::string path = route.example;
    std::string sep = path.find('?') == std::string::npos ? "?" : "&";
    auto xlsx = Get(path + sep + "format=xlsx");
    ASSERT_TRUE(xlsx) << path;
    auto csv = Get(path + sep + "format=csv");
    ASSERT_TRUE(csv);
    EXPECT_EQ(xlsx->status, csv->status) << path;
    if (csv->status != 200) continue;  // reconcile needs Kiel's main data, not in this ledger
    EXPECT_EQ(xlsx->get_header_value("Content-Type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(xlsx->get_header_value("Content-Disposition"), "attachment; filename=\"" + question.name + ".xlsx\"");
    auto sheet = SheetRows(xlsx->body);
    auto expected = CsvRows(csv->body);
    ASSERT_EQ(sheet.size(), expected.size()) << path;
    for (std::size_t r = 0; r < sheet.size(); ++r) {
      ASSERT_EQ(sheet[r].size(), expected[r].size()) << path << " row " << r;
      for (std::size_t c = 0; c < sheet[r].size(); ++c) {
        // Numbers are the CSV's to the cent (a sheet holds doubles:
        // 663305916.69 is written as the double nearest it).
        char* end_sheet = nullptr;
        char* end_csv = nullptr;
        double in_sheet = std::strtod(sheet[r][c].c_str(), &end_sheet);
        double in_csv = std::strtod(expected[r][c].c_str(), &end_csv);
        if (!sheet[r][c].empty() && *end_sheet == '\0' && !expected[r][c].empty() && *end_csv == '\0') {
          EXPECT_EQ(std::llround(in_sheet * 100), std::llround(in_csv * 100)) << path << " row " << r << " column " << c;
        } else {
          EXPECT_EQ(sheet[r][c], expected[r][c]) << path << " row " << r << " column " << c;
        }
      }
    }
    ++tables;
  }
  EXPECT_GE(tables, 20);
  // A page as a workbook is that page; a record is not a table.
  auto page = SheetRows(Get("/api/v1/measures?limit=3&offset=2&format=xlsx")->body);
  EXPECT_EQ(page.size(), 4u);
  EXPECT_EQ(Get("/api/v1/records/forum:udcg?format=xlsx")->status, 400);
  EXPECT_EQ(Get("/api/v1/reports/donors?format=xls")->status, 400);
}

TEST_F(ApiTest, MeetingsAndRecordsAreWhatTheCliPrints) {
  auto meeting = Get("/api/v1/reports/meetings/27");
  ASSERT_TRUE(meeting);
  EXPECT_EQ(meeting->body, Ramstein("--db '" + db_ + "' report meeting 27 --json").out);
  EXPECT_NE(meeting->body.find(R"("actor":"USA","name":"United States","person":"Pete Hegseth","mode":"virtual")"),
            std::string::npos);
  auto record = Get("/api/v1/records/forum:udcg");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->status, 200);
  EXPECT_EQ(record->body, Ramstein("--db '" + db_ + "' show forum:udcg --json").out);
}

TEST_F(ApiTest, ErrorsAreJsonWithTheRightStatus) {
  struct Case {
    std::string path;
    int status;
    std::string code;
  };
  const Case cases[] = {
      {"/api/v1/reports/holds?at=2025-13-01", 400, "bad_request"},
      {"/api/v1/reports/changes", 400, "bad_request"},
      {"/api/v1/reports/donors?format=xml", 400, "bad_request"},
      {"/api/v1/reports/totals?type=naval", 400, "bad_request"},
      {"/api/v1/reports/donors?publisher=Nobody", 400, "bad_request"},
      {"/api/v1/reports/unicorns", 404, "not_found"},
      {"/api/v1/records/nothing:here", 404, "not_found"},
      {"/api/v1/reports/meetings/99", 404, "not_found"},
      {"/no/such/file.txt", 404, "not_found"},  // (a path without a dot opens the dashboard)
      {"/api/v1/reports/donors?" + std::string(9000, 'a'), 414, "uri_too_long"},
  };
  for (const Case& c : cases) {
    auto response = Get(c.path);
    ASSERT_TRUE(response) << c.path.substr(0, 80);
    EXPECT_EQ(response->status, c.status) << c.path.substr(0, 80);
    EXPECT_NE(response->body.find("\"error\":\"" + c.code + "\""), std::string::npos) << response->body;
    EXPECT_NE(response->body.find("\"detail\":"), std::string::npos) << response->body;
  }
  httplib::Client client("127.0.0.1", port_);
  auto post = client.Post("/api/v1/reports/donors", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto big = client.Post("/api/v1/reports/donors", std::string(2u << 20, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(Get("/healthz")->status, 200);  // and the server still answers
}

TEST_F(ApiTest, ListsFilterSortAndPage) {
  auto usa = Get("/api/v1/measures?donor=USA&sort=-announced&limit=2");
  ASSERT_TRUE(usa);
  EXPECT_EQ(usa->status, 200);
  EXPECT_EQ(usa->get_header_value("X-Total-Count"), "4");
  EXPECT_NE(usa->body.find("\"total\":4,\"offset\":0,\"limit\":2}"), std::string::npos) << usa->body;
  // Newest first: the July 2025 NATO route, then the 2024 long-range missiles.
  std::size_t nato = usa->body.find("measure:usa-nato-patriot-2025-07");
  std::size_t missiles = usa->body.find("measure:usa-long-range-missiles");
  ASSERT_NE(nato, std::string::npos);
  ASSERT_NE(missiles, std::string::npos);
  EXPECT_LT(nato, missiles);
  auto second_page = Get("/api/v1/measures?donor=USA&sort=-announced&limit=2&offset=2");
  EXPECT_NE(second_page->body.find("measure:usa-nasams-investments"), std::string::npos);
  EXPECT_NE(second_page->body.find("measure:usa-2023-12-06"), std::string::npos);
  EXPECT_EQ(second_page->body.find("measure:usa-nato-patriot-2025-07"), std::string::npos);
  // Items resolve through aliases; categories filter by line items.
  auto held = Get("/api/v1/holds?item=Patriot%20missile");
  EXPECT_EQ(held->get_header_value("X-Total-Count"), "1");
  auto drones = Get("/api/v1/measures?category=Drones&format=csv");
  EXPECT_EQ(drones->get_header_value("X-Total-Count"), "2");
  EXPECT_EQ(std::count(drones->body.begin(), drones->body.end(), '\n'), 3);  // header + 2 rows
  auto by_value = Get("/api/v1/measures?sort=-value&limit=1");
  EXPECT_NE(by_value->body.find("measure:gbr-2025-air-defence-artillery"), std::string::npos);  // GBP 700 m > USD 175 m
  auto dated = Get("/api/v1/deliveries?from=2025-01-01&to=2025-06-30");
  EXPECT_EQ(dated->get_header_value("X-Total-Count"), "2");  // UK money in May, UK drones from January
  for (const char* collection : {"deliveries", "meetings", "authorities", "requirements", "sources"}) {
    EXPECT_EQ(Get(std::string("/api/v1/") + collection)->status, 200) << collection;
  }
}

TEST_F(ApiTest, ReportsArePagedAsTheListsAre) {
  for (const std::string path : {"/api/v1/reports/items", "/api/v1/reports/changes?since=2020-01-01",
                                 "/api/v1/reports/figures?dataset=kiel-r29/data_explorer&by=subject"}) {
    const std::string join = path.find('?') == std::string::npos ? "?" : "&";
    auto whole = Get(path);
    ASSERT_TRUE(whole);
    ASSERT_EQ(whole->status, 200) << path;
    auto rows = nlohmann::json::parse(whole->body)["rows"];
    ASSERT_GT(rows.size(), 14u) << path;
    // Pages of 7 rows, one after another, hold the whole table's rows in order.
    nlohmann::json paged = nlohmann::json::array();
    for (std::size_t offset = 0; offset < rows.size(); offset += 7) {
      auto page = Get(path + join + "limit=7&offset=" + std::to_string(offset));
      ASSERT_TRUE(page);
      ASSERT_EQ(page->status, 200) << path << " " << page->body;
      EXPECT_EQ(page->get_header_value("X-Total-Count"), std::to_string(rows.size()));
      auto body = nlohmann::json::parse(page->body);
      EXPECT_EQ(body["total"], rows.size());
      EXPECT_EQ(body["offset"], offset);
      EXPECT_EQ(body["limit"], 7);
      EXPECT_EQ(body["columns"], nlohmann::json::parse(whole->body)["columns"]);
      EXPECT_LE(body["rows"].size(), 7u);
      for (const auto& row : body["rows"]) paged.push_back(row);
    }
    EXPECT_EQ(paged, rows) << path;
    // A CSV page is the header and those lines of the whole CSV.
    auto csv = Get(path + join + "format=csv");
    auto csv_page = Get(path + join + "format=csv&offset=3&limit=2");
    ASSERT_TRUE(csv && csv_page);
    std::vector<std::string> lines;
    for (std::size_t at = 0, end; (end = csv->body.find('\n', at)) != std::string::npos; at = end + 1)
      lines.push_back(csv->body.substr(at, end - at + 1));
    ASSERT_GT(lines.size(), 6u);
    EXPECT_EQ(csv_page->body, lines[0] + lines[4] + lines[5]) << path;
    // Past the end: no rows, and the total.
    auto past = Get(path + join + "offset=100000");
    ASSERT_EQ(past->status, 200);
    EXPECT_EQ(nlohmann::json::parse(past->body)["rows"].size(), 0u);
    EXPECT_EQ(past->get_header_value("X-Total-Count"), std::to_string(rows.size()));
    // An offset alone takes the lists' default page.
    EXPECT_EQ(nlohmann::json::parse(Get(path + join + "offset=1")->body)["limit"], page_limit_default);
  }
  for (const char* path : {"/api/v1/reports/items?limit=0", "/api/v1/reports/items?limit=1001",
                           "/api/v1/reports/items?offset=-1", "/api/v1/reports/items?limit=two",
                           "/api/v1/reports/meetings/27?limit=1"}) {
    auto response = Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 400) << path << " " << response->body;
  }
}

TEST_F(ApiTest, ListParametersAreChecked) {
  for (const char* path : {"/api/v1/measures?limit=-1", "/api/v1/measures?limit=0", "/api/v1/measures?limit=1001",
                           "/api/v1/measures?limit=99999999999999999999", "/api/v1/measures?offset=-5",
                           "/api/v1/measures?sort=nonsense", "/api/v1/measures?colour=red",
                           "/api/v1/sources?donor=USA", "/api/v1/measures?from=yesterday",
                           "/api/v1/measures?item=photon%20torpedo",
                           "/api/v1/measures?publisher=Nobody", "/api/v1/holds?publisher=Oryx"}) {
    auto response = Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 400) << path << " " << response->body;
    EXPECT_NE(response->body.find("\"error\":\"bad_request\""), std::string::npos) << path;
  }
  EXPECT_EQ(Get("/api/v1/unicorns")->status, 404);
}

TEST_F(ApiTest, EveryDocumentedRouteAnswersAndEveryRouteIsDocumented) {
  auto document = Get("/api/v1/openapi.json");
  ASSERT_TRUE(document);
  auto openapi = nlohmann::json::parse(document->body);
  EXPECT_EQ(openapi["openapi"], "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, item] : openapi["paths"].items()) documented.insert(path);
  EXPECT_EQ(documented.size(), DocumentedRoutes().size());
  for (const DocumentedRoute& route : DocumentedRoutes()) {
    EXPECT_TRUE(documented.count(route.path)) << route.path;
    auto response = Get(route.example);
    ASSERT_TRUE(response) << route.example;
    if (route.path == "/api/v1/reports/reconcile") {
      // The bundled ledger has no Kiel main data: the answer says what to import
      // (ApiKielTest has both sides).
      EXPECT_EQ(response->status, 404);
      EXPECT_NE(response->body.find("import --format kiel-main-csv"), std::string::npos);
      continue;
    }
    EXPECT_EQ(response->status, 200) << route.example;
    EXPECT_NO_THROW(nlohmann::json::parse(response->body)) << route.example;
    if (route.table) {
      EXPECT_EQ(Get(route.example + (route.example.find('?') == std::string::npos ? "?" : "&") + "format=csv")
                    ->get_header_value("Content-Type"),
                "text/csv; charset=utf-8")
          << route.example;
    }
  }
  // Every report and collection the server answers is in the document.
  for (const char* report : {"donors", "totals", "monthly", "meetings", "holds", "authorities", "items", "changes"}) {
    EXPECT_TRUE(documented.count(std::string("/api/v1/reports/") + report)) << report;
  }
  for (const CollectionInfo& collection : ListCollections()) {
    EXPECT_TRUE(documented.count("/api/v1/" + collection.name)) << collection.name;
  }
}

TEST_F(ApiTest, TheDashboardIsServedAndItsRoutesOpenIndexHtml) {
  const std::string index = "<!doctype html><title>test dashboard</title>\n";
  for (const char* path : {"/", "/donors/GBR", "/meetings/meeting:udcg-27", "/records/src:000"}) {
    auto response = Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 200) << path;
    EXPECT_EQ(response->body, index) << path;
    EXPECT_EQ(response->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_EQ(response->get_header_value("Cache-Control"), "no-cache") << path;
  }
  auto script = Get("/assets/app-1234.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->body, "console.log('test');\n");
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  // Text files of a kilobyte or more go gzipped to a client that accepts it.
  httplib::Client client("127.0.0.1", port_);
  client.set_decompress(false);
  auto plain = client.Get("/assets/style-1234.css");
  auto zipped = client.Get("/assets/style-1234.css", {{"Accept-Encoding", "gzip, deflate"}});
  ASSERT_TRUE(plain && zipped);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_LT(zipped->body.size() * 4, plain->body.size());
  EXPECT_EQ(zipped->body.substr(0, 2), std::string("\x1f\x8b", 2));  // a gzip member
  httplib::Client unzipping("127.0.0.1", port_);  // decompresses by default
  EXPECT_EQ(unzipping.Get("/assets/style-1234.css", {{"Accept-Encoding", "gzip"}})->body, plain->body);
  // Report answers too, compressed once per ledger sequence.
  auto report = client.Get("/api/v1/reports/donors", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(unzipping.Get("/api/v1/reports/donors", {{"Accept-Encoding", "gzip"}})->body,
            Ramstein("--db '" + db_ + "' report donors --json").out);
  // A file name that is not there is a 404, not the page; so is an API path.
  for (const char* path : {"/assets/other.js", "/favicon.ico", "/api/v1/nothing/here", "/api/v2"}) {
    auto response = Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
    EXPECT_EQ(nlohmann::json::parse(response->body)["error"], "not_found") << path;
  }
}

TEST(ApiWithoutDashboardTest, TheApiServesAndTheRootSaysTheDashboardIsNotBuilt) {
  std::string db = TempDir("api-no-web") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  ServerProcess server = StartServer(db);
  ASSERT_GT(server.port, 0);
  httplib::Client client("127.0.0.1", server.port);
  auto root = client.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 200);
  EXPECT_NE(root->body.find("not built"), std::string::npos) << root->body;
  EXPECT_EQ(client.Get("/donors/GBR")->status, 404);
  EXPECT_EQ(client.Get("/api/v1/reports/donors")->status, 200);
  EXPECT_TRUE(StopServer(server));
}

TEST_F(ApiTest, EventsAppendedByTheCliAppearWithoutARestart) {
  auto before = Get("/healthz");
  ASSERT_TRUE(before);
  std::uint64_t head = HeadSequence(db_);
  EXPECT_NE(before->body.find("\"sequence\":" + std::to_string(head)), std::string::npos) << before->body;
  std::string after = "\"sequence\":" + std::to_string(head + 1);
  auto added = Ramstein("--db '" + db_ + "' add",
                        R"({"kind":"measure","id":"measure:api-live","donor":"NOR","recipient":"UKR","announced":"2025-05-05",
                            "type":"military","instrument":"grant","status":"committed","title":"t",
                            "value":{"amount":"99","currency":"NOK"}})");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  std::string body;
  while (std::chrono::steady_clock::now() < deadline) {
    body = Get("/healthz")->body;
    if (body.find(after) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(body.find(after), std::string::npos) << body;
  EXPECT_NE(Get("/api/v1/reports/donors")->body.find("\"donor\":\"NOR\""), std::string::npos);
}

// A ledger with the Kiel main data beside the bundled Release 29 figures:
// the reconcile report over HTTP is what the CLI prints.
TEST(ApiKielTest, ReconcileIsWhatTheCliPrints) {
  std::string db = TempDir("api-kiel") + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  ASSERT_EQ(Ramstein("--db '" + db + "' import --format kiel-main-csv '" + SourceDir() +
                     "/data/kiel/main-release-28/bilateral_activities.csv'")
                .exit_code,
            0);
  ServerProcess server = StartServer(db);
  ASSERT_GT(server.port, 0);
  httplib::Client client("127.0.0.1", server.port);
  for (const char* format : {"json", "csv"}) {
    auto response = client.Get(std::string("/api/v1/reports/reconcile?format=") + format);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body,
              Ramstein("--db '" + db + "' report reconcile --" + format).out);
  }
  EXPECT_TRUE(StopServer(server));
}

TEST(ApiCheckpointTest, TheServerPublishesACheckpointThatHoldsAndFollowsTheLedger) {
  const std::string dir = TempDir("api-checkpoint");
  const std::string db = dir + "/ledger.db";
  ASSERT_EQ(Ramstein("--db '" + db + "' init --bundled").exit_code, 0);
  auto Run = [&](const std::string& arguments, const std::string& input = "") {
    return Ramstein("--db '" + db + "' " + arguments, input);
  };
  auto Quote = [](const std::string& text) { return "'" + text + "'"; };
  ServerProcess server = StartServer(db);
  ASSERT_GT(server.port, 0);
  auto fetch = [&] {
    httplib::Client client("127.0.0.1", server.port);
    auto answer = client.Get("/api/v1/checkpoint");
    EXPECT_TRUE(answer);
    return answer ? std::pair{answer->status, answer->body} : std::pair{0, std::string()};
  };
  auto [status, first] = fetch();
  ASSERT_EQ(status, 200) << first;
  WriteText(dir + "/served-first.jsonl", first);
  EXPECT_NE(first.find("\"sequence\":" + std::to_string(HeadSequence(db)) + ","), std::string::npos) << first;
  // The key it signs with is the ledger's own, the one init made.
  const std::string local = Run("checkpoint").out;
  EXPECT_EQ(first.substr(first.find("\"key\":"), 72), local.substr(local.find("\"key\":"), 72));
  ASSERT_EQ(Run("add", R"({"kind":"source","id":"src:while-serving","title":"T","publisher":"P","sha256":""})").exit_code, 0);
  std::string second;
  for (int tries = 0; tries < 50; ++tries) {
    second = fetch().second;
    if (second.find("\"sequence\":" + std::to_string(HeadSequence(db)) + ",") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_NE(second.find("\"sequence\":" + std::to_string(HeadSequence(db)) + ","), std::string::npos)
      << "the served checkpoint did not follow the append within 5 s: " << second;
  WriteText(dir + "/served-second.jsonl", second);
  EXPECT_TRUE(StopServer(server));
  auto held = Run("verify --checkpoint " + Quote(dir + "/served-first.jsonl") + " " +
                          Quote(dir + "/served-second.jsonl"));
  EXPECT_EQ(held.exit_code, 0) << held.err;
  // Without a key the route says so.
  std::filesystem::remove(db + ".key");
  ServerProcess keyless = StartServer(db);
  ASSERT_GT(keyless.port, 0);
  httplib::Client client("127.0.0.1", keyless.port);
  auto none = client.Get("/api/v1/checkpoint");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_NE(none->body.find("no signing key"), std::string::npos) << none->body;
  EXPECT_TRUE(StopServer(keyless));
}

}  // namespace
}  // namespace ramstein::testing

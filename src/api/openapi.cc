#include "api/openapi.h"

#include <algorithm>

#include "ledger/canonical_json.h"
#include "query/record_lists.h"

namespace ramstein {

namespace {

std::vector<DocumentedRoute> BuildRoutes() {
  std::vector<DocumentedRoute> routes = {
      {"/healthz", "/healthz", "Liveness, and the newest ledger event applied", {}, false},
      {"/api/v1/openapi.json", "/api/v1/openapi.json", "This document", {}, false},
      {"/api/v1/reports/donors", "/api/v1/reports/donors",
       "Per donor and currency: announced, committed, delivered, outstanding, on hold, and in EUR", {"type", "publisher", "format"}, true},
      {"/api/v1/reports/totals", "/api/v1/reports/totals", "Per donor: EUR and USD totals", {"type", "publisher", "format"}, true},
      {"/api/v1/reports/monthly", "/api/v1/reports/monthly",
       "Per month: announced, committed and delivered in EUR", {"donor", "type", "publisher", "format"}, true},
      {"/api/v1/reports/meetings", "/api/v1/reports/meetings", "Every meeting with attendance counts", {"format"},
       true},
      {"/api/v1/reports/holds", "/api/v1/reports/holds?at=2025-07-08", "Holds active at a date", {"at", "format"},
       true},
      {"/api/v1/reports/authorities", "/api/v1/reports/authorities?at=2025-04-11",
       "Authorities: cap, drawn, remaining as reported on or before a date", {"at", "format"}, true},
      {"/api/v1/reports/items", "/api/v1/reports/items?category=Air%20Defense",
       "Per item and donor: pledged, delivered, held", {"item", "category", "donor", "format"}, true},
      {"/api/v1/reports/review", "/api/v1/reports/review",
       "Names importers kept for review: lines, units, publishers, the catalogue item each is the same as, and a suggestion",
       {"format"}, true},
      {"/api/v1/reports/publishers", "/api/v1/reports/publishers",
       "Publishers whose sources measures cite first (the values ?publisher= takes), with measures, donors, sources",
       {"format"}, true},
      {"/api/v1/reports/changes", "/api/v1/reports/changes?since=2025-01-01", "What happened since a date",
       {"since", "format"}, true},
      {"/api/v1/reports/datasets", "/api/v1/reports/datasets", "Datasets of published figures (imported publisher tables)",
       {"format"}, true},
      {"/api/v1/reports/figures", "/api/v1/reports/figures?dataset=kiel-r29/data_explorer&by=subject",
       "A dataset's published figures summed exactly by subject, period, category or all",
       {"dataset", "by", "donor", "format"}, true},
      {"/api/v1/reports/reconcile", "/api/v1/reports/reconcile",
       "Kiel main data allocations against Kiel dashboard figures, per donor and type (404 without both)",
       {"source", "dataset", "format"}, true},
      {"/api/v1/reports/meetings/{meeting}", "/api/v1/reports/meetings/27",
       "One meeting: facts, attendance grid, measures announced (meeting id or UDCG number)", {}, false},
      {"/api/v1/records/{id}", "/api/v1/records/forum:udcg",
       "A record with its sources, quotes, conflicting claims, history and referrers", {}, false},
  };
  // Every report table is paged as the lists are.
  for (DocumentedRoute& route : routes) {
    if (route.table && route.path.rfind("/api/v1/reports/", 0) == 0) {
      auto format = std::find(route.query_parameters.begin(), route.query_parameters.end(), "format");
      route.query_parameters.insert(format, {"limit", "offset"});
    }
  }
  for (const std::string& collection : ListCollections()) {
    std::vector<std::string> parameters = ListFilters(collection);
    parameters.insert(parameters.end(), {"sort", "limit", "offset", "format"});
    routes.push_back({"/api/v1/" + collection, "/api/v1/" + collection,
                      "List of " + collection + ", filtered, sorted and paged",
                      parameters,
                      true});
  }
  return routes;
}

void Str(std::string& out, const std::string& text) { AppendJsonString(out, text); }

}  // namespace

const std::vector<DocumentedRoute>& DocumentedRoutes() {
  static const std::vector<DocumentedRoute> routes = BuildRoutes();
  return routes;
}

std::string OpenApiJson() {
  std::string out =
      R"({"openapi":"3.1.0","info":{"title":"Ramstein API","version":"1","description":"Read-only API over a Ramstein ledger. Money amounts are exact decimals; errors are {\"error\": code, \"detail\": text}."},"paths":{)";
  bool first = true;
  for (const DocumentedRoute& route : DocumentedRoutes()) {
    if (!first) out += ",";
    first = false;
    Str(out, route.path);
    out += ":{\"get\":{\"summary\":";
    Str(out, route.summary);
    out += ",\"parameters\":[";
    bool first_parameter = true;
    std::size_t brace = route.path.find('{');
    if (brace != std::string::npos) {
      std::string name = route.path.substr(brace + 1, route.path.find('}') - brace - 1);
      out += "{\"name\":";
      Str(out, name);
      out += ",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}";
      first_parameter = false;
    }
    for (const std::string& parameter : route.query_parameters) {
      if (!first_parameter) out += ",";
      first_parameter = false;
      out += "{\"name\":";
      Str(out, parameter);
      out += ",\"in\":\"query\",\"required\":";
      out += parameter == "since" ? "true" : "false";
      out += ",\"schema\":{\"type\":";
      out += parameter == "limit" || parameter == "offset" ? "\"integer\",\"minimum\":0" : "\"string\"";
      if (parameter == "format") out += ",\"enum\":[\"json\",\"csv\"]";
      out += "}}";
    }
    out += "],\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{}";
    if (route.table) out += ",\"text/csv\":{}";
    out += "}},\"400\":{\"$ref\":\"#/components/responses/Error\"},\"404\":{\"$ref\":\"#/components/responses/Error\"}}}}";
  }
  out += R"(},"components":{"responses":{"Error":{"description":"An error","content":{"application/json":{"schema":{"type":"object","required":["error","detail"],"properties":{"error":{"type":"string"},"detail":{"type":"string"}}}}}}}}})";
  out += "\n";
  return out;
}

}  // namespace ramstein

// The OpenAPI 3.1 description of every route HttpServer answers, served at
// /api/v1/openapi.json. Built from one route table (openapi.cc) that the
// tests walk: each documented route must answer, each answer must be documented.
#pragma once

#include <string>
#include <vector>

namespace ramstein {

struct DocumentedRoute {
  std::string path;     // OpenAPI path template, e.g. /api/v1/records/{id}
  std::string example;  // a concrete URL that answers 200 on the bundled data
  std::string summary;
  std::vector<std::string> query_parameters;
  bool table = false;  // answers CSV too
};

const std::vector<DocumentedRoute>& DocumentedRoutes();
std::string OpenApiJson();

}  // namespace ramstein

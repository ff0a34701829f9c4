// The OpenAPI 3.1 description of every route HttpServer answers, served at
// /api/v1/openapi.json: the catalogue's questions (query/catalog.h) with
// their parameters, examples and answer schemas (render/answer_format.h),
// and the two routes outside it. The tests walk DocumentedRoutes(): each
// documented route must answer, each answer must be documented; both
// OpenAPI linters pass it without an error or a warning.
#pragma once

#include <string>
#include <vector>

namespace ramstein {

struct DocumentedRoute {
  std::string path;     // OpenAPI path template, e.g. /api/v1/records/{id}
  std::string example;  // a concrete URL that answers on the bundled data
  std::string summary;
  bool table = false;  // answers CSV too
};

const std::vector<DocumentedRoute>& DocumentedRoutes();
std::string OpenApiJson();

}  // namespace ramstein

#include "query/measure_filter.h"

#include <set>

#include "query/reports.h"

namespace ramstein {

const std::string& PublisherOf(const Model& model, const MeasureRecord& measure,
                               std::map<std::string, std::string>* cache) {
  static const std::string kNone;
  if (measure.evidence.empty()) return kNone;
  const std::string& source = measure.evidence[0].source;
  auto it = cache->find(source);
  if (it == cache->end()) {
    const auto* record = model.FindAs<SourceRecord>(source);
    it = cache->emplace(source, record ? record->publisher : source).first;
  }
  return it->second;
}

Result<MeasureFilter> MeasureFilterOf(const Model& model, const std::optional<std::string>& type,
                                      const std::optional<std::string>& publisher) {
  MeasureFilter filter;
  auto aid_type = AidTypeFilter(type);
  if (!aid_type.ok()) return aid_type.status();
  filter.type = *aid_type;
  if (!publisher) return filter;
  std::map<std::string, std::string> cache;
  std::set<std::string> cited;
  for (std::uint32_t number = 0; number < model.measures().size(); ++number) {
    const std::string& name = PublisherOf(model, model.Measure(number), &cache);
    if (name == *publisher) {
      filter.publisher = publisher;
      return filter;
    }
    cited.insert(name);
  }
  std::string names;
  for (const auto& name : cited) names += (names.empty() ? "'" : ", '") + name + "'";
  return Status::InvalidArgument("publisher: no measure cites a source of '" + *publisher +
                                 "' (measures cite " + (names.empty() ? "none" : names) + ")");
}

std::vector<char> KeptMeasures(const Model& model, const MeasureFilter& filter) {
  std::vector<char> kept(model.measures().size(), 1);
  std::map<std::string, std::string> cache;
  for (std::uint32_t number = 0; number < kept.size(); ++number) {
    const MeasureRecord& measure = model.Measure(number);
    if ((filter.type && measure.type != *filter.type) ||
        (filter.publisher && PublisherOf(model, measure, &cache) != *filter.publisher))
      kept[number] = 0;
  }
  return kept;
}

}  // namespace ramstein

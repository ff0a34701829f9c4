#include "db/extract.h"

#include <simdjson.h>

#include <algorithm>
#include <set>

#include "base/limits.h"
#include "base/utf8.h"
#include "ledger/canonical_json.h"
#include "ledger/checkpoint.h"
#include "ledger/record_codec.h"

namespace ramstein {

namespace {

constexpr std::string_view kExtractType = "ramstein-extract-1";
constexpr std::string_view kFormat = "ramstein-ledger-2";

std::string HeaderLine(const ExtractSummary& summary, const std::vector<std::string>& withhold) {
  CanonicalJson out;
  out.BeginObject();
  out.Key("events");
  out.Integer(static_cast<std::int64_t>(summary.events));
  out.Key("format");
  out.String(kFormat);
  out.Key("head");
  out.String(ToHex(summary.head));
  out.Key("ledger");
  out.String(summary.ledger);
  out.Key("root");
  out.String(ToHex(summary.root));
  out.Key("type");
  out.String(kExtractType);
  out.Key("withheld");
  out.BeginArray();
  for (const std::string& classification : withhold) out.String(classification);
  out.EndArray();
  out.EndObject();
  return out.Take() + "\n";
}

std::string EventLine(const EventView& event, const std::optional<std::string>& withheld_as) {
  CanonicalJson out;
  out.BeginObject();
  out.Key("author");
  out.String(event.author);
  if (withheld_as) {
    out.Key("classification");
    out.String(*withheld_as);
    out.Key("digest");
    out.String(ToHex(PayloadDigest(event.salt, event.payload)));
  }
  out.Key("hash");
  out.String(ToHex(event.hash));
  out.Key("kind");
  auto kind = RecordKindFromCode(event.type);
  out.String(kind ? RecordKindName(*kind) : "");
  if (!withheld_as) {
    out.Key("payload");
    out.String(event.payload);
    out.Key("salt");
    out.String(ToHex(event.salt));
  }
  out.Key("sequence");
  out.Integer(static_cast<std::int64_t>(event.sequence));
  out.Key("time_ms");
  out.Integer(event.time_ms);
  out.Key("type");
  out.Integer(event.type);
  out.EndObject();
  return out.Take() + "\n";
}

}  // namespace

Result<ExtractSummary> WriteExtract(EventStore& store, const std::vector<std::string>& withhold,
                                    const std::function<Status(std::string_view)>& write) {
  if (store.format() != EventFormat::v2) {
    return Status::InvalidArgument("a format-1 ledger's chain covers every payload, so none can be withheld; "
                                   "`ramstein migrate` makes a format-2 copy");
  }
  for (const std::string& classification : withhold) {
    if (std::find(std::begin(kWithholdable), std::end(kWithholdable), classification) == std::end(kWithholdable)) {
      return Status::InvalidArgument("cannot withhold '" + classification + "': coalition or restricted");
    }
  }
  std::vector<std::string> sorted = withhold;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  auto tree = ReadLedgerTree(store);
  if (!tree.ok()) return tree.status();
  ExtractSummary summary;
  summary.ledger = tree->id;
  summary.events = tree->size();
  summary.head = tree->size() ? tree->chain.back() : Hash{};
  summary.root = tree->tree.Root();
  RAMSTEIN_RETURN_IF_ERROR(write(HeaderLine(summary, sorted)));
  Status scanned = store.Scan(0, [&](const EventView& event) -> Status {
    if (event.sequence > summary.events) return Status::Ok();  // appended since the tree was read
    auto kind = RecordKindFromCode(event.type);
    if (!kind) return Status::Corruption("event " + std::to_string(event.sequence) + ": unknown type");
    auto record = DecodePayload(*kind, event.payload);
    if (!record.ok()) {
      return Status::Corruption("event " + std::to_string(event.sequence) + ": " + record.status().message());
    }
    const auto& classification = CommonOf(*record).classification;
    const bool withheld =
        classification && std::find(sorted.begin(), sorted.end(), *classification) != sorted.end();
    if (withheld) ++summary.withheld[*classification];
    return write(EventLine(event, withheld ? classification : std::nullopt));
  });
  if (!scanned.ok()) return scanned;
  return summary;
}

namespace {

Status LineError(const std::string& origin, std::size_t line, std::string_view field, const std::string& message) {
  return Status::DataError(origin + ":" + std::to_string(line) + ": field '" + std::string(field) + "': " + message);
}

// The fields of one line, each at most once, by name.
struct Fields {
  std::map<std::string, simdjson::dom::element, std::less<>> by_name;
  const simdjson::dom::element* Find(std::string_view name) const {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : &it->second;
  }
};

}  // namespace

Result<CheckedExtract> VerifyExtract(std::string_view text, const std::string& origin) {
  simdjson::dom::parser parser;
  CheckedExtract checked;
  ExtractSummary stated;
  std::set<std::string, std::less<>> withhold;
  ChainVerifier chain;
  std::string entry;
  std::size_t line = 0;
  std::size_t start = 0;
  bool header_read = false;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (content.size() > limits::record_line_bytes_max) {
      return Status::DataError(origin + ":" + std::to_string(line) + ": longer than " +
                               std::to_string(limits::record_line_bytes_max) + " bytes");
    }
    simdjson::dom::element root;
    simdjson::dom::object object;
    if (parser.parse(content.data(), content.size()).get(root) != simdjson::SUCCESS ||
        root.get_object().get(object) != simdjson::SUCCESS) {
      return Status::DataError(origin + ":" + std::to_string(line) + ": not a JSON object");
    }
    Fields fields;
    for (auto field : object) {
      if (!fields.by_name.emplace(std::string(field.key), field.value).second)
        return LineError(origin, line, field.key, "is given twice");
    }
    auto need_text = [&](std::string_view name, std::string_view* out) -> Status {
      const auto* value = fields.Find(name);
      if (!value) return LineError(origin, line, name, "required field is missing");
      if (value->get_string().get(*out) != simdjson::SUCCESS) return LineError(origin, line, name, "must be a string");
      return Status::Ok();
    };
    auto need_integer = [&](std::string_view name, std::int64_t min, std::int64_t* out) -> Status {
      const auto* value = fields.Find(name);
      if (!value) return LineError(origin, line, name, "required field is missing");
      if (value->get_int64().get(*out) != simdjson::SUCCESS || *out < min)
        return LineError(origin, line, name, "must be an integer of at least " + std::to_string(min));
      return Status::Ok();
    };
    auto need_hex = [&](std::string_view name, auto& out) -> Status {
      std::string_view hex;
      RAMSTEIN_RETURN_IF_ERROR(need_text(name, &hex));
      if (!FromHex(hex, out))
        return LineError(origin, line, name, "must be " + std::to_string(2 * out.size()) + " lower-case hex digits");
      return Status::Ok();
    };
    auto only = [&](std::initializer_list<std::string_view> known) -> Status {
      for (const auto& [name, value] : fields.by_name) {
        if (std::find(known.begin(), known.end(), name) == known.end())
          return LineError(origin, line, name, "is not a field of this line");
      }
      return Status::Ok();
    };

    if (!header_read) {
      header_read = true;
      std::string_view type, format, ledger;
      RAMSTEIN_RETURN_IF_ERROR(only({"events", "format", "head", "ledger", "root", "type", "withheld"}));
      RAMSTEIN_RETURN_IF_ERROR(need_text("type", &type));
      if (type != kExtractType) return LineError(origin, line, "type", "an extract begins with its " +
                                                                            std::string(kExtractType) + " line");
      RAMSTEIN_RETURN_IF_ERROR(need_text("format", &format));
      if (format != kFormat) return LineError(origin, line, "format", "must be " + std::string(kFormat));
      std::int64_t events = 0;
      RAMSTEIN_RETURN_IF_ERROR(need_integer("events", 0, &events));
      stated.events = static_cast<std::uint64_t>(events);
      RAMSTEIN_RETURN_IF_ERROR(need_hex("head", stated.head));
      RAMSTEIN_RETURN_IF_ERROR(need_hex("root", stated.root));
      RAMSTEIN_RETURN_IF_ERROR(need_text("ledger", &ledger));
      std::array<std::uint8_t, 16> id{};
      if (!ledger.empty() && !FromHex(ledger, id))
        return LineError(origin, line, "ledger", "must be 32 lower-case hex digits");
      stated.ledger = std::string(ledger);
      simdjson::dom::array list;
      const auto* withheld = fields.Find("withheld");
      if (!withheld || withheld->get_array().get(list) != simdjson::SUCCESS)
        return LineError(origin, line, "withheld", "must be a list of classifications");
      for (auto item : list) {
        std::string_view name;
        if (item.get_string().get(name) != simdjson::SUCCESS ||
            std::find(std::begin(kWithholdable), std::end(kWithholdable), name) == std::end(kWithholdable)) {
          return LineError(origin, line, "withheld", "holds coalition or restricted");
        }
        withhold.emplace(name);
      }
      continue;
    }

    std::int64_t sequence = 0, time_ms = 0, type = 0;
    std::string_view author, kind_name;
    Hash hash{};
    RAMSTEIN_RETURN_IF_ERROR(need_integer("sequence", 1, &sequence));
    RAMSTEIN_RETURN_IF_ERROR(need_integer("time_ms", INT64_MIN, &time_ms));
    RAMSTEIN_RETURN_IF_ERROR(need_integer("type", 0, &type));
    if (type > UINT16_MAX) return LineError(origin, line, "type", "must be at most 65535");
    RAMSTEIN_RETURN_IF_ERROR(need_text("author", &author));
    if (!IsValidUtf8(author)) return LineError(origin, line, "author", "is not valid UTF-8");
    RAMSTEIN_RETURN_IF_ERROR(need_text("kind", &kind_name));
    auto kind = RecordKindFromCode(static_cast<std::uint16_t>(type));
    if (!kind || RecordKindName(*kind) != kind_name) {
      return LineError(origin, line, "kind", "'" + std::string(kind_name) + "' is not the kind of type " +
                                                 std::to_string(type));
    }
    RAMSTEIN_RETURN_IF_ERROR(need_hex("hash", hash));
    EventHeader header{static_cast<std::uint64_t>(sequence), time_ms, static_cast<std::uint16_t>(type), author, {}};
    if (fields.Find("payload")) {
      RAMSTEIN_RETURN_IF_ERROR(only({"author", "hash", "kind", "payload", "salt", "sequence", "time_ms", "type"}));
      std::string_view payload;
      Salt salt{};
      RAMSTEIN_RETURN_IF_ERROR(need_text("payload", &payload));
      RAMSTEIN_RETURN_IF_ERROR(need_hex("salt", salt));
      auto record = DecodePayload(*kind, payload);
      if (!record.ok()) return LineError(origin, line, "payload", record.status().message());
      if (EncodePayload(*record) != payload) return LineError(origin, line, "payload", "is not canonical");
      const auto& classification = CommonOf(*record).classification;
      if (classification && withhold.count(*classification)) {
        return LineError(origin, line, "payload", "is " + *classification +
                                                      ", which this extract says it withholds: it was revealed");
      }
      header.payload_digest = PayloadDigest(salt, payload);
    } else {
      RAMSTEIN_RETURN_IF_ERROR(
          only({"author", "classification", "digest", "hash", "kind", "sequence", "time_ms", "type"}));
      std::string_view classification;
      RAMSTEIN_RETURN_IF_ERROR(need_text("classification", &classification));
      if (!withhold.count(classification)) {
        return LineError(origin, line, "classification", "'" + std::string(classification) +
                                                             "' is not a classification this extract withholds");
      }
      RAMSTEIN_RETURN_IF_ERROR(need_hex("digest", header.payload_digest));
      ++checked.summary.withheld[std::string(classification)];
    }
    Status linked = chain.NextHeader(header, hash);
    if (!linked.ok()) return Status::DataError(origin + ":" + std::to_string(line) + ": " + linked.message());
    entry.clear();
    AppendHeaderBytes(header, entry);
    checked.tree.tree.Append(MerkleLeafHash(entry));
    checked.tree.chain.push_back(hash);
    if (header.sequence == 1) checked.tree.id = LedgerId(hash);
  }
  if (!header_read) return Status::DataError(origin + ": empty, not an extract");
  const std::string end = origin + ": the extract ends at event " + std::to_string(chain.last_sequence());
  if (chain.last_sequence() != stated.events) {
    return Status::DataError(end + ", but its first line says " + std::to_string(stated.events) +
                             " events (events were removed or added)");
  }
  if (chain.last_hash() != stated.head) return Status::DataError(end + " with another head than its first line states");
  if (checked.tree.tree.Root() != stated.root) {
    return Status::DataError(end + ": its Merkle root is not the one its first line states");
  }
  if (checked.tree.id != stated.ledger) {
    return Status::DataError(origin + ": its first event gives ledger " + checked.tree.id + ", not " + stated.ledger);
  }
  checked.summary.ledger = stated.ledger;
  checked.summary.events = stated.events;
  checked.summary.head = stated.head;
  checked.summary.root = stated.root;
  return checked;
}

}  // namespace ramstein

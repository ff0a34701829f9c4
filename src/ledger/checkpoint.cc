#include "ledger/checkpoint.h"

#include <sodium.h>

#include <cstring>
#include <set>
#include <simdjson.h>

#include "base/check.h"
#include "ledger/canonical_json.h"

namespace ramstein {

namespace {

constexpr std::string_view kType = "ramstein-checkpoint-1";
constexpr std::string_view kCosignatureType = "ramstein-cosignature-1";

std::string_view TypeOf(const Checkpoint& c) { return c.witness.empty() ? kType : kCosignatureType; }
constexpr std::string_view kKeyMagic = "ramstein-signing-key-1 ";

void Sodium() {
  static const int ready = sodium_init();
  RAMSTEIN_CHECK(ready >= 0);
}

// The canonical JSON of the checkpoint's fields, with or without its signature.
std::string Json(const Checkpoint& c, bool with_signature) {
  CanonicalJson json;
  json.BeginObject();
  json.Key("head");
  json.String(ToHex(c.head));
  json.Key("key");
  json.String(ToHex(c.key));
  json.Key("ledger");
  json.String(c.ledger);
  json.Key("root");
  json.String(ToHex(c.root));
  json.Key("sequence");
  json.Integer(static_cast<std::int64_t>(c.sequence));
  if (with_signature) {
    json.Key("signature");
    json.String(ToHex(c.signature));
  }
  json.Key("time_ms");
  json.Integer(c.time_ms);
  json.Key("type");
  json.String(TypeOf(c));
  if (!c.witness.empty()) {
    json.Key("witness");
    json.String(c.witness);
  }
  json.EndObject();
  return json.Take();
}

Status FieldError(std::string_view field, std::string_view what) {
  return Status::DataError("checkpoint field '" + std::string(field) + "' " + std::string(what));
}

}  // namespace

std::string LedgerId(const Hash& first_event_hash) { return ToHex(first_event_hash.data(), 16); }

std::string CheckpointSignedBytes(const Checkpoint& checkpoint) {
  return std::string(TypeOf(checkpoint)) + "\n" + Json(checkpoint, false);
}

std::string CheckpointLine(const Checkpoint& checkpoint) { return Json(checkpoint, true); }

Result<Checkpoint> ParseCheckpoint(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) {
    return Status::DataError("a checkpoint is one line of JSON; this is not JSON");
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::DataError("a checkpoint is a JSON object");
  }
  Checkpoint c;
  std::string_view type;
  std::set<std::string, std::less<>> seen;
  for (auto field : object) {
    const std::string_view name = field.key;
    if (!seen.emplace(name).second) return FieldError(name, "is given twice");
    std::string_view text;
    const bool is_text = field.value.get_string().get(text) == simdjson::SUCCESS;
    if (name == "sequence" || name == "time_ms") {
      std::int64_t number = 0;
      if (field.value.get_int64().get(number) != simdjson::SUCCESS) {
        return FieldError(name, "must be an integer");
      }
      if (name == "sequence") {
        if (number < 1) return FieldError(name, "must be 1 or more");
        c.sequence = static_cast<std::uint64_t>(number);
      } else {
        if (number < 0) return FieldError(name, "must not be negative");
        c.time_ms = number;
      }
      continue;
    }
    if (!is_text) return FieldError(name, "must be a string");
    bool good = true;
    if (name == "head") {
      good = FromHex(text, c.head);
    } else if (name == "root") {
      good = FromHex(text, c.root);
    } else if (name == "key") {
      good = FromHex(text, c.key);
    } else if (name == "signature") {
      good = FromHex(text, c.signature);
    } else if (name == "ledger" || name == "witness") {
      std::array<std::uint8_t, 16> id{};
      good = FromHex(text, id);
      (name == "ledger" ? c.ledger : c.witness) = std::string(text);
    } else if (name == "type") {
      if (text != kType && text != kCosignatureType) {
        return FieldError(name, "must be \"" + std::string(kType) + "\" or \"" + std::string(kCosignatureType) + "\"");
      }
      type = text;
    } else {
      return FieldError(name, "is not a field of a checkpoint");
    }
    if (!good) {
      const std::size_t digits = name == "ledger" || name == "witness" ? 32 : name == "signature" ? 128 : 64;
      return FieldError(name, "must be " + std::to_string(digits) + " lower-case hex digits");
    }
  }
  for (std::string_view name : {"head", "key", "ledger", "root", "sequence", "signature", "time_ms", "type"}) {
    if (!seen.contains(name)) return FieldError(name, "is missing");
  }
  if ((type == kCosignatureType) != seen.contains("witness")) {
    return FieldError("witness", type == kCosignatureType ? "is missing" : "is only in a cosignature");
  }
  return c;
}

Result<ConsistencyProofLine> ParseConsistencyProof(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  auto error = [](std::string_view field, std::string_view what) {
    return Status::DataError("proof field '" + std::string(field) + "' " + std::string(what));
  };
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::object object;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS ||
      root.get_object().get(object) != simdjson::SUCCESS) {
    return Status::DataError("a proof is one line of JSON, an object");
  }
  ConsistencyProofLine proof;
  std::set<std::string, std::less<>> seen;
  for (auto field : object) {
    const std::string_view name = field.key;
    if (!seen.emplace(name).second) return error(name, "is given twice");
    std::string_view text;
    std::int64_t number = 0;
    if (name == "from_size" || name == "size") {
      if (field.value.get_int64().get(number) != simdjson::SUCCESS || number < 0) {
        return error(name, "must be a whole number");
      }
      (name == "size" ? proof.size : proof.from_size) = static_cast<std::uint64_t>(number);
    } else if (name == "consistency") {
      simdjson::dom::array list;
      if (field.value.get_array().get(list) != simdjson::SUCCESS) return error(name, "must be a list of hashes");
      for (auto item : list) {
        Hash hash{};
        if (item.get_string().get(text) != simdjson::SUCCESS || !FromHex(text, hash) || proof.hashes.size() >= 128) {
          return error(name, "must be at most 128 hashes of 64 lower-case hex digits");
        }
        proof.hashes.push_back(hash);
      }
    } else if (name == "from_root" || name == "root") {
      if (field.value.get_string().get(text) != simdjson::SUCCESS ||
          !FromHex(text, name == "root" ? proof.root : proof.from_root)) {
        return error(name, "must be 64 lower-case hex digits");
      }
    } else if (name == "ledger") {
      std::array<std::uint8_t, 16> id{};
      if (field.value.get_string().get(text) != simdjson::SUCCESS || !FromHex(text, id)) {
        return error(name, "must be 32 lower-case hex digits");
      }
      proof.ledger = std::string(text);
    } else {
      return error(name, "is not a field of a consistency proof");
    }
  }
  for (std::string_view name : {"consistency", "from_root", "from_size", "ledger", "root", "size"}) {
    if (!seen.contains(name)) return error(name, "is missing");
  }
  return proof;
}

bool CheckpointSignatureValid(const Checkpoint& checkpoint) {
  Sodium();
  const std::string bytes = CheckpointSignedBytes(checkpoint);
  return crypto_sign_verify_detached(checkpoint.signature.data(),
                                     reinterpret_cast<const unsigned char*>(bytes.data()),
                                     bytes.size(), checkpoint.key.data()) == 0;
}

SigningKey SigningKey::Generate() {
  Sodium();
  SigningKey key;
  crypto_sign_keypair(key.public_key_.data(), key.secret_.data());
  return key;
}

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

std::string SigningKey::FileText() const { return std::string(kKeyMagic) + ToHex(secret_) + "\n"; }

Result<SigningKey> SigningKey::FromFileText(std::string_view text) {
  Sodium();
  SigningKey key;
  if (!text.starts_with(kKeyMagic) || !text.ends_with("\n") ||
      !FromHex(text.substr(kKeyMagic.size(), text.size() - kKeyMagic.size() - 1), key.secret_)) {
    return Status::DataError("not \"" + std::string(kKeyMagic) + "\" and 128 lower-case hex digits");
  }
  // The secret key is a seed and the public key made from it: halves that
  // disagree were damaged.
  std::array<std::uint8_t, 32> seed{};
  std::array<std::uint8_t, 64> remade{};
  crypto_sign_ed25519_sk_to_seed(seed.data(), key.secret_.data());
  crypto_sign_seed_keypair(key.public_key_.data(), remade.data(), seed.data());
  sodium_memzero(seed.data(), seed.size());
  sodium_memzero(remade.data(), remade.size());
  if (std::memcmp(key.public_key_.data(), key.secret_.data() + 32, 32) != 0) {
    return Status::DataError("its halves disagree");
  }
  return key;
}

void SigningKey::Sign(Checkpoint& checkpoint) const {
  Sodium();
  checkpoint.key = public_key_;
  const std::string bytes = CheckpointSignedBytes(checkpoint);
  crypto_sign_detached(checkpoint.signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                       secret_.data());
}

}  // namespace ramstein

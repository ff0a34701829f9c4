#include "ledger/event.h"

#include <sodium.h>

#include <cstring>

#include "base/check.h"

namespace ramstein {

namespace {

template <typename T>
void AppendLittleEndian(std::string& out, T value) {
  auto bits = static_cast<std::make_unsigned_t<T>>(value);
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
}

void AppendBlock(std::string& out, std::string_view bytes) {
  RAMSTEIN_CHECK(bytes.size() <= UINT32_MAX);
  AppendLittleEndian(out, static_cast<std::uint32_t>(bytes.size()));
  out.append(bytes);
}

}  // namespace

void AppendCanonicalBytes(const EventView& event, std::string& out) {
  out.append("RMSEV1", 6);
  AppendLittleEndian(out, event.sequence);
  AppendLittleEndian(out, event.time_ms);
  AppendLittleEndian(out, event.type);
  AppendBlock(out, event.author);
  AppendBlock(out, event.sources);
  AppendBlock(out, event.payload);
}

Hash ChainHash(const Hash& previous, const EventView& event, std::string& scratch) {
  // sodium_init selects the fastest implementation; it is idempotent and thread-safe.
  static const int sodium_ready = sodium_init();
  RAMSTEIN_CHECK(sodium_ready >= 0);
  scratch.assign(reinterpret_cast<const char*>(previous.data()), previous.size());
  AppendCanonicalBytes(event, scratch);
  Hash hash;
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(scratch.data()), scratch.size(),
                     nullptr, 0);
  return hash;
}

std::string ToHex(const std::uint8_t* bytes, std::size_t size) {
  std::string hex(2 * size + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

std::string HashToHex(const Hash& hash) { return ToHex(hash.data(), hash.size()); }

Status ChainVerifier::Next(const EventView& event) {
  if (event.sequence != last_sequence_ + 1) {
    return Status::Corruption("event " + std::to_string(last_sequence_ + 1) +
                              " is missing or out of order (found event " +
                              std::to_string(event.sequence) + " after event " +
                              std::to_string(last_sequence_) + ")");
  }
  Hash computed = ChainHash(last_hash_, event, scratch_);
  if (computed != event.hash) {
    return Status::Corruption("event " + std::to_string(event.sequence) +
                              ": bytes do not match its hash (stored " + HashToHex(event.hash) +
                              ", computed " + HashToHex(computed) + ")");
  }
  last_sequence_ = event.sequence;
  last_hash_ = computed;
  return Status::Ok();
}

}  // namespace ramstein

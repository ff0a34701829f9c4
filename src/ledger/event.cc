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

// sodium_init selects the fastest implementation; it is idempotent and thread-safe.
void EnsureSodium() {
  static const int sodium_ready = sodium_init();
  RAMSTEIN_CHECK(sodium_ready >= 0);
}

Hash Blake2b(std::string_view bytes) {
  EnsureSodium();
  Hash hash;
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  return hash;
}

}  // namespace

Event Event::Of(const EventView& view) {
  Event event;
  event.sequence = view.sequence;
  event.time_ms = view.time_ms;
  event.author = view.author;
  event.type = view.type;
  event.sources = view.sources;
  event.payload = view.payload;
  event.hash = view.hash;
  event.format = view.format;
  event.salt = view.salt;
  return event;
}

Hash PayloadDigest(const Salt& salt, std::string_view payload) {
  EnsureSodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  crypto_generichash_update(&state, salt.data(), salt.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  Hash digest;
  crypto_generichash_final(&state, digest.data(), digest.size());
  return digest;
}

Salt RandomSalt() {
  EnsureSodium();
  Salt salt;
  randombytes_buf(salt.data(), salt.size());
  return salt;
}

void RandomSalts(Salt* salts, std::size_t count) {
  EnsureSodium();
  static_assert(sizeof(Salt) == 16);
  randombytes_buf(salts, count * sizeof(Salt));
}

EventHeader HeaderOf(const EventView& event) {
  return {event.sequence, event.time_ms, event.type, event.author, PayloadDigest(event.salt, event.payload)};
}

void AppendHeaderBytes(const EventHeader& header, std::string& out) {
  out.append("RMSEV2", 6);
  AppendLittleEndian(out, header.sequence);
  AppendLittleEndian(out, header.time_ms);
  AppendLittleEndian(out, header.type);
  AppendBlock(out, header.author);
  out.append(reinterpret_cast<const char*>(header.payload_digest.data()), header.payload_digest.size());
}

void AppendCanonicalBytes(const EventView& event, std::string& out) {
  if (event.format == EventFormat::v2) return AppendHeaderBytes(HeaderOf(event), out);
  out.append("RMSEV1", 6);
  AppendLittleEndian(out, event.sequence);
  AppendLittleEndian(out, event.time_ms);
  AppendLittleEndian(out, event.type);
  AppendBlock(out, event.author);
  AppendBlock(out, event.sources);
  AppendBlock(out, event.payload);
}

Hash ChainHash(const Hash& previous, const EventView& event, std::string& scratch) {
  scratch.assign(reinterpret_cast<const char*>(previous.data()), previous.size());
  AppendCanonicalBytes(event, scratch);
  return Blake2b(scratch);
}

Hash ChainHashOfHeader(const Hash& previous, const EventHeader& header, std::string& scratch) {
  scratch.assign(reinterpret_cast<const char*>(previous.data()), previous.size());
  AppendHeaderBytes(header, scratch);
  return Blake2b(scratch);
}

std::string ToHex(const std::uint8_t* bytes, std::size_t size) {
  std::string hex(2 * size + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

std::string HashToHex(const Hash& hash) { return ToHex(hash.data(), hash.size()); }

bool FromHex(std::string_view hex, std::uint8_t* out, std::size_t size) {
  if (hex.size() != 2 * size) return false;
  for (char c : hex) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  std::size_t length = 0;
  return sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &length, nullptr) == 0 && length == size;
}

Status ChainVerifier::Next(const EventView& event) {
  if (event.sequence != last_sequence_ + 1) return Follow(event.sequence, {}, event.hash);
  return Follow(event.sequence, ChainHash(last_hash_, event, scratch_), event.hash);
}

Status ChainVerifier::NextHeader(const EventHeader& header, const Hash& stored) {
  if (header.sequence != last_sequence_ + 1) return Follow(header.sequence, {}, stored);
  return Follow(header.sequence, ChainHashOfHeader(last_hash_, header, scratch_), stored);
}

Status ChainVerifier::Follow(std::uint64_t sequence, const Hash& computed, const Hash& stored) {
  if (sequence != last_sequence_ + 1) {
    return Status::Corruption("event " + std::to_string(last_sequence_ + 1) +
                              " is missing or out of order (found event " + std::to_string(sequence) +
                              " after event " + std::to_string(last_sequence_) + ")");
  }
  if (computed != stored) {
    return Status::Corruption("event " + std::to_string(sequence) + ": bytes do not match its hash (stored " +
                              HashToHex(stored) + ", computed " + HashToHex(computed) + ")");
  }
  last_sequence_ = sequence;
  last_hash_ = computed;
  return Status::Ok();
}

}  // namespace ramstein

// Checkpoint: a ledger's signed statement of what it held at one moment
// (its id, the number of events, the chain head and the Merkle root over
// them, the time), made to be held by others: a donor, an auditor or a
// newspaper keeps the line, and `ramstein verify --checkpoint` later holds
// the ledger to it. Specified in docs/formats/checkpoints.md.
//
// A checkpoint is one line of canonical JSON:
//   {"head":HEX64,"key":HEX64,"ledger":HEX32,"root":HEX64,"sequence":N,
//    "signature":HEX128,"time_ms":T,"type":"ramstein-checkpoint-1"}
// The signature is Ed25519 (libsodium crypto_sign_detached) by `key` over
// "ramstein-checkpoint-1\n" followed by the same line without "signature".
//
// A cosignature is the same statement made by a witness, another ledger
// that checked it extends what it saw of this one before: the same fields
// and a "witness" (the witness ledger's id), "type":"ramstein-cosignature-1",
// signed by the witness's key over "ramstein-cosignature-1\n" and the line
// without "signature". It is held to the ledger exactly as a checkpoint is.
//
// Pure and without I/O, as the rest of ledger/: the key's file is app/'s.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ledger/event.h"

namespace ramstein {

using PublicKey = std::array<std::uint8_t, 32>;
using Signature = std::array<std::uint8_t, 64>;

struct Checkpoint {
  std::string ledger;          // the ledger's id (LedgerId): 32 lower-case hex digits
  std::uint64_t sequence = 0;  // it covers events 1..sequence; at least 1
  Hash head{};                 // the chain hash of event `sequence`
  Hash root{};                 // the Merkle root of events 1..sequence
  std::int64_t time_ms = 0;    // when it was signed, ms since the Unix epoch
  PublicKey key{};             // who signed it
  Signature signature{};
  std::string witness;         // a cosignature's: the witness ledger's id; "" for the ledger's own
};

// A ledger's id: the first 16 bytes of the chain hash of its first event, in
// hex. Two ledgers that share it began with the same event; one that is a
// fork of another keeps its id, so checkpoints of both are compared.
std::string LedgerId(const Hash& first_event_hash);

// The bytes the signature covers.
std::string CheckpointSignedBytes(const Checkpoint& checkpoint);
// The checkpoint as its one line of canonical JSON, without a newline.
std::string CheckpointLine(const Checkpoint& checkpoint);
// Parses one line (a trailing "\r" or "\n" allowed). DataError naming the
// field for anything but exactly the fields above, with their forms; the
// signature is not checked here.
Result<Checkpoint> ParseCheckpoint(std::string_view line);
// Whether `checkpoint.signature` is `checkpoint.key`'s over its bytes.
bool CheckpointSignatureValid(const Checkpoint& checkpoint);

// What `ramstein prove --from A --checkpoint B` prints: the RFC 9162
// consistency proof that the tree of B extends the tree of A, as one line
// of JSON {"consistency":[HEX64...],"from_root","from_size","ledger","root","size"}.
struct ConsistencyProofLine {
  std::string ledger;
  std::uint64_t from_size = 0;
  Hash from_root{};
  std::uint64_t size = 0;
  Hash root{};
  std::vector<Hash> hashes;
};
// DataError naming the field for anything but exactly those fields.
Result<ConsistencyProofLine> ParseConsistencyProof(std::string_view line);

// An Ed25519 key pair. The file that keeps it (app/signing_key_file.h)
// holds "ramstein-signing-key-1 ", the 64-byte libsodium secret key (seed,
// then public key) in hex, and a newline.
class SigningKey {
 public:
  // A new random key pair.
  static SigningKey Generate();
  // The key in a key file's text: DataError when it is not one, or its
  // halves disagree (the file was damaged).
  static Result<SigningKey> FromFileText(std::string_view text);
  std::string FileText() const;
  ~SigningKey();

  const PublicKey& public_key() const { return public_key_; }
  // Fills in `checkpoint.key` and signs it.
  void Sign(Checkpoint& checkpoint) const;

 private:
  SigningKey() = default;
  std::array<std::uint8_t, 64> secret_{};
  PublicKey public_key_{};
};

}  // namespace ramstein

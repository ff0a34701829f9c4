// MerkleTree: the Merkle tree over a ledger's events that checkpoints
// commit to, with the proofs a reader checks them by.
//
// The tree, its proofs and their verification are RFC 9162's (Certificate
// Transparency 2.0, section 2.1) with BLAKE2b-256 (libsodium's unkeyed
// crypto_generichash, 32-byte digest) in place of SHA-256:
//   leaf hash   = BLAKE2b-256(0x00 || entry)
//   node hash   = BLAKE2b-256(0x01 || left || right)
//   root of {}  = BLAKE2b-256("")
//   root of n > 1 leaves: node hash of the root of the first k leaves and of
//   the root of the rest, k the largest power of two below n.
// docs/formats/events.md says what an entry is (an event's header) and
// pins a root computed by an independent implementation.
//
// Inclusion proof (RFC 9162 2.1.3): the hashes that, with one leaf, give
// the root of a tree of `size` leaves. Consistency proof (2.1.4): the
// hashes that show a tree of `new_size` leaves extends one of `old_size`
// leaves, without the leaves between them. Each has O(log n) hashes.
//
// Thread safety: a const MerkleTree may be read by several threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ledger/event.h"

namespace ramstein {

Hash MerkleLeafHash(std::string_view entry);
Hash MerkleNodeHash(const Hash& left, const Hash& right);
Hash MerkleEmptyRoot();

class MerkleTree {
 public:
  MerkleTree() = default;

  // Adds the leaf hash of the next entry: amortised one node hash.
  void Append(const Hash& leaf_hash);
  std::uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }
  // The leaf hash of entry `index`. REQUIRES: index < size().
  const Hash& Leaf(std::uint64_t index) const { return levels_[0][index]; }

  // The root of the tree of the first `size` leaves. REQUIRES: size <= size().
  Hash Root(std::uint64_t size) const;
  Hash Root() const { return Root(size()); }

  // The proof that leaf `index` (0-based) is in the tree of the first `size`
  // leaves. REQUIRES: index < size <= size().
  std::vector<Hash> InclusionProof(std::uint64_t index, std::uint64_t size) const;

  // The proof that the tree of the first `new_size` leaves extends the tree
  // of the first `old_size`. Empty when old_size is 0 or equals new_size.
  // REQUIRES: old_size <= new_size <= size().
  std::vector<Hash> ConsistencyProof(std::uint64_t old_size, std::uint64_t new_size) const;

 private:
  // The root of leaves [begin, end). REQUIRES: begin < end <= size().
  Hash Range(std::uint64_t begin, std::uint64_t end) const;
  void Path(std::uint64_t index, std::uint64_t begin, std::uint64_t end, std::vector<Hash>& out) const;
  void SubProof(std::uint64_t old_end, std::uint64_t begin, std::uint64_t end, bool whole,
                std::vector<Hash>& out) const;

  // levels_[h][i]: the root of the perfect subtree of leaves
  // [i * 2^h, (i + 1) * 2^h); only complete subtrees are kept.
  std::vector<std::vector<Hash>> levels_;
};

// RFC 9162 2.1.3.2: whether `proof` shows the leaf `leaf_hash` at `index` in
// the tree of `size` leaves whose root is `root`.
bool VerifyInclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf_hash,
                     std::span<const Hash> proof, const Hash& root);

// RFC 9162 2.1.4.2: whether `proof` shows the tree of `new_size` leaves with
// root `new_root` extends the tree of `old_size` leaves with root `old_root`.
bool VerifyConsistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, std::span<const Hash> proof);

}  // namespace ramstein

#include "ledger/merkle_tree.h"

#include <sodium.h>

#include <bit>

#include "base/check.h"

namespace ramstein {

namespace {

// The largest power of two below n. REQUIRES: n > 1.
std::uint64_t SplitPoint(std::uint64_t n) { return std::bit_floor(n - 1); }

// One step of RFC 9162's walk up the tree (2.1.3.2, 2.1.4.2) from node fn
// of the last node sn: whether the next proof hash is the left sibling;
// fn and sn then move up past the levels where fn has no right sibling.
bool LeftSibling(std::uint64_t& fn, std::uint64_t& sn) {
  if ((fn & 1) == 0 && fn != sn) return false;
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
  return true;
}

Hash Blake2b(std::span<const unsigned char> bytes) {
  static const int sodium_ready = sodium_init();
  RAMSTEIN_CHECK(sodium_ready >= 0);
  Hash hash;
  crypto_generichash(hash.data(), hash.size(), bytes.data(), bytes.size(), nullptr, 0);
  return hash;
}

}  // namespace

Hash MerkleLeafHash(std::string_view entry) {
  std::vector<unsigned char> bytes(1 + entry.size());
  bytes[0] = 0x00;
  std::copy(entry.begin(), entry.end(), bytes.begin() + 1);
  return Blake2b(bytes);
}

Hash MerkleNodeHash(const Hash& left, const Hash& right) {
  unsigned char bytes[1 + 2 * sizeof(Hash)];
  bytes[0] = 0x01;
  std::copy(left.begin(), left.end(), bytes + 1);
  std::copy(right.begin(), right.end(), bytes + 1 + left.size());
  return Blake2b(bytes);
}

Hash MerkleEmptyRoot() { return Blake2b({}); }

void MerkleTree::Append(const Hash& leaf_hash) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf_hash);
  for (std::size_t h = 0; levels_[h].size() % 2 == 0; ++h) {
    if (levels_.size() == h + 1) levels_.emplace_back();
    const auto& level = levels_[h];
    levels_[h + 1].push_back(MerkleNodeHash(level[level.size() - 2], level.back()));
  }
}

Hash MerkleTree::Range(std::uint64_t begin, std::uint64_t end) const {
  const std::uint64_t n = end - begin;
  if (std::has_single_bit(n) && begin % n == 0) {
    return levels_[std::countr_zero(n)][begin / n];
  }
  const std::uint64_t k = SplitPoint(n);
  return MerkleNodeHash(Range(begin, begin + k), Range(begin + k, end));
}

Hash MerkleTree::Root(std::uint64_t size) const {
  RAMSTEIN_CHECK(size <= this->size());
  return size == 0 ? MerkleEmptyRoot() : Range(0, size);
}

void MerkleTree::Path(std::uint64_t index, std::uint64_t begin, std::uint64_t end,
                      std::vector<Hash>& out) const {
  if (end - begin == 1) return;
  const std::uint64_t k = SplitPoint(end - begin);
  if (index < begin + k) {
    Path(index, begin, begin + k, out);
    out.push_back(Range(begin + k, end));
  } else {
    Path(index, begin + k, end, out);
    out.push_back(Range(begin, begin + k));
  }
}

std::vector<Hash> MerkleTree::InclusionProof(std::uint64_t index, std::uint64_t size) const {
  RAMSTEIN_CHECK(index < size && size <= this->size());
  std::vector<Hash> out;
  Path(index, 0, size, out);
  return out;
}

// RFC 9162's SUBPROOF(m, D[begin:end], whole), m = old_end - begin.
void MerkleTree::SubProof(std::uint64_t old_end, std::uint64_t begin, std::uint64_t end,
                          bool whole, std::vector<Hash>& out) const {
  if (old_end == end) {
    if (!whole) out.push_back(Range(begin, end));
    return;
  }
  const std::uint64_t k = SplitPoint(end - begin);
  if (old_end - begin <= k) {
    SubProof(old_end, begin, begin + k, whole, out);
    out.push_back(Range(begin + k, end));
  } else {
    SubProof(old_end, begin + k, end, false, out);
    out.push_back(Range(begin, begin + k));
  }
}

std::vector<Hash> MerkleTree::ConsistencyProof(std::uint64_t old_size, std::uint64_t new_size) const {
  RAMSTEIN_CHECK(old_size <= new_size && new_size <= size());
  std::vector<Hash> out;
  if (old_size == 0 || old_size == new_size) return out;
  SubProof(old_size, 0, new_size, true, out);
  return out;
}

bool VerifyInclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf_hash,
                     std::span<const Hash> proof, const Hash& root) {
  if (index >= size) return false;
  std::uint64_t fn = index;
  std::uint64_t sn = size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    r = LeftSibling(fn, sn) ? MerkleNodeHash(p, r) : MerkleNodeHash(r, p);
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool VerifyConsistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, std::span<const Hash> proof) {
  if (old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (old_size == 0) return proof.empty() && old_root == MerkleEmptyRoot();
  if (proof.empty()) return false;
  std::vector<Hash> path;
  if (std::has_single_bit(old_size)) path.push_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  std::uint64_t fn = old_size - 1;
  std::uint64_t sn = new_size - 1;
  while ((fn & 1) != 0) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0];
  Hash sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return false;
    if (LeftSibling(fn, sn)) {
      fr = MerkleNodeHash(c, fr);
      sr = MerkleNodeHash(c, sr);
    } else {
      sr = MerkleNodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;
}

}  // namespace ramstein

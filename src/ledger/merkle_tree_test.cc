#include "ledger/merkle_tree.h"

#include <gtest/gtest.h>

#include <bit>
#include <string>
#include <vector>

namespace ramstein {
namespace {

// RFC 6962's test leaves (its Merkle tree test data), entries as bytes.
std::vector<std::string> TestEntries() {
  return {"", std::string(1, '\x00'), "\x10", "\x20\x21", "\x30\x31", "\x40\x41\x42\x43",
          "\x50\x51\x52\x53\x54\x55\x56\x57",
          "\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f"};
}

// The root as RFC 9162 defines it, recursively, from the leaf hashes alone.
Hash DefinedRoot(const std::vector<Hash>& leaves, std::size_t begin, std::size_t end) {
  if (end == begin) return MerkleEmptyRoot();
  if (end - begin == 1) return leaves[begin];
  std::size_t k = 1;
  while (2 * k < end - begin) k *= 2;
  return MerkleNodeHash(DefinedRoot(leaves, begin, begin + k), DefinedRoot(leaves, begin + k, end));
}

std::vector<Hash> Leaves(std::size_t n) {
  std::vector<Hash> leaves;
  for (std::size_t i = 0; i < n; ++i) leaves.push_back(MerkleLeafHash("entry " + std::to_string(i)));
  return leaves;
}

MerkleTree TreeOf(const std::vector<Hash>& leaves) {
  MerkleTree tree;
  for (const Hash& leaf : leaves) tree.Append(leaf);
  return tree;
}

// Roots computed by Python's hashlib.blake2b(digest_size=32) from RFC 9162's
// definition, independently of this code; docs/formats/events.md pins the same.
TEST(MerkleTreeTest, RootsMatchAnIndependentImplementation) {
  MerkleTree tree;
  EXPECT_EQ(HashToHex(tree.Root()), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  for (const std::string& entry : TestEntries()) tree.Append(MerkleLeafHash(entry));
  EXPECT_EQ(HashToHex(tree.Root(1)), "03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");
  EXPECT_EQ(HashToHex(tree.Root(2)), "607844f4b0299f5c45d63dd035de1f8d697711c7f092b8fa82325f670f6d386a");
  EXPECT_EQ(HashToHex(tree.Root(3)), "6ee5d7ded74104b2316b73f9843e14d16d9c5f553a39cbd7da7c3c8238fe0b0e");
  EXPECT_EQ(HashToHex(tree.Root(7)), "ae8349a901b95ac305157e4ff4f5cf486653fed085ea4dd59a59c9375682933e");
  EXPECT_EQ(HashToHex(tree.Root(8)), "59cc7108743d34853ea37ea07558da3407712c7f0fdb76e59753eb243e0c438e");
}

TEST(MerkleTreeTest, EveryPrefixRootIsTheDefinedOne) {
  const auto leaves = Leaves(130);
  const MerkleTree tree = TreeOf(leaves);
  for (std::size_t n = 0; n <= leaves.size(); ++n) {
    ASSERT_EQ(tree.Root(n), DefinedRoot(leaves, 0, n)) << n;
  }
}

TEST(MerkleTreeTest, EveryInclusionProofVerifiesAndNoOtherLeafOrPlaceDoes) {
  const auto leaves = Leaves(45);
  const MerkleTree tree = TreeOf(leaves);
  for (std::uint64_t size = 1; size <= leaves.size(); ++size) {
    const Hash root = tree.Root(size);
    for (std::uint64_t index = 0; index < size; ++index) {
      const auto proof = tree.InclusionProof(index, size);
      ASSERT_LE(proof.size(), 64u - std::countl_zero(size));
      ASSERT_TRUE(VerifyInclusion(index, size, leaves[index], proof, root)) << index << " of " << size;
      // Another leaf, another place, another size, a changed hash: each refused.
      EXPECT_FALSE(VerifyInclusion(index, size, leaves[(index + 1) % leaves.size()], proof, root));
      if (size > 1) {
        EXPECT_FALSE(VerifyInclusion((index + 1) % size, size, leaves[index], proof, root));
      }
      // (The size is not bound by the proof: a path can have the same shape in
      // a tree one larger. A checkpoint signs the root together with its size.)
      EXPECT_FALSE(VerifyInclusion(size, size, leaves[index], proof, root));
      for (std::size_t i = 0; i < proof.size(); ++i) {
        auto damaged = proof;
        damaged[i][i % 32] ^= 0x01;
        EXPECT_FALSE(VerifyInclusion(index, size, leaves[index], damaged, root));
      }
      if (!proof.empty()) {
        auto shorter = proof;
        shorter.pop_back();
        EXPECT_FALSE(VerifyInclusion(index, size, leaves[index], shorter, root));
      }
    }
  }
}

TEST(MerkleTreeTest, EveryConsistencyProofVerifiesAndARewrittenPastDoesNot) {
  const auto leaves = Leaves(40);
  const MerkleTree tree = TreeOf(leaves);
  // The same ledger with one early entry rewritten: its old roots differ.
  auto rewritten = leaves;
  rewritten[2] = MerkleLeafHash("rewritten");
  const MerkleTree forked = TreeOf(rewritten);
  for (std::uint64_t new_size = 0; new_size <= leaves.size(); ++new_size) {
    for (std::uint64_t old_size = 0; old_size <= new_size; ++old_size) {
      const auto proof = tree.ConsistencyProof(old_size, new_size);
      ASSERT_LE(proof.size(), 2u * (64u - std::countl_zero(new_size)));
      const Hash old_root = tree.Root(old_size);
      const Hash new_root = tree.Root(new_size);
      ASSERT_TRUE(VerifyConsistency(old_size, new_size, old_root, new_root, proof))
          << old_size << " -> " << new_size;
      if (old_size > 2) {
        // A checkpoint of the original past, against the fork's present.
        const auto fork_proof = forked.ConsistencyProof(old_size, new_size);
        EXPECT_FALSE(VerifyConsistency(old_size, new_size, old_root, forked.Root(new_size), fork_proof));
      }
      if (old_size > 0 && old_size < new_size) {
        EXPECT_FALSE(VerifyConsistency(new_size, old_size, new_root, old_root, proof));
        EXPECT_FALSE(VerifyConsistency(old_size, new_size, old_root, old_root, proof));
        for (std::size_t i = 0; i < proof.size(); ++i) {
          auto damaged = proof;
          damaged[i][0] ^= 0x80;
          EXPECT_FALSE(VerifyConsistency(old_size, new_size, old_root, new_root, damaged));
        }
        EXPECT_FALSE(VerifyConsistency(old_size, new_size, old_root, new_root, {}));
      }
    }
  }
}

}  // namespace
}  // namespace ramstein

// BlockVector: a sequence that grows in blocks of a fixed number of
// entries; the model keeps every stored record in one. Growing it never
// moves an entry (pointers stay valid, as in a deque), and a whole block
// can be built on another thread and added at once, which is how a
// snapshot's records are read back in parallel.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace ramstein {

template <typename T>
class BlockVector {
 public:
  static constexpr std::size_t block_size = 16'384;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const { return blocks_[i / block_size][i % block_size]; }
  T& operator[](std::size_t i) { return blocks_[i / block_size][i % block_size]; }
  const T& back() const { return (*this)[size_ - 1]; }

  void push_back(T value) {
    if (size_ % block_size == 0) {
      blocks_.emplace_back();
      blocks_.back().reserve(block_size);  // never reallocated: its records stay put
    }
    blocks_.back().push_back(std::move(value));
    ++size_;
  }
  // A block of exactly block_size records (fewer only for the last), built
  // elsewhere. REQUIRES: size() is a multiple of block_size, and `block`
  // has capacity block_size (so that later push_backs never move it).
  void AppendBlock(std::vector<T> block) {
    size_ += block.size();
    blocks_.push_back(std::move(block));
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator(const BlockVector* owner, std::size_t i) : owner_(owner), i_(i) {}
    const T& operator*() const { return (*owner_)[i_]; }
    const T* operator->() const { return &(*owner_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const const_iterator& other) const { return i_ == other.i_; }

   private:
    const BlockVector* owner_;
    std::size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  std::vector<std::vector<T>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace ramstein

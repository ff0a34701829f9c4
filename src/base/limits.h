// Every limit on outside input, named once with its unit. Loops over input
// are bounded by one of these.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ramstein::limits {

// One JSON Lines record; a longer line is rejected, not read into memory.
inline constexpr std::size_t record_line_bytes_max = 16u << 20;
// Events appended by one batch (one import file, one `add`).
inline constexpr std::size_t batch_events_max = 20'000'000;
// Measures `ramstein gen` writes: about 1.7 events each, so that what it
// writes is one import (batch_events_max).
inline constexpr std::size_t gen_measures_max = 10'000'000;
// Line items in one measure, holds in one hold record, and similar lists.
inline constexpr std::size_t record_list_items_max = 100'000;
// Any single string field (names, quotes, URLs).
inline constexpr std::size_t field_bytes_max = 64u << 10;
// A source document's text.
inline constexpr std::size_t source_document_bytes_max = 8u << 20;
// Who recorded an event (the CLI's --author, a user's name).
inline constexpr std::size_t author_bytes_max = 200;
// A settings file (base/config_file.h).
inline constexpr std::size_t config_file_bytes_max = 64u << 10;
// A file of checkpoints that `verify --checkpoint` reads, and the
// checkpoints in it (one per line).
inline constexpr std::size_t checkpoint_file_bytes_max = 16u << 20;
inline constexpr std::size_t checkpoint_line_bytes_max = 4096;
// An extract (export --format events) read by verify --extract.
inline constexpr std::size_t extract_file_bytes_max = std::size_t{8} << 30;
// Identifiers of records.
inline constexpr std::size_t record_id_bytes_max = 200;
// Quantities: more than any physical stock, small enough that
// quantity * value never overflows 128-bit intermediate arithmetic.
inline constexpr std::int64_t quantity_max = 1'000'000'000'000;
// Money: 10^17 minor units (10^15 units of a currency with two decimals).
inline constexpr std::int64_t money_minor_max = 100'000'000'000'000'000;

}  // namespace ramstein::limits

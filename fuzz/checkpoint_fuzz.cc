// libFuzzer target: the checkpoint line parser (ledger/checkpoint.h), for
// checkpoints and cosignatures, and the consistency proof parser. A line it
// accepts must print back to a line that parses to the same checkpoint,
// and checking its signature must not crash whatever the bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ledger/checkpoint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ramstein;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto proof = ParseConsistencyProof(text); proof.ok() && proof->hashes.size() > 128) std::abort();
  auto checkpoint = ParseCheckpoint(text);
  if (!checkpoint.ok()) return 0;
  const std::string line = CheckpointLine(*checkpoint);
  auto again = ParseCheckpoint(line);
  if (!again.ok() || CheckpointLine(*again) != line) std::abort();
  (void)CheckpointSignatureValid(*checkpoint);
  return 0;
}

// The ledger's signing key in a file of its own, never in the ledger:
// created with mode 0600 and never over an existing file, and refused when
// group or others may read it (as ssh refuses such a key). The file's text
// is ledger/checkpoint.h's SigningKey::FileText().
#pragma once

#include <string>

#include "base/status.h"
#include "ledger/checkpoint.h"

namespace ramstein {

// A new key pair written to `path`, synced: Conflict when the file exists,
// IoError when it cannot be written (then no file is left).
Result<SigningKey> CreateSigningKeyFile(const std::string& path);
// The key in `path`: IoError when absent or unreadable, DataError naming
// the file when others may read it or it is damaged.
Result<SigningKey> LoadSigningKeyFile(const std::string& path);

}  // namespace ramstein

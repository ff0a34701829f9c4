// BuildId: the GNU build ID the linker wrote into the running program (a
// hash of its code), or "" when it has none. Derived data that only this
// very build may read back (the model's snapshots) is keyed by it.
#pragma once

#include <string>

namespace ramstein {

// Lower-case hex; computed once.
const std::string& BuildId();

}  // namespace ramstein

// Where the running program's file is, so that an installed `ramstein`
// finds its bundled data and dashboard beside itself (../share/ramstein/).
#pragma once

#include <string>

namespace ramstein {

// The folder holding the running executable, links resolved (from
// /proc/self/exe, or without /proc the name it was started by), or "" when
// neither says.
std::string ExecutableDir();

}  // namespace ramstein

#include "base/wide_sum.h"

#include "base/currency.h"

namespace ramstein {

std::string FormatWideSum(WideSum value) { return FormatMinor(value, 0, false); }

}  // namespace ramstein

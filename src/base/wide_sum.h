// WideSum: the integer type of every total taken over records (money in
// minor units, quantities in units), in the model and in every report.
//
// Why no such total can wrap, from base/limits.h: one amount is at most
// money_minor_max = 10^17 < 2^57 and one quantity at most quantity_max =
// 10^12 < 2^40, and a model holds fewer than 2^32 records (its slots are
// 32-bit). A total over records is therefore below 2^32 * 2^57 = 2^89, and a
// total of such totals over fewer than 2^32 rows below 2^121: far inside
// the 2^127 of a signed 128-bit integer. A figure of one record stays
// std::int64_t; only sums are wide.
#pragma once

#include <string>

namespace ramstein {

using WideSum = __int128;

// Decimal digits of `value`, with a leading '-' when negative.
std::string FormatWideSum(WideSum value);

}  // namespace ramstein

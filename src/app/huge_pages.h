// Huge pages for the heap. Opening a large ledger allocates hundreds of
// megabytes in small pieces, and on a virtual machine the first touch of
// each 4 KiB page is costly (at 10^6 line items, 157,000 page faults took
// about 40% of `report donors`). glibc backs its heap with transparent huge
// pages only when its tunable glibc.malloc.hugetlb is set, which it reads
// at start-up alone; so the command starts itself once more with it set.
#pragma once

namespace ramstein {

// Unless GLIBC_TUNABLES already names glibc.malloc.hugetlb (a user's own
// choice, 0 included, is kept), sets glibc.malloc.hugetlb=1 and executes
// this program again with the same arguments; returns only when it does
// not (the variable is set, /proc/self/exe cannot be executed, or the
// build has its own allocator, as under AddressSanitizer).
void RestartWithHugePages(char** argv);

}  // namespace ramstein

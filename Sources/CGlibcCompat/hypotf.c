// Keeps the Lambda binary within Amazon Linux 2023's glibc (2.34).
//
// The static Swift runtime (libswiftGlibc.a) calls `hypotf`. Against glibc
// 2.35 or newer headers (Debian 12 has 2.36) the linker binds that call to
// `hypotf@GLIBC_2.35`, the only symbol that lifts the whole binary above 2.34,
// so the binary would not start on provided.al2023. glibc has exported the
// same function as `hypotf32@GLIBC_2.27` (the _Float32 alias: one address in
// libm.so.6) since 2.27. Defining `hypotf` here, in the executable itself,
// satisfies the runtime's reference before libm is searched, and the call
// lands on the 2.27 symbol. Only `bootstrap` links this target.
#if defined(__linux__)
#define __STDC_WANT_IEC_60559_TYPES_EXT__ 1
#include <math.h>

#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 27)
float hypotf(float x, float y) {
    return hypotf32(x, y);
}
#endif
#endif

#ifndef NEWSFLOW_BENCH_CZLIB_SHIM_H
#define NEWSFLOW_BENCH_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro; Swift cannot call it.
static inline int newsflow_bench_inflate_init_gzip(z_stream *s) {
    return inflateInit2(s, 16 + MAX_WBITS);
}
#endif

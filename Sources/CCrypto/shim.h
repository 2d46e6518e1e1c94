// OpenSSL's libcrypto (Debian: libssl-dev), used by the worker for one thing only: the SHA-256 of
// every consumed page (`source.content_sha256`), where its SHA-NI/AVX code is 5-10x faster than the
// portable Swift digest in Schemas.
#ifndef NEWSFLOW_CCRYPTO_SHIM_H
#define NEWSFLOW_CCRYPTO_SHIM_H

#include <stddef.h>
#include <openssl/evp.h>

/// SHA-256 of `count` bytes at `data` into `digest` (32 bytes). Returns 1 on success, 0 on failure.
static inline int newsflow_sha256(const void *data, size_t count, unsigned char digest[32]) {
    unsigned int size = 0;
    return EVP_Digest(data, count, digest, &size, EVP_sha256(), NULL) == 1 && size == 32;
}

#endif

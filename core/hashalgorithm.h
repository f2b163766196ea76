#pragma once

#include "core/result.h"

#include <span>
#include <string>
#include <string_view>

namespace hexmap {

// The checksums and hashes the scan engine computes (HashConsumer), each from the library made for it.
enum class HashAlgorithm {
    Crc32,      // zlib crc32 (the CRC of zip, gzip, PNG, Ethernet)
    Crc32c,     // Castagnoli (core/crc32c.h: SSE4.2)
    Adler32,    // zlib adler32
    Md5,        // OpenSSL EVP
    Sha1,       // OpenSSL EVP
    Sha256,     // OpenSSL EVP
    Sha512,     // OpenSSL EVP
    Sha3_256,   // OpenSSL EVP
    Blake2b512, // OpenSSL EVP
    Xxh3_64,    // libxxhash XXH3 64-bit (canonical, big-endian hex as xxhsum -H3 prints)
    Xxh3_128,   // libxxhash XXH3 128-bit (canonical hex as xxhsum -H2 / xxh128sum print)
};

// Every algorithm, in the order `hexmap-cli hash --algo list` prints them.
std::span<const HashAlgorithm> allHashAlgorithms();
// The name used on the command line and in JSON: "crc32", "crc32c", "adler32", "md5", "sha1", "sha256", "sha512",
// "sha3-256", "blake2b-512", "xxh3-64", "xxh3-128". Never fails.
const char *hashName(HashAlgorithm algorithm);
// The algorithm named `name` (ASCII case ignored; also "xxh3" for xxh3-64, "xxh128" for xxh3-128, "blake2b" for
// blake2b-512, "sha3" for sha3-256). Fails with Errc::InvalidArgument naming the name and listing the valid ones.
Result<HashAlgorithm> parseHashAlgorithm(std::string_view name);
// "crc32, crc32c, ..." for messages. Never fails.
std::string hashNameList();

} // namespace hexmap

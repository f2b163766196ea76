#include "core/hashalgorithm.h"

#include <array>
#include <cctype>

namespace hexmap {
namespace {

constexpr std::array kAll{HashAlgorithm::Crc32,  HashAlgorithm::Crc32c,   HashAlgorithm::Adler32,
                          HashAlgorithm::Md5,    HashAlgorithm::Sha1,     HashAlgorithm::Sha256,
                          HashAlgorithm::Sha512, HashAlgorithm::Sha3_256, HashAlgorithm::Blake2b512,
                          HashAlgorithm::Xxh3_64, HashAlgorithm::Xxh3_128};

struct Alias {
    const char *name;
    HashAlgorithm algorithm;
};
constexpr Alias kAliases[] = {{"xxh3", HashAlgorithm::Xxh3_64},
                              {"xxh128", HashAlgorithm::Xxh3_128},
                              {"blake2b", HashAlgorithm::Blake2b512},
                              {"sha3", HashAlgorithm::Sha3_256}};

} // namespace

std::span<const HashAlgorithm> allHashAlgorithms()
{
    return kAll;
}

const char *hashName(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Crc32: return "crc32";
    case HashAlgorithm::Crc32c: return "crc32c";
    case HashAlgorithm::Adler32: return "adler32";
    case HashAlgorithm::Md5: return "md5";
    case HashAlgorithm::Sha1: return "sha1";
    case HashAlgorithm::Sha256: return "sha256";
    case HashAlgorithm::Sha512: return "sha512";
    case HashAlgorithm::Sha3_256: return "sha3-256";
    case HashAlgorithm::Blake2b512: return "blake2b-512";
    case HashAlgorithm::Xxh3_64: return "xxh3-64";
    case HashAlgorithm::Xxh3_128: return "xxh3-128";
    }
    return "?";
}

std::string hashNameList()
{
    std::string list;
    for (HashAlgorithm a : kAll)
        list += (list.empty() ? "" : ", ") + std::string(hashName(a));
    return list;
}

Result<HashAlgorithm> parseHashAlgorithm(std::string_view name)
{
    std::string lower(name);
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (HashAlgorithm a : kAll) {
        if (lower == hashName(a))
            return a;
    }
    for (const Alias &alias : kAliases) {
        if (lower == alias.name)
            return alias.algorithm;
    }
    return Error{make_error_code(Errc::InvalidArgument),
                 "unknown algorithm '" + std::string(name) + "' (valid: " + hashNameList() + ")"};
}

} // namespace hexmap

#pragma once

#include <QStringList>

namespace hexmap::cli {

// The subcommand table. Adding a subcommand = one file (e.g. searchcommand.cpp defining
// `int runSearch(const QStringList &arguments)`) plus ONE line below: X(name, function, one-line summary).
// `arguments` holds everything after the subcommand name. The function returns the process exit code
// (see exitcode.h) and must print exactly one line on stderr for an error, one JSON object on stdout with --json.
#define HEXMAP_CLI_COMMANDS(X)                                                                              \
    X("info", runInfo, "Show size, allocated blocks, page size and access of a file or block device")     \
    X("create", runCreate, "Create a new preallocated file of a given size")                              \
    X("search", runSearch, "Find hex bytes (?? wildcards) or text; print match offsets")               \
    X("compare", runCompare, "Compare two files or ranges; print the runs of differing bytes (or cmp -l's lines)") \
    X("hash", runHash, "Checksums and hashes (sha256, crc32, xxh3...) of a file, all from one read")      \
    X("stats", runStats, "Byte histogram, entropy and byte class per block")                              \
    X("fill", runFill, "Fill a range with one byte value (background job)")                               \
    X("zero", runZero, "Zero a range, optionally releasing its disk space (background job)")              \
    X("pattern", runPattern, "Repeat a hex byte pattern over a range (background job)")                   \
    X("insert", runInsert, "Insert bytes at an offset, moving the rest up, in place (crash-safe journal)")     \
    X("delete", runDelete, "Delete a range, moving the rest down, in place (crash-safe journal)")            \
    X("recover", runRecover, "Complete an interrupted save (overwrite, insert, delete) from its journal")    \
    X("sync", runSync, "Write a file's dirty pages to stable storage, in chunks")                         \
    X("export", runExport, "Copy a range of a file into a new file (kernel copy, holes kept, atomic)")       \
    X("dump", runDump, "Hex dump of a range, byte-identical to xxd -s OFFSET -l LENGTH")                  \
    X("cache", runCache, "Show the kernel's page cache of a file: cached, dirty, writeback pages")

#define HEXMAP_CLI_DECLARE(name, function, summary) int function(const QStringList &arguments);
HEXMAP_CLI_COMMANDS(HEXMAP_CLI_DECLARE)
#undef HEXMAP_CLI_DECLARE

} // namespace hexmap::cli

#pragma once

#include "core/result.h"
#include "core/scanengine.h"

#include <QString>

#include <functional>
#include <optional>

namespace hexmap::cli {

class CommandLine;

// Runs one ScanEngine pass for a read subcommand (hash, stats, search): opens FILE with pread (no mapping),
// cancels the pass on Ctrl+C (SIGINT), shows "scanned X of Y (Z MB/s, ETA)" on stderr every half second when
// stderr is a terminal, and maps failures to exit codes: 130 cancelled, 3 the file was cut during the scan,
// `ioExit` (1, or 3 for search) any other I/O error, 2 a bad range.
// Thread: the main thread only (one runner at a time: the SIGINT handler is process-wide).
class ScanRunner {
public:
    ScanRunner(const CommandLine &cli, int ioExit) : m_cli(cli), m_ioExit(ioExit) {}

    // Opens `path` (an empty name is a usage error). On failure reports and sets *exitCode.
    std::optional<ScanSource> open(const QString &path, int *exitCode) const;
    // Runs the pass (quiet: no progress line); on failure reports and returns the exit code, else nullopt.
    std::optional<int> run(const ScanSource &source, std::span<ScanConsumer *const> consumers,
                           const ScanOptions &options, bool quiet) const;
    // Runs `body` (one engine call given the progress it must use) with Ctrl+C cancelling it and, unless quiet,
    // the progress line; returns what body returned.
    Status runWithProgress(const std::function<Status(ScanProgress &)> &body, bool quiet) const;
    // The exit code and message for a scan's error.
    int fail(const Error &error) const;
    // The --offset/--length range of `source`; a whole empty file (neither option given) is the empty range at 0
    // (the hashes and statistics of no bytes). nullopt (reported, *exitCode set) when the range is bad.
    std::optional<ByteRange> range(const ScanSource &source, int *exitCode) const;
    // --threads (1-64, default: the number of cores); nullopt (reported, *exitCode set) when malformed.
    std::optional<unsigned> threads(int *exitCode) const;

private:
    const CommandLine &m_cli;
    int m_ioExit;
};

} // namespace hexmap::cli

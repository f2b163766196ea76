#pragma once

#include "core/result.h"
#include "core/savelayout.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace hexmap::cli {

class CommandLine;

// Runs one in-place insert/delete save (core/shiftsave.h) for `hexmap-cli insert` and `delete`: completes a pending
// journal of FILE first (like every command), opens FILE read-write (taking its WriteLock), asks the command for the
// SaveLayout given the file's size, runs the save on a worker thread while the main thread shows progress on stderr
// (a terminal, not --quiet) and turns SIGINT into cancel, then reports one line (or one JSON object).
// Options it reads: --chunk SIZE (bytes per step, default 64K, 8M with --durable), --durable (power-loss safe
// ordering), --quiet.
// Exit codes: 0 saved, 1 I/O error (the message says whether the file is unchanged or part-way with its journal),
// 2 bad input (from the layout callback), 75 write-locked, 130 cancelled.
// Test hooks (environment): HEXMAP_CLI_TEST_SHIFT_KILL=STEP[:POINT] kills the process (SIGKILL) at that step and
// point (before, torn, after, finish, truncate; default before), as a crash would;
// HEXMAP_CLI_TEST_SHIFT_STEP_DELAY_US=N sleeps N microseconds before each step (so a test can kill it at random
// times of a short save).
// Thread: the main thread only.
class ShiftRunner {
public:
    // Builds the new document from the old size; on bad input reports and returns the exit code instead.
    using LayoutBuilder = std::function<std::optional<SaveLayout>(std::uint64_t oldSize, int *exitCode)>;

    ShiftRunner(const CommandLine &cli, const QString &verb);
    static void addOptions(CommandLine &cli);
    // `offset`/`length` only describe the change in the report. Returns the exit code.
    int run(const LayoutBuilder &build);

private:
    const CommandLine &m_cli;
    QString m_verb; // "inserted", "deleted"
};

} // namespace hexmap::cli

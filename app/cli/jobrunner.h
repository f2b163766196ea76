#pragma once

#include "core/job.h"
#include "core/jobspec.h"
#include "core/mappedfile.h"

#include <QString>

#include <optional>

namespace hexmap::cli {

class CommandLine;

// Runs one Job for a subcommand: reads the job options (--threads, --chunk, --sync, --quiet), installs a
// SIGINT handler that cancels the job cleanly, shows a progress line on stderr when it is a terminal, and
// reports the result (one line, or one JSON object with --json). Exit code: 0, 130 when cancelled, 1 on an
// I/O error (also when the file was replaced, deleted or changed since it was opened: nothing is written),
// 2 for bad job options or a refused job, 75 when another process holds the file's write lock (WriteLock).
// Test hook: HEXMAP_CLI_TEST_PAUSE_AFTER_CHUNKS=N makes every worker pause after N chunks and prints
// "hexmap-cli: test hook: workers paused" on stderr once they all are (send SIGINT then to cancel, or SIGUSR1
// to let them run to the end).
// Thread: the main thread only.
class JobRunner {
public:
    JobRunner(const CommandLine &cli, const QString &verb);

    // Fills spec.threads/chunkSize/syncWhenDone from the options; on error reports and returns the exit code.
    std::optional<int> applyOptions(JobSpec &spec) const;
    // Creates, runs and reports the job; returns the exit code.
    int run(MappedFile file, const JobSpec &spec);
    // Opens the FILE positional read-write, resolves the range options against its size into spec.range, then
    // run()s; returns the exit code (usage or I/O errors reported as by CommandLine).
    int runOnFileArgument(JobSpec spec);

private:
    void showProgress(const JobSnapshot &s, bool final) const;
    int report(const JobSnapshot &s) const;

    const CommandLine &m_cli;
    QString m_verb; // "filled", "zeroed"... for the summary line
    bool m_progress = false;
};

} // namespace hexmap::cli

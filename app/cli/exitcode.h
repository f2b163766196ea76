#pragma once

namespace hexmap::cli {

// Process exit codes of hexmap-cli.
enum ExitCode : int {
    ExitOk = 0,
    ExitIoError = 1,     // the file could not be opened, read, written or synced
    ExitUsage = 2,       // bad command line: unknown subcommand, missing or malformed argument, bad range
    ExitReadFailed = 3,  // search: any I/O error (1 means "not found"); dump and search: the file shrank on disk
                         // while it was read, so the output stops at the new end
    ExitLocked = 75,     // another process is writing the file (its write lock; EX_TEMPFAIL: try again later)
    ExitCancelled = 130, // interrupted by SIGINT (Ctrl+C), like a shell reports 128 + SIGINT
};

} // namespace hexmap::cli

#pragma once

#include "core/byterange.h"
#include "core/mappedfile.h"
#include "core/result.h"
#include "app/cli/rawarguments.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace hexmap::cli {

// One subcommand's command line: a QCommandLineParser with --help and --json, the shared range (--offset,
// --length) and job (--threads, --chunk, --sync, --quiet) options, and the reporting rules every subcommand
// follows: errors are one line "hexmap-cli CMD: problem" on stderr (plus {"ok":false,...} on stdout with
// --json) and map to an exit code (2 usage, 1 I/O); a result is one JSON object on stdout with --json.
// Thread: the main thread only.
class CommandLine {
public:
    CommandLine(const QString &command, const QString &description);
    ~CommandLine(); // releases the exclusive claim of a device opened for writing (devicegate.h)
    CommandLine(const CommandLine &) = delete;
    CommandLine &operator=(const CommandLine &) = delete;

    void addPositional(const QString &name, const QString &description, const QString &syntax = {});
    void addOption(const QCommandLineOption &option);
    void addRangeOptions(); // --offset O --length L
    void addJobOptions();   // --threads N --chunk SIZE --sync --quiet --force

    // Parses `arguments` (those after the subcommand). Returns an exit code when the command must stop here:
    // 0 after printing --help, ExitUsage for an unknown option or a wrong number of positional arguments.
    std::optional<int> parse(const QStringList &arguments, int minPositionals, int maxPositionals);

    const QString &command() const { return m_command; }
    QStringList positionals() const { return m_parser.positionalArguments(); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    bool json() const { return m_json; }
    bool quiet() const { return m_parser.isSet(QStringLiteral("quiet")); }

    // --offset/--length resolved against fileSize (whole file by default); on error reports (starting with `file`
    // when given: "FILE: range past the end of the file (N bytes): ...") and sets *exitCode.
    std::optional<ByteRange> range(std::uint64_t fileSize, int *exitCode, const QString &file = QString()) const;
    // A count option from 1 to `max` (`fallback` when not given); on a malformed value reports and sets *exitCode.
    std::optional<std::uint64_t> count(const QString &name, std::uint64_t fallback, std::uint64_t max,
                                       int *exitCode) const;
    // Opens FILE (read-only or read-write) by its exact argv bytes; on error reports and sets *exitCode (1, or 2
    // when FILE is empty). Read-write on a block device follows devicegate.h (--force, never a mounted device).
    std::optional<MappedFile> openFile(const QString &path, bool writable, int *exitCode) const;

    // Reports an error (see the class comment) and returns exitCode.
    int fail(int exitCode, const QString &message) const;
    // Reports an engine error, choosing the exit code from its code: parse/argument/range errors are usage.
    int fail(const Error &error, const QString &what = {}) const;
    static int exitCodeFor(const std::error_code &code);
    // Prints `result` (with "ok": true and "command" added) on stdout when --json is set.
    void printJson(QJsonObject result) const;

    // Text from the engine (messages naming a path): bytes that are not UTF-8 survive as in rawarguments.h.
    static QString fromStd(const std::string &text) { return fromBytes(text); }
    // The exact bytes of a positional argument or option value (a path, --text), as given in argv.
    std::string positionalBytes(qsizetype index) const { return toBytes(positionals().at(index)); }

private:
    QString m_command;
    QCommandLineParser m_parser;
    QString m_usage;
    bool m_json = false;
    mutable int m_deviceClaim = -1; // O_EXCL descriptor of a device being written: nobody can mount it meanwhile
};

// Writes a line to stderr / stdout (UTF-8, newline added) without Qt's message handler; bytes of an argument
// that are not UTF-8 are shown as \xNN (see rawarguments.h).
void printErr(const QString &line);
void printOut(const QString &line);

// How `file` is accessed, for `info`: "whole file" (one mapping) or "none (too large to map: reads and writes use
// pread/pwrite)" (MappedFile::isMapped() false). Never fails.
QString mappingDescription(const MappedFile &file);

} // namespace hexmap::cli

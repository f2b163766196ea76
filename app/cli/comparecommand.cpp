// hexmap-cli compare A B [--offset-a O] [--offset-b O] [--length L] [--max N] [--json | --cmp] [--quiet]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/compareoutput.h"
#include "app/cli/exitcode.h"
#include "app/cli/scanrunner.h"
#include "core/compareengine.h"
#include "core/numberparser.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <optional>

namespace hexmap::cli {
namespace {

constexpr int kExitDifferent = 1;
constexpr int kExitCompareIo = ExitReadFailed; // compare only: 1 means "different", like cmp
constexpr std::uint64_t kDefaultMaxRuns = 1'000'000;
// The runs are kept in memory (16 bytes each), so the cap keeps memory bounded (about 160 MB at most).
constexpr std::uint64_t kMaxRunsCeiling = 10'000'000;

std::optional<ScanSource> openSide(const CommandLine &cli, const QString &path, int *exitCode)
{
    if (path.isEmpty()) {
        *exitCode = cli.fail(ExitUsage, QStringLiteral("empty file name"));
        return std::nullopt;
    }
    auto source = ScanSource::open(toBytes(path));
    if (!source) {
        // A directory or a device is the wrong kind of argument (2); a missing or unreadable file cannot be read (3).
        const bool wrongKind = source.code() == Errc::IsDirectory || source.code() == Errc::NotRegularFile;
        *exitCode = cli.fail(wrongKind ? ExitUsage : kExitCompareIo,
                             QStringLiteral("cannot open: ") + CommandLine::fromStd(source.message()));
        return std::nullopt;
    }
    return std::move(source).value();
}

// --offset-a / --offset-b (negative: from the end of that file); nullopt (reported) when malformed.
std::optional<std::uint64_t> offsetOption(const CommandLine &cli, const QString &name, const ScanSource &side,
                                          int *exitCode)
{
    if (!cli.isSet(name))
        return 0;
    const QString text = cli.value(name);
    auto offset = parseOffset(toBytes(text), side.size());
    if (!offset) {
        *exitCode = cli.fail(ExitUsage, QStringLiteral("bad --%1 value '%2' for %3 (%4 bytes): %5")
                                            .arg(name, text, CommandLine::fromStd(side.path()))
                                            .arg(side.size())
                                            .arg(CommandLine::fromStd(offset.message())));
        return std::nullopt;
    }
    return *offset;
}

// Options resolved against the two files; nullopt (reported) on bad input.
std::optional<CompareOptions> optionsFor(const CommandLine &cli, const ScanSource &a, const ScanSource &b,
                                         int *exitCode)
{
    CompareOptions options;
    const auto offsetA = offsetOption(cli, QStringLiteral("offset-a"), a, exitCode);
    const auto offsetB = offsetA ? offsetOption(cli, QStringLiteral("offset-b"), b, exitCode) : std::nullopt;
    if (!offsetA || !offsetB)
        return std::nullopt;
    options.offsetA = *offsetA;
    options.offsetB = *offsetB;
    if (cli.isSet(QStringLiteral("length"))) {
        const auto length = cli.count(QStringLiteral("length"), 0, UINT64_MAX, exitCode);
        if (!length)
            return std::nullopt;
        options.length = *length;
    }
    const auto maxRuns = cli.count(QStringLiteral("max"), kDefaultMaxRuns, kMaxRunsCeiling, exitCode);
    if (!maxRuns)
        return std::nullopt;
    options.maxRuns = *maxRuns;
    // 64 KiB units: both sides' buffers stay in the cache between the pread copy and the compare. Measured on
    // this 2-core VM (loaded, two warm 256 MiB files): 64 KiB 0.3 s, 128 KiB 2.0 s, 1 MiB 2.2-3.0 s, cmp -l 1.7 s.
    options.chunkSize = 64u << 10;
    // Test hook: tiny units make a compare slow enough for the suites to interrupt or cut it at a chosen moment.
    if (const char *chunk = std::getenv("HEXMAP_CLI_TEST_COMPARE_CHUNK")) {
        if (auto n = parseSize(chunk); n && *n > 0 && *n <= (1u << 30))
            options.chunkSize = static_cast<std::size_t>(*n);
    }
    return options;
}

// cmp's complaint when one side ends before the other (on stderr; cmp -l prints it too).
void printCmpEof(const QString &nameA, const QString &nameB, const CompareResult &r)
{
    const QString shorter = r.restA() < r.restB() ? nameA : nameB;
    if (r.length == 0)
        printErr(QStringLiteral("cmp: EOF on %1 which is empty").arg(shorter));
    else
        printErr(QStringLiteral("cmp: EOF on %1 after byte %2").arg(shorter).arg(r.length));
}

} // namespace

int runCompare(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("compare"),
                    QStringLiteral("Compare two files (or two ranges of them) and print one line per run of "
                                   "differing bytes: \"0xOFFSET LENGTH\" (offset on A in hex, length in decimal). "
                                   "Files of different sizes compare their common part; the size difference is "
                                   "reported on stderr and counts as a difference.\n"
                                   "Exit codes: 0 equal, 1 different, 2 bad input (usage, a directory, a range "
                                   "past an end), 3 I/O error (cannot open or read a file, or it was cut during "
                                   "the compare), 130 cancelled by Ctrl+C."));
    cli.addPositional(QStringLiteral("A"), QStringLiteral("The first file."));
    cli.addPositional(QStringLiteral("B"), QStringLiteral("The second file."));
    cli.addOption({QStringLiteral("offset-a"),
                   QStringLiteral("Start on A (decimal, 0x hex, K/M/G/T suffixes; negative counts from the end). "
                                  "Default 0."),
                   QStringLiteral("O")});
    cli.addOption({QStringLiteral("offset-b"), QStringLiteral("Start on B (same syntax): compare A's bytes with B's "
                                                                      "shifted by the difference. Default 0."),
                   QStringLiteral("O")});
    cli.addOption({QStringLiteral("length"),
                   QStringLiteral("Bytes to compare (must lie within both files). Default: up to the end of the "
                                  "shorter side."),
                   QStringLiteral("L")});
    cli.addOption({QStringLiteral("max"),
                   QStringLiteral("Stop after N runs (default 1000000, at most 10000000)."), QStringLiteral("N")});
    cli.addOption({QStringLiteral("cmp"),
                   QStringLiteral("Print what 'cmp -l A B' prints: each differing byte as its 1-based number and "
                                  "both values in octal.")});
    cli.addOption({QStringLiteral("quiet"), QStringLiteral("No progress line on stderr.")});
    if (auto code = cli.parse(arguments, 2, 2))
        return *code;
    const bool cmpMode = cli.isSet(QStringLiteral("cmp"));
    if (cmpMode && cli.json())
        return cli.fail(ExitUsage, QStringLiteral("give either --cmp or --json, not both"));
    int code = ExitOk;
    const QString nameA = cli.positionals().at(0);
    const QString nameB = cli.positionals().at(1);
    const auto a = openSide(cli, nameA, &code);
    if (!a)
        return code;
    const auto b = openSide(cli, nameB, &code);
    if (!b)
        return code;
    const auto options = optionsFor(cli, *a, *b, &code);
    if (!options)
        return code;

    ScanRunner runner(cli, kExitCompareIo);
    std::optional<CompareResult> result;
    const Status status = runner.runWithProgress(
        [&](ScanProgress &progress) -> Status {
            auto r = CompareEngine::run(*a, *b, *options, progress);
            if (!r)
                return r.error();
            result = std::move(r).value();
            return {};
        },
        cli.quiet() || cli.json() || cmpMode);
    if (!status)
        return runner.fail(status.error());

    CompareOutput output(*a, *b, *result);
    bool written = false;
    if (cli.json()) {
        QJsonObject head;
        head.insert(QStringLiteral("ok"), true);
        head.insert(QStringLiteral("command"), cli.command());
        head.insert(QStringLiteral("file_a"), shown(nameA));
        head.insert(QStringLiteral("file_b"), shown(nameB));
        written = output.writeJson(QJsonDocument(head).toJson(QJsonDocument::Compact));
    } else {
        written = cmpMode ? output.writeCmp() : output.writeRuns();
    }
    if (!written)
        return cli.fail(kExitCompareIo, output.error());
    if (cmpMode) {
        if (result->sizesDiffer())
            printCmpEof(nameA, nameB, *result);
    } else if (!cli.json()) {
        if (result->sameFile)
            printErr(QStringLiteral("hexmap-cli compare: %1 and %2 are the same file: equal").arg(nameA, nameB));
        if (result->sizesDiffer())
            printErr(QStringLiteral("hexmap-cli compare: the sizes differ: %1 has %2 bytes from offset %3, %4 has %5 "
                                    "from offset %6; compared the first %7")
                         .arg(nameA).arg(result->restA()).arg(result->offsetA)
                         .arg(nameB).arg(result->restB()).arg(result->offsetB).arg(result->length));
    }
    if (result->capped && !cli.json())
        printErr(QStringLiteral("hexmap-cli compare: stopped after %1 runs (raise --max to see more)")
                     .arg(result->runs.size()));
    return result->equal() ? ExitOk : kExitDifferent;
}

} // namespace hexmap::cli

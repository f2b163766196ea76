// hexmap-cli search FILE (--hex PATTERN | --text STRING) [--ignore-case] [--utf16] [--all] [--max N]
//                   [--offset O] [--length L] [--threads N] [--json]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"
#include "app/cli/scanrunner.h"
#include "core/searchconsumer.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <string>
#include <thread>

namespace hexmap::cli {
namespace {

constexpr int kExitNotFound = 1;
constexpr int kExitSearchIo = ExitReadFailed; // search only: 1 means "not found", like grep
// The largest --max: the offsets are kept in memory (8 bytes each, plus the slices in flight), so memory stays
// bounded (about 80 MB of offsets) whatever the file holds.
constexpr std::uint64_t kMaxMatchesCeiling = 10'000'000;

std::optional<SearchPattern> patternFrom(const CommandLine &cli, int *exitCode)
{
    const bool hasHex = cli.isSet(QStringLiteral("hex"));
    const bool hasText = cli.isSet(QStringLiteral("text"));
    if (hasHex == hasText) {
        *exitCode = cli.fail(ExitUsage, hasHex ? QStringLiteral("give either --hex or --text, not both")
                                               : QStringLiteral("missing pattern: give --hex PATTERN or --text STRING"));
        return std::nullopt;
    }
    const bool ignoreCase = cli.isSet(QStringLiteral("ignore-case"));
    const bool utf16 = cli.isSet(QStringLiteral("utf16"));
    if (hasHex && (ignoreCase || utf16)) {
        *exitCode = cli.fail(ExitUsage, QStringLiteral("--%1 applies to --text only")
                                            .arg(ignoreCase ? QStringLiteral("ignore-case") : QStringLiteral("utf16")));
        return std::nullopt;
    }
    const QString value = cli.value(hasHex ? QStringLiteral("hex") : QStringLiteral("text"));
    const std::string text = toBytes(value);
    auto pattern = hasHex ? SearchPattern::fromHex(text)
                          : SearchPattern::fromText(text, utf16 ? TextEncoding::Utf16Le : TextEncoding::Utf8, ignoreCase);
    if (!pattern) {
        *exitCode = cli.fail(ExitUsage, QStringLiteral("bad %1 pattern '%2': %3")
                                            .arg(hasHex ? QStringLiteral("--hex") : QStringLiteral("--text"), value,
                                                 CommandLine::fromStd(pattern.message())));
        return std::nullopt;
    }
    return std::move(pattern).value();
}

} // namespace

int runSearch(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("search"),
                    QStringLiteral("Search a file for hex bytes (?? = any byte) or text; print the offsets of the "
                                   "matches in hex, one a line.\n"
                                   "Exit codes: 0 found, 1 not found, 2 usage error, 3 I/O error (cannot open "
                                   "or read the file), 130 cancelled by Ctrl+C."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to search."));
    cli.addOption({QStringLiteral("hex"), QStringLiteral("Hex bytes to find, e.g. \"DE AD ?? EF\"."),
                   QStringLiteral("PATTERN")});
    cli.addOption({QStringLiteral("text"), QStringLiteral("Text to find: its bytes exactly as given (with --utf16 it "
                                                                  "must be valid UTF-8)."),
                   QStringLiteral("STRING")});
    cli.addOption({QStringLiteral("ignore-case"), QStringLiteral("With --text: ASCII letters match either case.")});
    cli.addOption({QStringLiteral("utf16"), QStringLiteral("With --text: search the text encoded as UTF-16LE.")});
    cli.addOption({QStringLiteral("all"), QStringLiteral("Print every match, not just the first.")});
    cli.addOption({QStringLiteral("max"),
                   QStringLiteral("With --all: stop after N matches (default 100000, at most 10000000; "
                                  "implies --all)."),
                   QStringLiteral("N")});
    cli.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads (default: the number of cores)."),
                   QStringLiteral("N")});
    cli.addRangeOptions();
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    int code = ExitOk;
    auto pattern = patternFrom(cli, &code);
    if (!pattern)
        return code;
    const auto maxMatches = cli.count(QStringLiteral("max"), 100000, kMaxMatchesCeiling, &code);
    if (!maxMatches)
        return code;
    const auto threads = cli.count(QStringLiteral("threads"), std::max(1u, std::thread::hardware_concurrency()),
                                     64, &code);
    if (!threads)
        return code;
    const bool all = cli.isSet(QStringLiteral("all")) || cli.isSet(QStringLiteral("max"));

    const QString path = cli.positionals().at(0);
    if (path.isEmpty())
        return cli.fail(ExitUsage, QStringLiteral("empty file name"));
    QJsonObject json;
    json.insert(QStringLiteral("file"), path);
    json.insert(QStringLiteral("pattern"), CommandLine::fromStd(pattern->describe()));
    ScanRunner runner(cli, kExitSearchIo);
    auto file = runner.open(path, &code);
    if (!file)
        return code;
    if (file->size() == 0) { // nothing to find in an empty file, like grep
        json.insert(QStringLiteral("matches"), QJsonArray());
        json.insert(QStringLiteral("count"), 0);
        json.insert(QStringLiteral("capped"), false);
        cli.printJson(json);
        return kExitNotFound;
    }
    auto range = cli.range(file->size(), &code);
    if (!range)
        return code;

    // One pass of the scan engine (pread into reused buffers, holes answered without reading).
    SearchConsumer search(SearchMatcher(*pattern), all ? SearchConsumer::Mode::All : SearchConsumer::Mode::First,
                          *maxMatches);
    ScanConsumer *consumers[] = {&search};
    ScanOptions options;
    options.range = *range;
    options.threads = static_cast<unsigned>(*threads);
    if (auto failed = runner.run(*file, consumers, options, true))
        return *failed;
    std::vector<std::uint64_t> offsets;
    bool capped = false;
    if (all) {
        offsets = search.takeAll();
        capped = search.capped();
    } else if (auto first = search.first()) {
        offsets.push_back(*first);
    }

    // Streamed in blocks of about 64 KiB (plain lines or one JSON object): memory beyond the offsets themselves
    // stays bounded whatever --max is.
    std::string out;
    auto flush = [&](bool last) {
        if (out.size() < (1u << 16) && !last)
            return true;
        const bool ok = std::fwrite(out.data(), 1, out.size(), stdout) == out.size();
        out.clear();
        return ok && (!last || std::fflush(stdout) == 0);
    };
    bool written = true;
    if (cli.json()) {
        json.insert(QStringLiteral("count"), static_cast<qint64>(offsets.size()));
        json.insert(QStringLiteral("capped"), capped);
        json.insert(QStringLiteral("ok"), true);
        json.insert(QStringLiteral("command"), cli.command());
        json.insert(QStringLiteral("file"), shown(path));
        QByteArray head = QJsonDocument(json).toJson(QJsonDocument::Compact);
        head.chop(1); // the closing brace: "matches" follows
        out.append(head.constData(), static_cast<std::size_t>(head.size()));
        out.append(",\"matches\":[");
    }
    char line[32];
    for (std::size_t i = 0; i < offsets.size() && written; ++i) {
        const auto o = static_cast<unsigned long long>(offsets[i]);
        const int n = cli.json() ? std::snprintf(line, sizeof line, "%s\"0x%llx\"", i ? "," : "", o)
                                 : std::snprintf(line, sizeof line, "0x%llx\n", o);
        out.append(line, static_cast<std::size_t>(n));
        written = flush(false);
    }
    if (cli.json())
        out.append("]}\n");
    if (!written || !flush(true))
        return cli.fail(kExitSearchIo, QStringLiteral("cannot write to standard output"));
    if (capped && !cli.json())
        printErr(QStringLiteral("hexmap-cli search: stopped after %1 matches (raise --max to see more)")
                     .arg(offsets.size()));
    return offsets.empty() ? kExitNotFound : ExitOk;
}

} // namespace hexmap::cli

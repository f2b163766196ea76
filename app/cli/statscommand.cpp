// hexmap-cli stats FILE [--block 64K] [--offset O] [--length L] [--threads N] [--quiet] [--json]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/scanrunner.h"
#include "core/numberparser.h"
#include "core/statsconsumer.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cstdio>
#include <string>

namespace hexmap::cli {
namespace {

constexpr char kClassLetter[] = {'Z', 'F', 'T', 'H', 'O'}; // ByteClass order: zero, erased, text, high, other

// The share of each class among the blocks, and the plain-words summary of the largest one.
struct ClassSummary {
    std::array<std::uint64_t, 5> blocks{};
    QString words;
};

ClassSummary summarize(const StatsConsumer &stats)
{
    ClassSummary s;
    for (std::uint64_t b = 0; b < stats.blockCount(); ++b)
        ++s.blocks[static_cast<std::size_t>(stats.byteClass(b))];
    if (stats.blockCount() == 0)
        return s;
    std::size_t top = 0;
    for (std::size_t c = 1; c < s.blocks.size(); ++c)
        top = s.blocks[c] > s.blocks[top] ? c : top;
    static const char *meaning[] = {"zero bytes — empty or sparse", "0xFF bytes — erased flash",
                                    "text", "high entropy — likely compressed or encrypted", "other data"};
    const double pct = 100.0 * static_cast<double>(s.blocks[top]) / static_cast<double>(stats.blockCount());
    s.words = QStringLiteral("%1 % %2").arg(QString::number(pct, 'f', 0), QString::fromUtf8(meaning[top]));
    return s;
}

// Writes `text` to stdout; false when stdout fails.
bool put(const std::string &text)
{
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
}

bool printJson(const CommandLine &cli, const QString &path, ByteRange range, const StatsConsumer &stats,
               const ClassSummary &summary)
{
    QJsonObject head;
    head.insert(QStringLiteral("ok"), true);
    head.insert(QStringLiteral("command"), cli.command());
    head.insert(QStringLiteral("file"), shown(path));
    head.insert(QStringLiteral("offset"), static_cast<qint64>(range.offset));
    head.insert(QStringLiteral("length"), static_cast<qint64>(range.size));
    head.insert(QStringLiteral("block_size"), static_cast<qint64>(stats.blockSize()));
    head.insert(QStringLiteral("blocks"), static_cast<qint64>(stats.blockCount()));
    head.insert(QStringLiteral("total_entropy"), stats.totalEntropy());
    head.insert(QStringLiteral("summary"), summary.words);
    QJsonObject classes;
    for (std::size_t c = 0; c < summary.blocks.size(); ++c)
        classes.insert(QString::fromLatin1(byteClassName(static_cast<ByteClass>(c))),
                       static_cast<qint64>(summary.blocks[c]));
    head.insert(QStringLiteral("classes"), classes);
    QByteArray text = QJsonDocument(head).toJson(QJsonDocument::Compact);
    text.chop(1); // the arrays follow, streamed: a big file has millions of blocks
    std::string out(text.constData(), static_cast<std::size_t>(text.size()));
    out += ",\"histogram\":[";
    for (int b = 0; b < 256; ++b)
        out += (b ? "," : "") + std::to_string(stats.histogram()[static_cast<std::size_t>(b)]);
    out += "],\"entropy\":[";
    bool ok = true;
    char number[16];
    for (std::uint64_t i = 0; i < stats.blockCount() && ok; ++i) {
        const int n = std::snprintf(number, sizeof number, "%s%.4f", i ? "," : "", stats.entropy(i));
        out.append(number, static_cast<std::size_t>(n));
        if (out.size() >= (1u << 16)) {
            ok = put(out);
            out.clear();
        }
    }
    out += "],\"block_classes\":\"";
    for (std::uint64_t i = 0; i < stats.blockCount() && ok; ++i) {
        out += kClassLetter[static_cast<std::size_t>(stats.byteClass(i))];
        if (out.size() >= (1u << 16)) {
            ok = put(out);
            out.clear();
        }
    }
    out += "\"}\n";
    return ok && put(out) && std::fflush(stdout) == 0;
}

void printText(const QString &path, ByteRange range, const StatsConsumer &stats, const ClassSummary &summary)
{
    QString text = QStringLiteral("file: %1\nrange: %2 bytes from offset %3\nentropy: %4 bits per byte\n"
                                  "blocks: %5 of %6 bytes\n")
                       .arg(shown(path))
                       .arg(range.size)
                       .arg(range.offset)
                       .arg(QString::number(stats.totalEntropy(), 'f', 4))
                       .arg(stats.blockCount())
                       .arg(stats.blockSize());
    for (std::size_t c = 0; c < summary.blocks.size(); ++c)
        text += QStringLiteral("  %1: %2\n").arg(QString::fromLatin1(byteClassName(static_cast<ByteClass>(c))),
                                                 QString::number(summary.blocks[c]));
    if (stats.blockCount() > 0) {
        std::uint64_t lo = 0, hi = 0;
        for (std::uint64_t b = 1; b < stats.blockCount(); ++b) {
            lo = stats.entropy(b) < stats.entropy(lo) ? b : lo;
            hi = stats.entropy(b) > stats.entropy(hi) ? b : hi;
        }
        text += QStringLiteral("highest entropy: %1 at 0x%2\nlowest entropy: %3 at 0x%4\nsummary: %5\n")
                    .arg(QString::number(stats.entropy(hi), 'f', 4))
                    .arg(range.offset + hi * stats.blockSize(), 0, 16)
                    .arg(QString::number(stats.entropy(lo), 'f', 4))
                    .arg(range.offset + lo * stats.blockSize(), 0, 16)
                    .arg(summary.words);
    }
    text += QStringLiteral("histogram (byte: count, non-zero only):");
    for (int b = 0; b < 256; ++b) {
        if (const auto n = stats.histogram()[static_cast<std::size_t>(b)])
            text += QStringLiteral("\n  %1: %2").arg(b, 2, 16, QLatin1Char('0')).arg(n);
    }
    printOut(text);
}

} // namespace

int runStats(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("stats"),
                    QStringLiteral("Byte histogram, Shannon entropy per block (bits per byte, 0-8) and the class of "
                                   "each block (zero, erased 0xFF, text, high entropy, other), from one read.\n"
                                   "Exit codes: 0 ok, 1 I/O error, 2 usage error, 3 the file was cut during the "
                                   "scan, 130 cancelled by Ctrl+C."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to examine."));
    cli.addOption({QStringLiteral("block"), QStringLiteral("Block size for entropy and classes (default 64K, 1 byte "
                                                           "to 1G)."),
                   QStringLiteral("SIZE")});
    cli.addOption({QStringLiteral("threads"), QStringLiteral("Reader threads (default: the number of cores)."),
                   QStringLiteral("N")});
    cli.addOption({QStringLiteral("quiet"), QStringLiteral("No progress line on stderr.")});
    cli.addRangeOptions();
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    std::uint64_t block = 64u << 10;
    if (cli.isSet(QStringLiteral("block"))) {
        const QString text = cli.value(QStringLiteral("block"));
        auto parsed = parseSize(toBytes(text));
        if (!parsed || *parsed == 0 || *parsed > (1u << 30))
            return cli.fail(ExitUsage, QStringLiteral("bad --block value '%1': expected a size from 1 to 1G").arg(text));
        block = *parsed;
    }
    int code = ExitOk;
    ScanRunner runner(cli, ExitIoError);
    const auto threads = runner.threads(&code);
    if (!threads)
        return code;
    const QString path = cli.positionals().at(0);
    auto source = runner.open(path, &code);
    if (!source)
        return code;
    const auto range = runner.range(*source, &code);
    if (!range)
        return code;
    auto stats = StatsConsumer::create(*range, block);
    if (!stats)
        return runner.fail(stats.error());
    ScanConsumer *consumers[] = {stats->get()};
    ScanOptions options;
    options.range = *range;
    options.threads = *threads;
    if (range->size > 0) {
        if (auto failed = runner.run(*source, consumers, options, cli.quiet() || cli.json()))
            return *failed;
    }
    const ClassSummary summary = summarize(**stats);
    if (cli.json()) {
        if (!printJson(cli, path, *range, **stats, summary))
            return cli.fail(ExitIoError, QStringLiteral("cannot write to standard output"));
    } else {
        printText(path, *range, **stats, summary);
    }
    return ExitOk;
}

} // namespace hexmap::cli

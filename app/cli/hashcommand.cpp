// hexmap-cli hash FILE [--algo sha256,crc32,...|list] [--offset O] [--length L] [--threads N] [--quiet] [--json]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/scanrunner.h"
#include "core/hashconsumer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <memory>
#include <vector>

namespace hexmap::cli {
namespace {

int listAlgorithms(const CommandLine &cli)
{
    QJsonArray names;
    QString text;
    for (HashAlgorithm a : allHashAlgorithms()) {
        names.append(QString::fromLatin1(hashName(a)));
        text += QString::fromLatin1(hashName(a)) + QLatin1Char('\n');
    }
    if (cli.json()) {
        QJsonObject o;
        o.insert(QStringLiteral("algorithms"), names);
        cli.printJson(o);
    } else {
        text.chop(1);
        printOut(text);
    }
    return ExitOk;
}

} // namespace

int runHash(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("hash"),
                    QStringLiteral("Compute checksums and hashes of a file or a range of it, every algorithm from one "
                                   "read. With one algorithm the line is sha256sum's \"HEX  FILE\"; with several, one "
                                   "\"ALGO HEX\" line each.\n"
                                   "Exit codes: 0 ok, 1 I/O error, 2 usage error, 3 the file was cut during the "
                                   "scan, 130 cancelled by Ctrl+C."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to hash."));
    cli.addOption({QStringLiteral("algo"),
                   QStringLiteral("Comma-separated algorithms (default sha256); 'list' prints the names."),
                   QStringLiteral("ALGOS")});
    cli.addOption({QStringLiteral("threads"), QStringLiteral("Reader threads (default: the number of cores)."),
                   QStringLiteral("N")});
    cli.addOption({QStringLiteral("quiet"), QStringLiteral("No progress line on stderr.")});
    cli.addRangeOptions();
    if (auto code = cli.parse(arguments, 0, 1))
        return *code;
    const QString algoText = cli.isSet(QStringLiteral("algo")) ? cli.value(QStringLiteral("algo")) : QStringLiteral("sha256");
    if (algoText == QLatin1String("list"))
        return listAlgorithms(cli);
    if (cli.positionals().isEmpty())
        return cli.fail(ExitUsage, QStringLiteral("missing argument (usage: hexmap-cli hash FILE [--algo A,B])"));

    // The algorithms, each under the name it was given (JSON keys and output lines use it).
    std::vector<std::pair<QString, std::unique_ptr<HashConsumer>>> hashes;
    for (const QString &name : algoText.split(QLatin1Char(','))) {
        const QString trimmed = name.trimmed();
        auto algorithm = parseHashAlgorithm(toBytes(trimmed));
        if (!algorithm)
            return cli.fail(ExitUsage, CommandLine::fromStd(algorithm.message()));
        const bool seen = std::any_of(hashes.begin(), hashes.end(), [&](const auto &h) { return h.first == trimmed; });
        if (!seen)
            hashes.emplace_back(trimmed, std::make_unique<HashConsumer>(*algorithm));
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

    std::vector<ScanConsumer *> consumers;
    for (auto &h : hashes)
        consumers.push_back(h.second.get());
    ScanOptions options;
    options.range = *range;
    options.threads = *threads;
    if (auto failed = runner.run(*source, consumers, options, cli.quiet() || cli.json()))
        return *failed;

    QJsonObject json;
    QJsonObject values;
    QString text;
    for (auto &[name, consumer] : hashes) {
        auto digest = consumer->result();
        if (!digest)
            return cli.fail(ExitIoError, CommandLine::fromStd(digest.message()));
        const QString hex = QString::fromLatin1(digest->c_str());
        values.insert(name, hex);
        text += hashes.size() == 1 ? hex + QStringLiteral("  ") + shown(path) : name + QLatin1Char(' ') + hex;
        text += QLatin1Char('\n');
    }
    if (cli.json()) {
        json.insert(QStringLiteral("file"), shown(path));
        json.insert(QStringLiteral("offset"), static_cast<qint64>(range->offset));
        json.insert(QStringLiteral("length"), static_cast<qint64>(range->size));
        json.insert(QStringLiteral("hashes"), values);
        cli.printJson(json);
    } else {
        text.chop(1);
        printOut(text);
    }
    return ExitOk;
}

} // namespace hexmap::cli

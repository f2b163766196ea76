// hexmap-cli partitions FILE: the MBR or GPT partition table of a disk image (core/partitiontable.h).
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"
#include "core/partitiontable.h"

#include <QJsonArray>

namespace hexmap::cli {

namespace {

QJsonObject partitionJson(const Partition &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("number"), static_cast<qint64>(p.number));
    o.insert(QStringLiteral("start"), static_cast<qint64>(p.range.offset));
    o.insert(QStringLiteral("end"), static_cast<qint64>(p.range.end()));
    o.insert(QStringLiteral("size"), static_cast<qint64>(p.range.size));
    o.insert(QStringLiteral("type"), CommandLine::fromStd(p.typeName));
    o.insert(QStringLiteral("typeId"), CommandLine::fromStd(p.typeId));
    o.insert(QStringLiteral("name"), QString::fromUtf8(p.name));
    o.insert(QStringLiteral("bootable"), p.bootable);
    o.insert(QStringLiteral("extended"), p.container);
    return o;
}

void printTable(const PartitionTable &table)
{
    const qsizetype count = static_cast<qsizetype>(table.partitions.size());
    printOut(QStringLiteral("scheme: %1, sector size %2 bytes, %3 partition%4 (start, end, size in bytes; end is "
                            "exclusive; * = bootable)")
                 .arg(QString::fromLatin1(partitionSchemeName(table.scheme)))
                 .arg(table.sectorSize)
                 .arg(count)
                 .arg(count == 1 ? QString() : QStringLiteral("s")));
    const auto row = [](const QString &n, const QString &start, const QString &end, const QString &size,
                        const QString &type, const QString &name) {
        QString line = QStringLiteral("%1 %2 %3 %4 %5 %6")
                           .arg(n.rightJustified(3), start.rightJustified(15), end.rightJustified(15),
                                size.leftJustified(26), type.leftJustified(22), name);
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        return line;
    };
    printOut(row(QStringLiteral("#"), QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("size"),
                 QStringLiteral("type"), QStringLiteral("name")));
    for (const Partition &p : table.partitions) {
        QString type = CommandLine::fromStd(p.typeName);
        if (p.bootable)
            type += QStringLiteral(" *");
        printOut(row(QString::number(p.number), QString::number(p.range.offset), QString::number(p.range.end()),
                     QStringLiteral("%1 (%2)").arg(p.range.size).arg(CommandLine::fromStd(formatSize(p.range.size))),
                     type, QString::fromUtf8(p.name)));
    }
}

} // namespace

int runPartitions(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("partitions"),
                    QStringLiteral("List the MBR or GPT partitions of a disk image: number, start and end "
                                   "(in bytes, end exclusive), size, type and name. Warnings about a damaged "
                                   "table go to stderr. An image without a table prints \"no partition table\" "
                                   "and exits 0."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The disk image."));
    cli.addOption({QStringLiteral("sector-size"),
                   QStringLiteral("The sector size to try first for a GPT: 512 (default) or 4096; the other one "
                                  "is tried next."),
                   QStringLiteral("BYTES")});
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    std::uint32_t hint = 512;
    if (cli.isSet(QStringLiteral("sector-size"))) {
        const QString value = cli.value(QStringLiteral("sector-size"));
        if (value != QLatin1String("512") && value != QLatin1String("4096"))
            return cli.fail(ExitUsage, QStringLiteral("--sector-size must be 512 or 4096, not '%1'").arg(value));
        hint = value.toUInt();
    }
    const QString path = cli.positionals().at(0);
    int code = ExitOk;
    auto file = cli.openFile(path, false, &code);
    if (!file)
        return code;
    const MappedFile &image = *file;
    const auto reader = [&image](std::uint64_t offset, std::span<std::byte> buffer) {
        return image.readAt(offset, buffer);
    };
    const PartitionTable table = readPartitionTable(reader, image.size(), hint);
    if (image.wasTruncatedOnDisk())
        return cli.fail(ExitReadFailed, QStringLiteral("%1: the file shrank on disk while it was read").arg(path));
    for (const std::string &warning : table.warnings)
        printErr(QStringLiteral("hexmap-cli partitions: warning: %1").arg(CommandLine::fromStd(warning)));

    if (cli.json()) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), path);
        o.insert(QStringLiteral("size"), static_cast<qint64>(image.size()));
        o.insert(QStringLiteral("scheme"), QString::fromLatin1(partitionSchemeName(table.scheme)));
        o.insert(QStringLiteral("sectorSize"), static_cast<qint64>(table.sectorSize));
        QJsonArray parts;
        for (const Partition &p : table.partitions)
            parts.append(partitionJson(p));
        o.insert(QStringLiteral("partitions"), parts);
        QJsonArray warnings;
        for (const std::string &w : table.warnings)
            warnings.append(CommandLine::fromStd(w));
        o.insert(QStringLiteral("warnings"), warnings);
        cli.printJson(o);
        return ExitOk;
    }
    if (table.scheme == PartitionScheme::None) {
        printOut(QStringLiteral("no partition table"));
        return ExitOk;
    }
    printTable(table);
    return ExitOk;
}

} // namespace hexmap::cli

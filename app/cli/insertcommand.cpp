// hexmap-cli insert FILE --offset O (--hex "BYTES" | --text TEXT | --fill BYTE --length N)
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/shiftrunner.h"
#include "core/hexbytes.h"
#include "core/numberparser.h"
#include "core/shiftlayouts.h"

#include <memory>

namespace hexmap::cli {
namespace {

constexpr std::size_t kMaxInlineBytes = std::size_t(16) << 20; // --hex / --text: held in memory and journalled

} // namespace

int runInsert(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("insert"),
                    QStringLiteral("Insert bytes into FILE at an offset, moving the rest of the file up, in place and "
                                   "crash-safe (a journal completes an interrupted insert on the next open)."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to change (it grows)."));
    cli.addOption({QStringLiteral("offset"),
                   QStringLiteral("Where the new bytes go: 0 to the file's size (the size appends); negative counts "
                                  "from the end."),
                   QStringLiteral("O")});
    cli.addOption({QStringLiteral("hex"), QStringLiteral("The bytes to insert, as hex (\"DE AD BE EF\")."),
                   QStringLiteral("BYTES")});
    cli.addOption({QStringLiteral("text"), QStringLiteral("The bytes to insert, as the argument's exact bytes."),
                   QStringLiteral("TEXT")});
    cli.addOption({QStringLiteral("fill"), QStringLiteral("Insert --length copies of this byte (0xAB, 171, 0b...)."),
                   QStringLiteral("BYTE")});
    cli.addOption({QStringLiteral("length"), QStringLiteral("With --fill: how many bytes to insert."),
                   QStringLiteral("N")});
    ShiftRunner::addOptions(cli);
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    const int sources = int(cli.isSet(QStringLiteral("hex"))) + int(cli.isSet(QStringLiteral("text")))
        + int(cli.isSet(QStringLiteral("fill")));
    if (sources != 1)
        return cli.fail(ExitUsage,
                        QStringLiteral("give exactly one of --hex BYTES, --text TEXT, --fill BYTE --length N"));
    if (!cli.isSet(QStringLiteral("offset")))
        return cli.fail(ExitUsage, QStringLiteral("missing --offset O (where to insert; the file's size appends)"));
    if (cli.isSet(QStringLiteral("length")) != cli.isSet(QStringLiteral("fill")))
        return cli.fail(ExitUsage, QStringLiteral("--length goes with --fill (and --fill needs it)"));

    SavePiece inserted;
    if (cli.isSet(QStringLiteral("hex"))) {
        auto hex = parseHexBytes(toBytes(cli.value(QStringLiteral("hex"))), false, kMaxInlineBytes);
        if (!hex)
            return cli.fail(ExitUsage, QStringLiteral("bad --hex: ") + CommandLine::fromStd(hex.message()));
        inserted.kind = SavePiece::Kind::Memory;
        inserted.bytes = std::make_shared<const std::vector<std::byte>>(std::move(hex->bytes));
        inserted.length = inserted.bytes->size();
    } else if (cli.isSet(QStringLiteral("text"))) {
        const std::string text = toBytes(cli.value(QStringLiteral("text")));
        if (text.empty())
            return cli.fail(ExitUsage, QStringLiteral("empty --text: nothing to insert (zero length)"));
        if (text.size() > kMaxInlineBytes)
            return cli.fail(ExitUsage,
                            QStringLiteral("--text of %1 bytes: at most %2").arg(text.size()).arg(kMaxInlineBytes));
        const auto *p = reinterpret_cast<const std::byte *>(text.data());
        inserted.kind = SavePiece::Kind::Memory;
        inserted.bytes = std::make_shared<const std::vector<std::byte>>(p, p + text.size());
        inserted.length = text.size();
    } else {
        auto value = parseByte(toBytes(cli.value(QStringLiteral("fill"))));
        if (!value)
            return cli.fail(ExitUsage, QStringLiteral("bad --fill (0xAB, 171 or 0b10101011): ")
                                           + CommandLine::fromStd(value.message()));
        const QString lengthText = cli.value(QStringLiteral("length"));
        auto length = parseSize(toBytes(lengthText));
        if (!length || *length == 0)
            return cli.fail(ExitUsage, QStringLiteral("bad --length '%1': a size above 0").arg(lengthText));
        inserted.kind = SavePiece::Kind::Fill;
        inserted.bytes = std::make_shared<const std::vector<std::byte>>(1, std::byte(*value));
        inserted.length = *length;
    }

    ShiftRunner runner(cli, QStringLiteral("inserted %1 bytes").arg(inserted.length));
    return runner.run([&](std::uint64_t size, int *exitCode) -> std::optional<SaveLayout> {
        const QString offsetText = cli.value(QStringLiteral("offset"));
        auto offset = parseOffset(toBytes(offsetText), size);
        if (!offset) {
            const QString past = QStringLiteral("%1: --offset %2 is past the end of the file (%3 bytes)")
                                     .arg(cli.positionals().at(0), offsetText)
                                     .arg(size);
            *exitCode = cli.fail(ExitUsage, offset.code() == Errc::OutOfBounds
                                                ? past
                                                : QStringLiteral("bad --offset '%1'").arg(offsetText));
            return std::nullopt;
        }
        if (inserted.length > UINT64_MAX - size) {
            *exitCode = cli.fail(ExitUsage,
                                 QStringLiteral("--length %1: the file would pass 2^64 bytes").arg(inserted.length));
            return std::nullopt;
        }
        auto layout = insertLayout(size, *offset, inserted); // offset and size were checked above
        if (!layout) {
            *exitCode = cli.fail(ExitUsage, CommandLine::fromStd(layout.message()));
            return std::nullopt;
        }
        return std::move(*layout);
    });
}

} // namespace hexmap::cli

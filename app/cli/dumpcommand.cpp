// hexmap-cli dump FILE [--offset O] [--length L]: byte-identical to `xxd -s OFFSET -l LENGTH FILE`.
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"

#include <cstdio>
#include <string>

namespace hexmap::cli {
namespace {

// Appends one xxd line: "%08llx: " + 8 groups "xxxx " (missing bytes as spaces) + " " + ASCII + "\n".
void appendLine(std::string &out, std::uint64_t offset, const std::byte *bytes, std::size_t count)
{
    static const char digits[] = "0123456789abcdef";
    char head[32];
    const int n = std::snprintf(head, sizeof head, "%08llx: ", static_cast<unsigned long long>(offset));
    out.append(head, static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < 16; ++i) {
        if (i < count) {
            const auto b = std::to_integer<unsigned>(bytes[i]);
            out.push_back(digits[b >> 4]);
            out.push_back(digits[b & 15]);
        } else {
            out.append("  ");
        }
        if (i % 2 == 1)
            out.push_back(' ');
    }
    out.push_back(' ');
    for (std::size_t i = 0; i < count; ++i) {
        const auto b = std::to_integer<unsigned>(bytes[i]);
        out.push_back(b >= 0x20 && b < 0x7f ? static_cast<char>(b) : '.');
    }
    out.push_back('\n');
}

} // namespace

int runDump(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("dump"), QStringLiteral("Hex dump of a range, byte-identical to "
                                                           "`xxd -s OFFSET -l LENGTH FILE`."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to dump."));
    cli.addRangeOptions();
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    int code = ExitOk;
    auto file = cli.openFile(cli.positionals().at(0), false, &code);
    if (!file)
        return code;
    auto range = cli.range(file->size(), &code);
    if (!range)
        return code;
    if (cli.json()) {
        // The bytes as one hex string: meant for small ranges in scripts.
        QJsonObject o;
        o.insert(QStringLiteral("file"), cli.positionals().at(0));
        o.insert(QStringLiteral("offset"), static_cast<qint64>(range->offset));
        o.insert(QStringLiteral("length"), static_cast<qint64>(range->size));
        const auto slice = file->readSlice(range->offset, range->size);
        o.insert(QStringLiteral("hex"), QString::fromLatin1(
                                            QByteArray(reinterpret_cast<const char *>(slice.data()),
                                                       static_cast<qsizetype>(slice.size())).toHex()));
        cli.printJson(o);
        return ExitOk;
    }
    std::string out;
    out.reserve(1 << 20);
    const std::uint64_t lineBlock = 16 * 4096; // bytes per output flush
    for (std::uint64_t done = 0; done < range->size;) {
        const std::uint64_t n = std::min(lineBlock, range->size - done);
        const auto slice = file->readSlice(range->offset + done, n);
        for (std::size_t i = 0; i < slice.size(); i += 16)
            appendLine(out, range->offset + done + i, slice.data() + i, std::min<std::size_t>(16, slice.size() - i));
        if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size())
            return cli.fail(ExitIoError, QStringLiteral("cannot write to standard output"));
        out.clear();
        done += n;
    }
    std::fflush(stdout);
    return ExitOk;
}

} // namespace hexmap::cli

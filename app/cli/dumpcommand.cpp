// hexmap-cli dump FILE [--offset O] [--length L]: byte-identical to `xxd -s OFFSET -l LENGTH FILE`.
// The bytes are read with pread on a descriptor of the same inode, not through the mapping: a file truncated by
// another program while the dump runs gives a short read (the dump stops there with exit code 3), never the
// zero pages the SIGBUS guard maps over the lost part. Output streams block by block in bounded memory, --json too.
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace hexmap::cli {
namespace {

constexpr std::uint64_t kBlock = 256 * 1024; // bytes read (and output flushed) per step; a multiple of 16

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

void appendHex(std::string &out, const std::byte *bytes, std::size_t count)
{
    static const char digits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < count; ++i) {
        const auto b = std::to_integer<unsigned>(bytes[i]);
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
}

// A JSON string literal (with its quotes) for `text`.
std::string jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact); // ["..."]
    return std::string(array.constData() + 1, static_cast<std::size_t>(array.size() - 2));
}

// Reads up to `count` bytes at `offset` (retrying EINTR and short reads); fewer only at the end of the file.
// Returns the byte count, or -1 with errno set.
long long readBlock(int fd, std::uint64_t offset, std::byte *buffer, std::size_t count)
{
    std::size_t done = 0;
    while (done < count) {
        const ssize_t n = ::pread(fd, buffer + done, count - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    return static_cast<long long>(done);
}

bool writeOut(const std::string &text)
{
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
}

// Owns a descriptor (closed on destruction). Thread: the main thread.
struct Descriptor {
    int fd = -1;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

int runDump(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("dump"), QStringLiteral("Hex dump of a range, byte-identical to "
                                                           "`xxd -s OFFSET -l LENGTH FILE`.\n"
                                                           "Exit codes: 0 ok, 1 I/O error, 2 usage error, 3 the "
                                                           "file shrank while it was dumped (the output stops at "
                                                           "its new end)."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to dump."));
    cli.addRangeOptions();
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    int code = ExitOk;
    auto file = cli.openFile(cli.positionals().at(0), false, &code);
    if (!file)
        return code;
    // An empty file dumps nothing, like xxd; an explicit range on it is still checked (and is past its end).
    const bool wholeEmptyFile = file->size() == 0 && !cli.isSet(QStringLiteral("offset"))
        && !cli.isSet(QStringLiteral("length"));
    auto range = wholeEmptyFile ? std::optional<ByteRange>(ByteRange{0, 0}) : cli.range(file->size(), &code);
    if (!range)
        return code;
    const std::string path = cli.positionalBytes(0);
    const QString shownPath = shown(cli.positionals().at(0));
    Descriptor in;
    in.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (in.fd < 0)
        return cli.fail(Error::fromErrno(errno, path), QStringLiteral("cannot open"));
    auto identity = fileIdentityOf(in.fd, path);
    if (!identity)
        return cli.fail(identity.error(), QStringLiteral("cannot open"));
    if (!identity->sameInode(file->identity()))
        return cli.fail(ExitIoError, shownPath + QStringLiteral(": was replaced by another file while it was opened"));
    file.reset(); // from here on only the descriptor is read

    std::string out;
    if (cli.json()) {
        // One object, streamed: the "hex" string grows block by block; "ok" comes last so that a reader sees
        // whether the hex is complete.
        out = "{\"command\":\"dump\",\"file\":" + jsonString(shownPath) + ",\"offset\":" + std::to_string(range->offset)
            + ",\"length\":" + std::to_string(range->size) + ",\"hex\":\"";
    }
    std::vector<std::byte> buffer(kBlock);
    std::uint64_t done = 0;
    QString problem;
    int problemCode = ExitOk;
    while (done < range->size) {
        const std::uint64_t want = std::min(kBlock, range->size - done);
        const long long got = readBlock(in.fd, range->offset + done, buffer.data(), static_cast<std::size_t>(want));
        if (got < 0) {
            problem = CommandLine::fromStd(Error::fromErrno(errno, path).message());
            problemCode = ExitIoError;
            break;
        }
        const auto n = static_cast<std::size_t>(got);
        if (cli.json()) {
            appendHex(out, buffer.data(), n);
        } else {
            for (std::size_t i = 0; i < n; i += 16)
                appendLine(out, range->offset + done + i, buffer.data() + i, std::min<std::size_t>(16, n - i));
        }
        if (!writeOut(out))
            return cli.fail(ExitIoError, QStringLiteral("cannot write to standard output"));
        out.clear();
        done += n;
        if (n < want) {
            struct stat st {};
            const bool known = ::fstat(in.fd, &st) == 0;
            problem = shownPath + QStringLiteral(": the file shrank%1 while it was dumped: the output stops at offset "
                                                 "0x%2 (%3 of %4 bytes dumped)")
                                      .arg(known ? QStringLiteral(" to %1 bytes").arg(st.st_size) : QString())
                                      .arg(range->offset + done, 0, 16)
                                      .arg(done)
                                      .arg(range->size);
            problemCode = ExitReadFailed;
            break;
        }
    }
    if (cli.json()) {
        out += "\""; // after the head still unwritten when nothing was read (an empty range)
        if (problemCode == ExitOk) {
            out += ",\"ok\":true}\n";
        } else {
            out += ",\"bytesDumped\":" + std::to_string(done) + ",\"error\":" + jsonString(shown(problem))
                + ",\"exitCode\":" + std::to_string(problemCode) + ",\"ok\":false}\n";
        }
        if (!writeOut(out))
            return cli.fail(ExitIoError, QStringLiteral("cannot write to standard output"));
    }
    if (std::fflush(stdout) != 0)
        return cli.fail(ExitIoError, QStringLiteral("cannot write to standard output"));
    if (problemCode != ExitOk)
        printErr(QStringLiteral("hexmap-cli dump: ") + problem);
    return problemCode;
}

} // namespace hexmap::cli

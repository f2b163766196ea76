// hexmap-cli info FILE: size, allocated blocks, sparseness, page size, access; for a block device its sector sizes,
// model, partitions, mounts and holders (devicegate.h).
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/devicegate.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"

#include <sys/stat.h>

namespace hexmap::cli {

int runInfo(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("info"), QStringLiteral("Show a file's size, allocated blocks (is it sparse?), "
                                                           "the page size and whether it is read-only.\n"
                                                           "For a block device: its sector sizes, model, removable "
                                                           "flag, partitions, and where it or its partitions are "
                                                           "mounted or held."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file or block device to describe."));
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    const QString path = cli.positionals().at(0);
    int code = ExitOk;
    auto file = cli.openFile(path, false, &code);
    if (!file)
        return code;
    if (file->isBlockDevice()) {
        QJsonObject o;
        if (cli.json())
            o.insert(QStringLiteral("file"), path);
        devicegate::describe(cli, toBytes(path), *file, &o);
        if (cli.json())
            cli.printJson(o);
        return ExitOk;
    }
    struct stat st {};
    if (::stat(toBytes(path).c_str(), &st) != 0)
        return cli.fail(Error::fromErrno(errno, toBytes(path)));
    const std::uint64_t size = file->size();
    const std::uint64_t allocated = static_cast<std::uint64_t>(st.st_blocks) * 512u;
    const bool sparse = allocated < size;
    const bool writable = MappedFile::openReadWrite(toBytes(path)).ok();
    const std::uint64_t page = MappedFile::pageSize();

    if (cli.json()) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), path);
        o.insert(QStringLiteral("size"), static_cast<qint64>(size));
        o.insert(QStringLiteral("allocatedBytes"), static_cast<qint64>(allocated));
        o.insert(QStringLiteral("allocatedBlocks"), static_cast<qint64>(st.st_blocks));
        o.insert(QStringLiteral("sparse"), sparse);
        o.insert(QStringLiteral("pageSize"), static_cast<qint64>(page));
        o.insert(QStringLiteral("readOnly"), !writable);
        o.insert(QStringLiteral("mapped"), file->isMapped());
        cli.printJson(o);
        return ExitOk;
    }
    printOut(QStringLiteral("file:       %1").arg(path));
    printOut(QStringLiteral("size:       %1 bytes (%2)").arg(size).arg(CommandLine::fromStd(formatSize(size))));
    printOut(QStringLiteral("allocated:  %1 bytes in %2 512-byte blocks (%3)%4")
                 .arg(allocated)
                 .arg(static_cast<qint64>(st.st_blocks))
                 .arg(CommandLine::fromStd(formatSize(allocated)), sparse ? QStringLiteral(", sparse") : QString()));
    printOut(QStringLiteral("page size:  %1 bytes").arg(page));
    printOut(QStringLiteral("mapping:    %1").arg(mappingDescription(*file)));
    printOut(QStringLiteral("access:     %1").arg(writable ? QStringLiteral("read-write") : QStringLiteral("read-only")));
    return ExitOk;
}

} // namespace hexmap::cli

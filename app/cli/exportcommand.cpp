// hexmap-cli export FILE OUTPUT [--offset O] [--length L] [--force]: a range of FILE (the whole file by default) into
// a new file, through CopyOut: the kernel copies (copy_file_range; shared blocks on Btrfs/XFS), holes stay holes,
// the free space is checked first, and OUTPUT appears only once complete and on disk (built beside it under a hidden
// temporary name, renamed into place; Ctrl+C removes the temporary file).
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/tempcleanup.h"
#include "core/copyout.h"
#include "core/numberparser.h"

#include <sys/stat.h>

namespace hexmap::cli {

int runExport(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("export"),
                    QStringLiteral("Copy a range of FILE (the whole file by default) into the new file OUTPUT.\n"
                                   "Exit codes: 0 ok, 1 I/O error (nothing written), 2 usage error."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to copy from."));
    cli.addPositional(QStringLiteral("OUTPUT"), QStringLiteral("The new file."));
    cli.addRangeOptions();
    cli.addOption({QStringLiteral("force"), QStringLiteral("Replace OUTPUT if it exists.")});
    if (auto code = cli.parse(arguments, 2, 2))
        return *code;
    int code = ExitOk;
    auto file = cli.openFile(cli.positionals().at(0), false, &code);
    if (!file)
        return code;
    auto range = cli.range(file->size(), &code);
    if (!range)
        return code;
    const QString output = cli.positionals().at(1);
    const std::string outputBytes = cli.positionalBytes(1);
    if (outputBytes.empty())
        return cli.fail(ExitUsage, QStringLiteral("empty output file name"));
    struct stat existing {};
    if (::stat(outputBytes.c_str(), &existing) == 0 && !cli.isSet(QStringLiteral("force")))
        return cli.fail(ExitIoError, shown(output) + QStringLiteral(": file exists (use --force to replace it)"));
    auto copy = CopyOut::prepare(*file, *range, {}, outputBytes);
    if (!copy)
        return cli.fail(copy.error(), QStringLiteral("cannot export"));
    const Status done = [&] {
        const TempCleanupOnSignal cleanup("hexmap-cli export: interrupted: the temporary file was removed, nothing "
                                          "was written\n");
        return (*copy)->run();
    }();
    if (!done)
        return cli.fail(ExitIoError, QStringLiteral("cannot export: ") + CommandLine::fromStd(done.message())
                                         + QStringLiteral(" (nothing was written)"));
    const CopyOutStats stats = (*copy)->stats();
    if (cli.json()) {
        QJsonObject o;
        o.insert(QStringLiteral("file"), shown(cli.positionals().at(0)));
        o.insert(QStringLiteral("output"), shown(output));
        o.insert(QStringLiteral("offset"), static_cast<qint64>(range->offset));
        o.insert(QStringLiteral("length"), static_cast<qint64>(range->size));
        o.insert(QStringLiteral("kernelCopied"), static_cast<qint64>(stats.kernelCopied));
        o.insert(QStringLiteral("bufferCopied"), static_cast<qint64>(stats.bufferCopied));
        o.insert(QStringLiteral("holesKept"), static_cast<qint64>(stats.holesSkipped));
        cli.printJson(o);
    } else {
        printOut(QStringLiteral("exported %1 bytes (%2) from offset 0x%3 to %4")
                     .arg(range->size)
                     .arg(QString::fromStdString(formatSize(range->size)))
                     .arg(range->offset, 0, 16)
                     .arg(output));
    }
    return ExitOk;
}

} // namespace hexmap::cli

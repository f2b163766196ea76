// hexmap-cli create FILE SIZE [--force]: a new file with all its blocks reserved.
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "core/numberparser.h"

#include <QFileInfo>

namespace hexmap::cli {

int runCreate(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("create"),
                    QStringLiteral("Create FILE with SIZE bytes, all blocks reserved on disk (posix_fallocate)."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to create."));
    cli.addPositional(QStringLiteral("SIZE"), QStringLiteral("Its size: 4096, 0x1000, 4K, 1G, 2GB..."));
    cli.addOption({QStringLiteral("force"), QStringLiteral("Replace FILE if it exists.")});
    if (auto code = cli.parse(arguments, 2, 2))
        return *code;
    const QString path = cli.positionals().at(0);
    const QString sizeText = cli.positionals().at(1);
    auto size = parseSize(sizeText.toStdString());
    if (!size)
        return cli.fail(ExitUsage, QStringLiteral("malformed size: ") + CommandLine::fromStd(size.message()));
    if (*size == 0)
        return cli.fail(ExitUsage, QStringLiteral("size must be greater than 0: ") + sizeText);
    const QFileInfo info(path);
    if (info.isDir())
        return cli.fail(ExitIoError, path + QStringLiteral(": is a directory"));
    if (info.exists() || info.isSymLink()) {
        if (!cli.isSet(QStringLiteral("force")))
            return cli.fail(ExitIoError, path + QStringLiteral(": file exists (use --force to replace it)"));
        if (!info.isFile())
            return cli.fail(ExitIoError, path + QStringLiteral(": not a regular file"));
    }
    auto file = MappedFile::create(path.toStdString(), *size);
    if (!file)
        return cli.fail(ExitIoError, QStringLiteral("cannot create: ") + CommandLine::fromStd(file.message()));
    QJsonObject o;
    o.insert(QStringLiteral("file"), path);
    o.insert(QStringLiteral("size"), static_cast<qint64>(*size));
    cli.printJson(o);
    return ExitOk;
}

} // namespace hexmap::cli

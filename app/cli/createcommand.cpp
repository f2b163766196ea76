// hexmap-cli create FILE SIZE [--force]: a new file with all its blocks reserved.
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/tempcleanup.h"
#include "core/createtemp.h"
#include "core/numberparser.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace hexmap::cli {
namespace {

// Test hook: HEXMAP_CLI_TEST_PAUSE_IN_CREATE=STAGE ("created", "reserved" or "renamed", see createtemp.h) stops
// create at that stage, prints "hexmap-cli: test hook: create paused at STAGE" and waits for a signal.
extern "C" void pauseHook(const char *stage)
{
    const char *wanted = std::getenv("HEXMAP_CLI_TEST_PAUSE_IN_CREATE");
    if (!wanted || std::strcmp(wanted, stage) != 0)
        return;
    printErr(QStringLiteral("hexmap-cli: test hook: create paused at %1").arg(QString::fromLatin1(stage)));
    for (int i = 0; i < 600; ++i)
        ::usleep(100000);
}

} // namespace

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
    const std::string bytes = cli.positionalBytes(0);
    const QString sizeText = cli.positionals().at(1);
    auto size = parseSize(toBytes(sizeText));
    if (!size)
        return cli.fail(ExitUsage, QStringLiteral("malformed size: ") + CommandLine::fromStd(size.message()));
    if (*size == 0)
        return cli.fail(ExitUsage, QStringLiteral("size must be greater than 0: ") + sizeText);
    if (bytes.empty())
        return cli.fail(ExitUsage, QStringLiteral("empty file name"));
    struct stat link {};
    struct stat target {};
    const bool exists = ::lstat(bytes.c_str(), &link) == 0;
    const bool resolves = exists && ::stat(bytes.c_str(), &target) == 0;
    if (resolves && S_ISDIR(target.st_mode))
        return cli.fail(ExitIoError, path + QStringLiteral(": is a directory"));
    if (exists) {
        if (!cli.isSet(QStringLiteral("force")))
            return cli.fail(ExitIoError, path + QStringLiteral(": file exists (use --force to replace it)"));
        if (!resolves || !S_ISREG(target.st_mode))
            return cli.fail(ExitIoError, path + QStringLiteral(": not a regular file"));
    }
    if (std::getenv("HEXMAP_CLI_TEST_PAUSE_IN_CREATE"))
        createtemp::setHook(pauseHook);
    auto file = [&] {
        const TempCleanupOnSignal cleanup("hexmap-cli create: interrupted: the temporary file was removed, nothing "
                                          "was created or replaced\n");
        return MappedFile::create(bytes, *size);
    }();
    createtemp::setHook(nullptr);
    if (!file)
        return cli.fail(ExitIoError, QStringLiteral("cannot create: ") + CommandLine::fromStd(file.message()));
    QJsonObject o;
    o.insert(QStringLiteral("file"), path);
    o.insert(QStringLiteral("size"), static_cast<qint64>(*size));
    cli.printJson(o);
    return ExitOk;
}

} // namespace hexmap::cli

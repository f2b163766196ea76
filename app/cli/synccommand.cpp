// hexmap-cli sync FILE [range] [job options]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/jobrunner.h"

namespace hexmap::cli {

int runSync(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("sync"), QStringLiteral("Write FILE's dirty pages to stable storage (msync "
                                                           "MS_SYNC), chunk by chunk (default 64M)."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to sync."));
    cli.addRangeOptions();
    cli.addJobOptions();
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    JobRunner runner(cli, QStringLiteral("synced"));
    JobSpec spec;
    spec.operation = JobOperation::Sync;
    if (auto code = runner.applyOptions(spec))
        return *code;
    spec.syncWhenDone = false;
    return runner.runOnFileArgument(std::move(spec));
}

} // namespace hexmap::cli

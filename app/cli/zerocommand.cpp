// hexmap-cli zero FILE [range] [job options] [--release-space]
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/exitcode.h"
#include "app/cli/jobrunner.h"

namespace hexmap::cli {

int runZero(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("zero"), QStringLiteral("Zero a range of FILE (fallocate ZERO_RANGE for whole "
                                                           "blocks, memset for the edges; BLKZEROOUT on a block device)."));
    cli.addPositional(QStringLiteral("FILE"), QStringLiteral("The file to write (its size does not change)."));
    cli.addRangeOptions();
    cli.addJobOptions();
    cli.addOption({QStringLiteral("release-space"),
                   QStringLiteral("Punch holes for the whole blocks (fallocate PUNCH_HOLE): they read as zeros "
                                  "and no longer use disk space.")});
    cli.addOption({QStringLiteral("discard"),
                   QStringLiteral("On a block device: discard the whole sectors where the device guarantees zeros "
                                  "on read (fallocate PUNCH_HOLE on the device; refused where it cannot). On a "
                                  "file: the same as --release-space.")});
    if (auto code = cli.parse(arguments, 1, 1))
        return *code;
    JobRunner runner(cli, QStringLiteral("zeroed"));
    JobSpec spec;
    spec.operation = JobOperation::Zero;
    const bool release = cli.isSet(QStringLiteral("release-space")) || cli.isSet(QStringLiteral("discard"));
    spec.zeroMode = release ? ZeroMode::ReleaseSpace : ZeroMode::KeepSpace;
    if (auto code = runner.applyOptions(spec))
        return *code;
    return runner.runOnFileArgument(std::move(spec));
}

} // namespace hexmap::cli

#pragma once

#include "core/journalrecovery.h"
#include "core/overlaysaver.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace hexmap {

// SaveMessages: what the GUI tells the user about a Save that did not complete and about a save journal found when
// a file is opened, in words a user understands ("The disk is full: 4 bytes at 0x3000000 were not saved."),
// translated (context "hexmap::SaveMessages"). Plain functions; GUI thread (translation lookups).
class SaveMessages
{
    Q_DECLARE_TR_FUNCTIONS(hexmap::SaveMessages)
public:
    // "Save failed, the edits are kept: <why, which bytes, what to do>". `unsavedBytes` is the overlay's size.
    static QString failure(const SaveReport &report, std::uint64_t unsavedBytes);
    // One line about a journal found at open (empty for JournalOutcome::None).
    static QString recovery(const JournalRecovery &recovery);
    // A short phrase for an error code: "the disk is full", "the disk reported an input/output error"...
    static QString reason(const std::error_code &code);
};

} // namespace hexmap

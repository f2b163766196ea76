#pragma once

#include <QColor>

class QPalette;

namespace hexmap {

// The colours of the job visualisation, from the Okabe-Ito palette (distinguishable with the common colour-vision
// deficiencies). Workers cycle through seven hues ordered so neighbours differ most; the dark variants are
// lightened where the original is too dark on a dark background. Dirty (written, not synced) is vermillion and
// synced is a neutral blue-grey so they never look like a worker. Thread: plain functions; any thread.
class JobColors {
public:
    static bool isDark(const QPalette &palette);
    static int workerHueCount();
    static QColor worker(int index, bool dark);
    // The worker colour blended for a background tint at `alpha` (0..1) over `base`.
    static QColor tint(const QColor &color, const QColor &base, double alpha);
    static QColor dirty(bool dark);
    static QColor synced(bool dark);
    // What finished jobs wrote, in the map's worker lane: a neutral grey that no worker hue resembles.
    static QColor written(bool dark);
    static QColor edited(bool dark);
    static QColor searchHit(bool dark);
    // Bytes that differ between two compared files (the compare window's map ticks): a red apart from the
    // vermillion of unsynced writes: a contrast of at least 4.5 on mapBackground in either theme (3.4 for the
    // weakest tick, 6/8 of it over the background).
    static QColor difference(bool dark);
    static QColor viewport(bool dark);
    static QColor mapBackground(bool dark);
};

} // namespace hexmap

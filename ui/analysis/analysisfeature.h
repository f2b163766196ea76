#pragma once

#include "ui/pane/windowfeature.h"

namespace hexmap {

class ChecksumsDock;
class InformationDock;

// AnalysisFeature: what the scan engine tells about the current tab's file: the Checksums and Information docks
// (right area, hidden until asked for from View > Checksums / Information) and the overview map's Entropy layer
// (fed by the Information dock's scan, which reads the file only while that dock is shown). Both docks follow the
// current tab. Owned by the window (QObject parent). Thread: GUI thread only.
class AnalysisFeature : public WindowFeature {
    Q_OBJECT
public:
    explicit AnalysisFeature(QWidget *window);

    QList<FeatureDock> featureDocks() const override;
    void setCurrent(Document *document, DocumentPane *pane) override;

    ChecksumsDock *checksums() const { return m_checksums; }
    InformationDock *information() const { return m_information; }

private:
    ChecksumsDock *m_checksums;
    InformationDock *m_information;
};

} // namespace hexmap

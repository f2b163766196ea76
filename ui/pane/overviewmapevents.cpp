#include "ui/pane/overviewmap.h"

#include "core/numberparser.h"
#include "ui/document/jobcenter.h"
#include "ui/view/jobcolors.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>

// OverviewMap's input (click / drag to navigate, Ctrl+wheel and the context menu to zoom and toggle layers), its
// tooltips and legend. The painting is in overviewmap.cpp.
namespace hexmap {

void OverviewMap::navigateTo(int y)
{
    const OverviewModel m = model();
    if (!m.isValid())
        return;
    const int row = std::clamp(y - kMargin, 0, m.height() - 1);
    // The middle of the row's span; the first and last rows reach the very start and end of the window.
    const ByteRange span = m.rowRange(row);
    const ByteRange w = m.window();
    const std::uint64_t target = row == 0 ? w.offset : row == m.height() - 1 ? w.end() - 1 : span.offset + span.size / 2;
    emit navigateRequested(std::min(target, m_size - 1));
}

void OverviewMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_zoom > 1)
        m_dragWindow = window(); // the zoomed window follows the viewport only after the drag
    navigateTo(int(event->position().y()));
}

void OverviewMap::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragWindow) {
        m_dragWindow.reset();
        update();
    }
}

void OverviewMap::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier) || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    setZoom(event->angleDelta().y() > 0 ? m_zoom * 2 : m_zoom / 2);
    event->accept();
}

void OverviewMap::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        emit legendChanged(); // the legend's colours follow the theme
}

void OverviewMap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        navigateTo(int(event->position().y()));
}

void OverviewMap::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const std::pair<Layer, QString> layers[] = {{Workers, tr("Job workers")},
                                                {Durability, tr("Written / synced")},
                                                {Edits, tr("Unsaved edits")},
                                                {SearchHits, tr("Search hits")},
                                                {Viewport, tr("Viewport")},
                                                {Bookmarks, tr("Bookmarks")},
                                                {PageCache, tr("Page cache (kernel)")},
                                                {Entropy, tr("Entropy / byte class")},
                                                {Differences, tr("Differences")},
                                                {Partitions, tr("Partitions")}};
    for (const auto &[layer, name] : layers) {
        // The compare window's maps (a difference provider) show differences, edits and the viewport only.
        if (m_differences ? layer != Differences && layer != Edits && layer != Viewport : layer == Differences)
            continue;
        QAction *a = menu.addAction(name);
        a->setCheckable(true);
        a->setChecked(isLayerVisible(layer));
        connect(a, &QAction::toggled, this, [this, l = layer](bool on) { setLayerVisible(l, on); });
    }
    menu.addSeparator();
    QAction *in = menu.addAction(tr("Zoom In Around the View"), this, [this] { setZoom(m_zoom * 4); });
    in->setEnabled(m_zoom < kMaxZoom && m_size / std::uint64_t(std::max(1, model().height())) > m_zoom);
    QAction *out = menu.addAction(tr("Zoom Out"), this, [this] { setZoom(m_zoom / 4); });
    out->setEnabled(m_zoom > 1);
    QAction *whole = menu.addAction(tr("Whole File"), this, [this] { setZoom(1); });
    whole->setEnabled(m_zoom > 1);
    menu.exec(event->globalPos());
}

QString OverviewMap::laneHelp(int x) const
{
    if (m_differences && isLayerVisible(Differences)) {
        QString text = tr("Ticks = bytes that differ between the two files (stronger: more of the pixel row "
                          "differs); click to go there");
        if (isLayerVisible(Edits) && !m_edits.empty())
            text += QLatin1Char('\n') + tr("Yellow at the right edge = unsaved edits of the tab");
        return text;
    }
    if (x >= durabilityLane().first && x < durabilityLane().second)
        return tr("Vermillion = written by a job, not synced; grey-blue = synced");
    if (showsPageCache() && x >= pageCacheLane().first && x < pageCacheLane().second)
        return tr("Page cache (%1): green = cached, vermillion = dirty, purple = under writeback, empty = not "
                  "cached")
            .arg(m_cacheSource == QLatin1String("mincore") ? tr("mincore: cached only, dirty unknown")
                                                            : tr("kernel, cachestat"));
    if (x >= marksLane().first)
        return tr("Yellow = unsaved edits; ticks = search hits");
    QString lane = tr("Job workers: pale = assigned, solid = written; grey = written by a finished job; a narrow "
                      "strip = flush or sync");
    if (m_cells && isLayerVisible(Entropy))
        lane += QLatin1Char('\n') + m_cellsLegend;
    if (!m_regions.empty() && isLayerVisible(Partitions))
        lane += QLatin1Char('\n') + tr("Outlines = partitions (number and name where they fit)");
    return lane;
}

bool OverviewMap::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto *help = static_cast<QHelpEvent *>(event);
    const OverviewModel m = model();
    if (!m.isValid()) {
        QToolTip::hideText();
        return true;
    }
    const ByteRange span = m.rowRange(std::clamp(help->pos().y() - kMargin, 0, m.height() - 1));
    QString text = tr("0x%1 (%2 per pixel row)\n%3")
                       .arg(QString::number(span.offset, 16).toUpper(),
                            QString::fromStdString(formatSize(std::max<std::uint64_t>(1, span.size))),
                            laneHelp(help->pos().x()));
    if (isLayerVisible(Partitions)) {
        if (const MapRegion *region = regionAt(span.offset))
            text += QLatin1Char('\n') + region->tooltip;
    }
    if (m_zoom > 1) {
        const ByteRange w = m.window();
        text += QLatin1Char('\n') + tr("Zoomed ×%1: 0x%2 – 0x%3 (Ctrl+wheel or the context menu)")
                                        .arg(m_zoom)
                                        .arg(QString::number(w.offset, 16).toUpper(),
                                             QString::number(w.end() - 1, 16).toUpper());
    }
    QToolTip::showText(help->globalPos(), text, this);
    return true;
}

std::vector<OverviewMap::LegendEntry> OverviewMap::legend() const
{
    const bool isDark = dark();
    std::vector<LegendEntry> out;
    if (isLayerVisible(Workers)) {
        std::vector<QColor> running;
        if (m_center)
            for (const JobCenter::WorkerTrack &t : m_center->workerTracks())
                if (t.running)
                    running.push_back(JobColors::worker(t.colorIndex, isDark));
        if (!running.empty())
            out.push_back({running, tr("job workers (pale: to do, solid: written)")});
        out.push_back({{JobColors::written(isDark)}, tr("written by a finished job")});
    }
    if (isLayerVisible(Durability)) {
        out.push_back({{JobColors::dirty(isDark)}, tr("not synced")});
        out.push_back({{JobColors::synced(isDark)}, tr("synced")});
    }
    if (showsPageCache())
        out.push_back({{QColor(0x00, 0x9E, 0x73)}, tr("in page cache")});
    if (isLayerVisible(Edits))
        out.push_back({{JobColors::edited(isDark)}, tr("unsaved edit")});
    if (m_differences && isLayerVisible(Differences))
        out.push_back({{JobColors::difference(isDark)}, tr("differs from the other file")});
    if (isLayerVisible(Partitions) && !m_regions.empty())
        out.push_back({{regionColor(0), regionColor(1), regionColor(2)}, tr("partitions")});
    if (isLayerVisible(Viewport))
        out.push_back({{JobColors::viewport(isDark)}, tr("frame: on screen")});
    if (m_zoom > 1)
        out.push_back({{}, tr("zoom ×%1 (Ctrl+wheel)").arg(m_zoom)});
    return out;
}

QString OverviewMap::whatsThisText()
{
    return tr("<b>Overview map</b>: the whole file from top to bottom (each pixel row stands for size / height "
              "bytes). Lanes, left to right: <i>job workers</i> (each worker's range pale in its colour, what it "
              "wrote solid; when a job ends its colours fade to grey, the bytes jobs wrote), <i>page cache</i> "
              "(when shown), <i>durability</i> (vermillion: written, not synced; blue-grey: synced) and "
              "<i>marks</i> (yellow: unsaved edits; ticks: search hits). A frame shows the bytes on screen, flags "
              "the bookmarks.<br>Click or drag to go there. Ctrl+wheel zooms around the view (the map then shows "
              "size / zoom bytes); the context menu toggles the layers and zooms. Drag the map's left edge to "
              "make it wider.");
}

} // namespace hexmap

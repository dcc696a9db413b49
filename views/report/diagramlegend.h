// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/connectionkind.h>

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <string>
#include <vector>

class QPaintDevice;
class QPainter;
class QPointF;
class QRectF;

namespace nimbus::model {
class Architecture;
class Catalog;
} // namespace nimbus::model

namespace nimbus::views {

/// A 96 dpi paint device for measuring text as exported diagrams draw it (one canvas unit
/// per pixel, fonts as on a standard screen).
const QPaintDevice &diagramMetricsDevice();

/// The legend of an exported diagram: the service categories a design uses, each with its
/// colour and the icons and names of the types used in it, then the connection kinds it
/// uses with their line styles. Entries flow in rows that wrap at the width given; each
/// section starts on a new row. Canvas units, fonts for a 96 dpi device.
class DiagramLegend final
{
    Q_DECLARE_TR_FUNCTIONS(DiagramLegend)

public:
    DiagramLegend(const model::Catalog &catalog, const model::Architecture &architecture);

    bool isEmpty() const { return m_entries.empty(); }
    /// Width of the widest section laid out in one row.
    qreal naturalWidth() const;
    /// Height of the legend wrapped at `width`.
    qreal heightFor(qreal width) const;
    /// Paints the legend in `rect` (its width is the wrapping width).
    void paint(QPainter &painter, const QRectF &rect) const;

    /// The words for a connection kind ("Synchronous call", "Polling", ...).
    static QString kindLabel(model::ConnectionKind kind);

private:
    enum class EntryKind { Heading, Category, Service, Connection };
    struct Entry
    {
        EntryKind kind;
        QString text;
        QColor color;
        std::string typeId;
        model::ConnectionKind connection = model::ConnectionKind::SyncInvoke;
        qreal width = 0;
    };

    void addServices(const model::Catalog &catalog, const model::Architecture &architecture);
    void addConnections(const model::Architecture &architecture);
    void add(EntryKind kind, const QString &text, const QColor &color = {},
             const std::string &typeId = {},
             model::ConnectionKind connection = model::ConnectionKind::SyncInvoke);
    /// Lays the entries out from `origin` wrapping at `width`, painting them when `painter`
    /// is set; returns the height used.
    qreal flow(const QPointF &origin, qreal width, QPainter *painter) const;
    void paintEntry(QPainter &painter, const Entry &entry, const QPointF &topLeft) const;

    std::vector<Entry> m_entries;
};

} // namespace nimbus::views

// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsScene>

namespace nimbus::model {
class Architecture;
}

namespace nimbus::views {

class Document;

/// The diagram: mirrors the document's nodes, edges, groups and notes as graphics items
/// and rebuilds itself on documentReset(). It reads the document by id and never writes
/// to it (editing gestures arrive with the designer issue).
class CanvasScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasScene)

public:
    explicit CanvasScene(const Document &document, QObject *parent = nullptr);

    /// Size of a service box, in scene units.
    static constexpr qreal kNodeWidth = 150;
    static constexpr qreal kNodeHeight = 56;

private:
    static constexpr qreal kGroupPadding = 18;
    static constexpr qreal kGroupTitleHeight = 22;

    void onDocumentReset();
    void addGroupBoxes(const model::Architecture &arch);

    const Document &m_document;
};

} // namespace nimbus::views

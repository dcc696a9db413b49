// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "canvascolours.h"

#include <model/core/connectionkind.h>

#include <QGraphicsScene>
#include <QHash>

#include <functional>
#include <optional>
#include <vector>

class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

namespace nimbus::model {
class Architecture;
struct Finding;
} // namespace nimbus::model

namespace nimbus::views {

/// The text a note shows on the canvas and in diagrams: at most 40 lines of at most 160
/// characters, elided beyond, so that a long note (up to kMaxNoteLength characters) is laid
/// out in bounded room. The full text is what the note holds and what its editor shows.
QString noteDisplayText(const QString &text);

class ConnectionItem;
class Document;
class ServiceItem;

/// The diagram. Mirrors the document's nodes, edges, groups and notes as graphics items
/// keyed by id, updating only the items a signal names. Gestures become commands: a drag
/// is one MoveNodesCommand on release, a drag from a box's handle onto another box is a
/// connection (refused, with the reason shown, where canConnect says no), Delete removes
/// the selection with its connections, arrow keys nudge. Selection, hover and zoom are
/// view state and are not undoable.
class CanvasScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasScene)

public:
    static constexpr qreal kGrid = 20;

    explicit CanvasScene(Document &document, QObject *parent = nullptr);
    /// Stops reporting selection changes first: QGraphicsScene's destructor deselects the
    /// items after this class is gone.
    ~CanvasScene() override;

    /// Chooses a connection kind when several are possible (the window shows a menu);
    /// without a chooser the first (most usual) kind is taken.
    using KindChooser = std::function<std::optional<model::ConnectionKind>(const std::vector<model::ConnectionKind> &, const QPointF &scenePos)>;
    void setKindChooser(KindChooser chooser) { m_kindChooser = std::move(chooser); }

    ServiceItem *serviceItem(const QString &id) const { return m_services.value(id); }
    ConnectionItem *connectionItem(const QString &id) const { return m_connections.value(id); }
    QStringList selectedNodeIds() const;
    QStringList selectedEdgeIds() const;
    /// Selects exactly these items (from the findings panel, for example).
    void selectItems(const QStringList &nodeIds, const QStringList &edgeIds);
    void setSnapToGrid(bool snap) { m_snap = snap; }

    /// Adds a service of `typeId` with its top-left corner near `scenePos` (palette).
    void addService(const QString &typeId, const QPointF &scenePos);
    /// Deletes the selection (one undo step).
    void deleteSelection();
    /// The selected services, with the connections among them, as project-file text
    /// (MIME type kClipboardMime), for copy and cut.
    QByteArray copySelection() const;
    /// Adds a copy of the services and connections in `text` (from copySelection) with new
    /// ids, shifted by `offset`, as one undo step, and selects them. False if `text` holds
    /// no design.
    bool paste(const QByteArray &text, const QPointF &offset);
    /// Copy and paste in one step, next to the originals.
    void duplicateSelection();
    /// Puts the selected services in a new group titled `title` (one undo step).
    void groupSelection(const QString &title);
    /// Adds a note with `text` at `scenePos` (one undo step).
    void addNote(const QPointF &scenePos, const QString &text);
    /// The graphics item showing a group box or a note, for tests and tools.
    QGraphicsItem *decorationItem(const QString &key) const;

    static constexpr const char *kClipboardMime = "application/x-nimbus-design";

    /// The colours around the boxes (background, grid, groups, notes, connections).
    void setColours(const CanvasColours &colours);
    const CanvasColours &colours() const { return m_colours; }

    /// Shows costs and finding badges on the boxes.
    void setCosts(const QHash<QString, QString> &costByNode);
    void setFindings(const std::vector<model::Finding> &findings);

    /// Called by a ServiceItem when it moves, to redraw its connections.
    void serviceMoved(const QString &id);

Q_SIGNALS:
    void selectionIdsChanged(const QStringList &nodeIds, const QStringList &edgeIds);
    /// A connection the rules refuse was attempted; `reason` says why.
    void connectionRefused(const QString &reason);
    /// An edit would take the design over one of its limits (model/core/limits.h); nothing
    /// was changed, `reason` says which limit.
    void editRefused(const QString &reason);
    /// The user double-clicked a note to edit its text.
    void noteEditRequested(const QString &noteId);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    /// False, with editRefused() emitted, when adding `nodes`, `edges`, `groups` and
    /// `notes` would take the design over its limits.
    bool roomFor(std::size_t nodes, std::size_t edges, std::size_t groups = 0, std::size_t notes = 0);
    void rebuild();
    void addServiceItem(const QString &id);
    void addConnectionItem(const QString &id);
    void updateServiceItem(const QString &id);
    void updateConnectionsOf(const QString &nodeId);
    void rebuildDecorations();
    ServiceItem *serviceAt(const QPointF &scenePos) const;
    void finishConnection(const QPointF &scenePos);
    void finishMove();
    void nudge(qreal dx, qreal dy);

    Document &m_document;
    QHash<QString, ServiceItem *> m_services;
    QHash<QString, ConnectionItem *> m_connections;
    QHash<QString, QList<QString>> m_edgesOfNode;
    QList<QGraphicsItem *> m_decorations; ///< group boxes and notes
    KindChooser m_kindChooser;
    bool m_snap = true;
    CanvasColours m_colours = CanvasColours::light();

    // Connection gesture
    QString m_connectFrom;
    QGraphicsLineItem *m_rubberLine = nullptr;
    QGraphicsSimpleTextItem *m_refusalLabel = nullptr;
    ServiceItem *m_hoverTarget = nullptr;

    // Move gesture: positions at press, of services and of notes
    QHash<QString, QPointF> m_pressPositions;
    QHash<QString, QPointF> m_notePressPositions;
};

} // namespace nimbus::views

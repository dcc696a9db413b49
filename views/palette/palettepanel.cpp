// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "palettepanel.h"

#include "../canvas/canvasview.h"
#include "../canvas/serviceicons.h"

#include <model/core/catalog.h>

#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QShortcut>
#include <QVBoxLayout>

namespace nimbus::views {

namespace {

constexpr int kTypeRole = Qt::UserRole + 1;

/// Starts a drag of the service type under the mouse.
class PaletteTree final : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    void startDrag(Qt::DropActions) override
    {
        QTreeWidgetItem *item = currentItem();
        if (!item || item->data(0, kTypeRole).toString().isEmpty())
            return;
        auto *mime = new QMimeData;
        mime->setData(CanvasView::kServiceTypeMime, item->data(0, kTypeRole).toString().toUtf8());
        auto *drag = new QDrag(this);
        drag->setMimeData(mime);
        drag->setPixmap(item->icon(0).pixmap(32, 32));
        drag->exec(Qt::CopyAction);
    }
};

} // namespace

PalettePanel::PalettePanel(const model::Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_search(new QLineEdit(this))
    , m_tree(new PaletteTree(this))
{
    m_search->setPlaceholderText(tr("Search services"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("palette-search"));
    m_tree->setObjectName(QStringLiteral("palette-tree"));
    m_tree->setHeaderHidden(true);
    m_tree->setIconSize(QSize(20, 20));
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setRootIsDecorated(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    populate();
    connect(m_search, &QLineEdit::textChanged, this, &PalettePanel::setFilter);
    // Enter (activation) or a double click adds the service at the centre of the canvas.
    auto add = [this](QTreeWidgetItem *item) {
        const QString type = item->data(0, kTypeRole).toString();
        if (!type.isEmpty())
            Q_EMIT addRequested(type);
    };
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, add);
    auto *enter = new QShortcut(QKeySequence(Qt::Key_Return), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(enter, &QShortcut::activated, this, [this, add] {
        if (QTreeWidgetItem *item = m_tree->currentItem())
            add(item);
    });
}

void PalettePanel::populate()
{
    for (const model::Category &category : m_catalog.categories()) {
        auto *header = new QTreeWidgetItem(m_tree, {QString::fromStdString(category.name)});
        QFont bold = header->font(0);
        bold.setBold(true);
        header->setFont(0, bold);
        header->setFlags(Qt::ItemIsEnabled);
        for (const model::ServiceType &type : m_catalog.types()) {
            if (type.category != category.id)
                continue;
            const QString name = QString::fromStdString(type.name);
            auto *item = new QTreeWidgetItem(header, {name});
            item->setData(0, kTypeRole, QString::fromStdString(type.id));
            item->setIcon(0, serviceIcon(type.id));
            item->setToolTip(0, QString::fromStdString(type.description));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        header->setExpanded(true);
    }
}

void PalettePanel::setFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *header = m_tree->topLevelItem(c);
        int visible = 0;
        for (int i = 0; i < header->childCount(); ++i) {
            QTreeWidgetItem *item = header->child(i);
            const model::ServiceType *type = m_catalog.type(item->data(0, kTypeRole).toString().toStdString());
            const QString haystack = QString::fromStdString(type->name + ' ' + type->shortName + ' ' + type->id + ' '
                                                            + type->category);
            const bool match = needle.isEmpty() || haystack.contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        header->setHidden(visible == 0);
    }
}

} // namespace nimbus::views

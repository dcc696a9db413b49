// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace nimbus::model {
class Catalog;
}

namespace nimbus::views {

/// The service palette: every service type of the catalog by category, with its colour,
/// a search box, drag onto the canvas, and double-click (or Enter) to add at the centre.
class PalettePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PalettePanel)

public:
    explicit PalettePanel(const model::Catalog &catalog, QWidget *parent = nullptr);

    /// Shows only the types whose name, short name, id or category contains `text`.
    void setFilter(const QString &text);
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void addRequested(const QString &typeId);

private:
    void populate();

    const model::Catalog &m_catalog;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace nimbus::views

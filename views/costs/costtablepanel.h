// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/cost/currency.h>

#include <QSet>
#include <QString>
#include <QWidget>

class QLabel;
class QModelIndex;
class QStackedWidget;
class QStandardItemModel;
class QTreeView;

namespace nimbus::model {
struct Estimate;
}

namespace nimbus::views {

struct Analysis;

/// The monthly estimate as a table: one row per priced service (name, service type and
/// monthly cost, most expensive first) with a child row per price dimension (quantity,
/// unit price, monthly cost, "unknown" when the price list lacks the price); each line's
/// formula is its tooltip. A footer gives the total, the free-tier savings, the region and
/// the date the prices were read, and warns when prices are unknown. Clicking a row emits
/// serviceActivated() with the service's node id. It only shows what setAnalysis() hands in.
class CostTablePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostTablePanel)

public:
    enum Column {
        NameColumn,
        TypeColumn,
        QuantityColumn,
        UnitPriceColumn,
        CostColumn,
        ColumnCount
    };
    enum Role {
        NodeIdRole = Qt::UserRole + 1, ///< QString, on every row's first column
        SortValueRole,                 ///< the raw number (or text) shown, for sorting and tests
    };

    explicit CostTablePanel(QWidget *parent = nullptr);
    ~CostTablePanel() override;

    void setAnalysis(const Analysis &analysis);
    /// The currency figures are shown in (prices stay in US dollars underneath; the sort
    /// values are the dollar amounts). Takes effect at the next setAnalysis().
    void setCurrency(const model::Currency &currency) { m_currency = currency; }
    const model::Currency &currency() const { return m_currency; }

Q_SIGNALS:
    void serviceActivated(const QString &nodeId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createFooter();
    void createView();
    void fill(const model::Estimate &estimate);
    void updateFooter(const model::Estimate *estimate);
    void restoreViewState();
    void onClicked(const QModelIndex &index);

    QStandardItemModel *m_model;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_footer = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_savings = nullptr;
    QLabel *m_source = nullptr;
    QWidget *m_warning = nullptr;
    QLabel *m_warningText = nullptr;
    model::Currency m_currency;
    QSet<QString> m_collapsed; ///< services the user folded, kept across updates
};

} // namespace nimbus::views

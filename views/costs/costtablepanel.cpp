// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "costtablepanel.h"

#include "../findings/analysis.h"

#include <model/core/propertyvalue.h>
#include <model/cost/currency.h>
#include <model/cost/estimate.h>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <vector>

namespace nimbus::views {

namespace {

constexpr Qt::Alignment kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;

/// Right-aligned numbers in neighbouring columns would touch; this keeps a gap between
/// columns and a little air between rows.
class PaddedDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(16, 4);
    }
};

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QStandardItem *textItem(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(text, CostTablePanel::SortValueRole);
    return item;
}

QStandardItem *numberItem(const QString &text, const QVariant &value)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setTextAlignment(kNumberAlignment);
    item->setData(value, CostTablePanel::SortValueRole);
    return item;
}

QStandardItem *unknownItem()
{
    QStandardItem *item = numberItem(CostTablePanel::tr("unknown"), QVariant());
    QFont font = item->font();
    font.setItalic(true);
    item->setFont(font);
    return item;
}

/// The formula with the numbers filled in, plus where the price comes from; rich text so
/// that the long formulas wrap.
QString lineToolTip(const model::LineItem &line)
{
    QString text;
    if (!line.explanation.empty())
        text += QStringLiteral("<p>%1</p>").arg(qs(line.explanation).toHtmlEscaped());
    if (line.unknown) {
        text += QStringLiteral("<p>%1</p>")
                    .arg(CostTablePanel::tr("The price list has no price for %1; this line is "
                                            "left out of the total.")
                             .arg(qs(line.priceKey).toHtmlEscaped()));
    }
    QString price = qs(line.priceKey);
    if (!line.priceStatus.empty())
        price += QStringLiteral(" (%1)").arg(qs(line.priceStatus));
    text += QStringLiteral("<p><i>%1</i>").arg(price.toHtmlEscaped());
    if (!line.priceSource.empty())
        text += QStringLiteral("<br>%1").arg(qs(line.priceSource).toHtmlEscaped());
    return text + QStringLiteral("</p>");
}

QList<QStandardItem *> lineRow(const model::LineItem &line, const model::Currency &currency)
{
    QStandardItem *label = textItem(qs(line.label));
    label->setData(qs(line.node.str()), CostTablePanel::NodeIdRole);
    QString quantity = qs(model::formatAmount(line.quantity));
    if (!line.unit.empty())
        quantity += QLatin1Char(' ') + qs(line.unit);
    QList<QStandardItem *> row{label, textItem(QString()), numberItem(quantity, line.quantity)};
    if (line.unknown) {
        row << unknownItem() << unknownItem();
    } else {
        row << numberItem(qs(model::formatCurrencyPrice(line.unitPrice, currency)), line.unitPrice)
            << numberItem(qs(model::formatCurrency(line.cost, currency)), line.cost);
    }
    const QString tip = lineToolTip(line);
    for (QStandardItem *item : row)
        item->setToolTip(tip);
    return row;
}

/// A service's row, with its price dimensions as children.
QList<QStandardItem *> serviceRow(const model::Estimate &estimate,
                                  const std::vector<const model::LineItem *> &lines,
                                  const model::Currency &currency)
{
    const model::LineItem &first = *lines.front();
    const double total = estimate.nodeTotal(first.node);
    bool unknown = false;
    for (const model::LineItem *line : lines)
        unknown = unknown || line->unknown;

    QStandardItem *name = textItem(qs(first.nodeName));
    name->setData(qs(first.node.str()), CostTablePanel::NodeIdRole);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    QString money = qs(model::formatCurrency(total, currency));
    if (unknown)
        money = CostTablePanel::tr("%1 + unknown").arg(money);
    QStandardItem *cost = numberItem(money, total);
    QFont costFont = bold;
    costFont.setItalic(unknown);
    cost->setFont(costFont);

    QList<QStandardItem *> row{name, textItem(qs(first.service)), textItem(QString()),
                               textItem(QString()), cost};
    const QString tip = unknown ? CostTablePanel::tr("%1 (%2): %3 per month, without the "
                                                     "prices the list lacks")
                                : CostTablePanel::tr("%1 (%2): %3 per month");
    for (QStandardItem *item : row)
        item->setToolTip(
            QStringLiteral("<p>%1</p>")
                .arg(tip.arg(qs(first.nodeName), qs(first.service), money).toHtmlEscaped()));
    for (const model::LineItem *line : lines)
        name->appendRow(lineRow(*line, currency));
    return row;
}

} // namespace

CostTablePanel::CostTablePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    createView();
    m_placeholder = new QLabel(tr("No estimate yet."), this);
    m_placeholder->setObjectName(QStringLiteral("cost-placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_placeholder);
    m_stack->setCurrentWidget(m_placeholder);
    layout->addWidget(m_stack, 1);
    layout->addWidget(createFooter());
    updateFooter(nullptr);
}

CostTablePanel::~CostTablePanel() = default;

void CostTablePanel::createView()
{
    const QStringList titles{tr("Service"), tr("Type"), tr("Quantity"), tr("Unit price"),
                             tr("Monthly")};
    m_model->setColumnCount(ColumnCount);
    for (int column = 0; column < ColumnCount; ++column) {
        auto *header = new QStandardItem(titles.at(column));
        header->setTextAlignment(column >= QuantityColumn ? kNumberAlignment
                                                          : Qt::AlignLeft | Qt::AlignVCenter);
        m_model->setHorizontalHeaderItem(column, header);
    }
    m_model->setSortRole(SortValueRole);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("cost-view"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new PaddedDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CostColumn, Qt::DescendingOrder);

    QHeaderView *header = m_view->header();
    // Names and numbers are never cut; the service type takes what is left.
    header->setStretchLastSection(false);
    for (int column = 0; column < ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TypeColumn, QHeaderView::Stretch);

    connect(m_view, &QAbstractItemView::clicked, this, &CostTablePanel::onClicked);
    m_view->installEventFilter(this);
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        m_collapsed.insert(index.siblingAtColumn(NameColumn).data(NodeIdRole).toString());
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsed.remove(index.siblingAtColumn(NameColumn).data(NodeIdRole).toString());
    });
}

QWidget *CostTablePanel::createFooter()
{
    auto *footer = new QWidget(this);
    m_footer = footer;
    auto *grid = new QGridLayout(footer);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);

    m_total = new QLabel(footer);
    m_total->setObjectName(QStringLiteral("cost-total"));
    m_total->setTextFormat(Qt::PlainText);
    QFont big = m_total->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_total->setFont(big);
    m_savings = new QLabel(footer);
    m_savings->setObjectName(QStringLiteral("cost-savings"));
    m_savings->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_source = new QLabel(footer);
    m_source->setObjectName(QStringLiteral("cost-source"));
    grid->addWidget(m_total, 0, 0);
    grid->addWidget(m_savings, 0, 1);
    grid->addWidget(m_source, 1, 0, 1, 2);

    m_warning = new QWidget(footer);
    auto *warningRow = new QHBoxLayout(m_warning);
    warningRow->setContentsMargins(0, 4, 0, 0);
    auto *icon = new QLabel(m_warning);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    m_warningText = new QLabel(m_warning);
    m_warningText->setObjectName(QStringLiteral("cost-warning"));
    m_warningText->setWordWrap(true);
    warningRow->addWidget(icon);
    warningRow->addWidget(m_warningText, 1);
    grid->addWidget(m_warning, 2, 0, 1, 2);
    return footer;
}

void CostTablePanel::setAnalysis(const Analysis &analysis)
{
    m_model->removeRows(0, m_model->rowCount());
    if (!analysis.estimate) {
        m_placeholder->setText(tr("No estimate yet."));
        m_stack->setCurrentWidget(m_placeholder);
        updateFooter(nullptr);
        return;
    }
    fill(*analysis.estimate);
    if (m_model->rowCount() == 0) {
        m_placeholder->setText(tr("Nothing in the design has a price yet."));
        m_stack->setCurrentWidget(m_placeholder);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
    updateFooter(&*analysis.estimate);
}

void CostTablePanel::fill(const model::Estimate &estimate)
{
    // Items come grouped by node in design order; keep that grouping, whatever the sort.
    std::vector<std::vector<const model::LineItem *>> services;
    for (const model::LineItem &line : estimate.items) {
        if (services.empty() || services.back().front()->node != line.node)
            services.emplace_back();
        services.back().push_back(&line);
    }
    for (const auto &lines : services)
        m_model->appendRow(serviceRow(estimate, lines, m_currency));
    const QHeaderView *header = m_view->header();
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    restoreViewState();
}

void CostTablePanel::restoreViewState()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, NameColumn);
        m_view->setExpanded(index, !m_collapsed.contains(index.data(NodeIdRole).toString()));
    }
}

void CostTablePanel::updateFooter(const model::Estimate *estimate)
{
    m_footer->setVisible(estimate != nullptr);
    if (!estimate)
        return;
    m_total->setText(
        tr("Total per month: %1").arg(qs(model::formatCurrency(estimate->total, m_currency))));
    m_savings->setText(
        tr("Free tier saves %1")
            .arg(qs(model::formatCurrency(estimate->freeTierSavings, m_currency))));
    const QString date =
        estimate->pricesDate.empty() ? tr("(date unknown)") : qs(estimate->pricesDate);
    m_source->setText(tr("%1 · prices read %2").arg(qs(estimate->region), date));
    if (estimate->unknownPrices.empty()) {
        m_warning->hide();
        return;
    }
    QStringList keys;
    for (const std::string &key : estimate->unknownPrices)
        keys.append(qs(key));
    m_warningText->setText(
        tr("Some prices are unknown and left out of the total: %1.").arg(keys.join(", ")));
    m_warning->show();
}

bool CostTablePanel::eventFilter(QObject *watched, QEvent *event)
{
    // Enter activates like a click; QAbstractItemView::activated would also fire on
    // double-clicks (which expand and collapse here) and, in some styles, on every click.
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_view->currentIndex().isValid()) {
            onClicked(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CostTablePanel::onClicked(const QModelIndex &index)
{
    const QString id = index.siblingAtColumn(NameColumn).data(NodeIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT serviceActivated(id);
}

} // namespace nimbus::views

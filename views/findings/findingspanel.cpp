// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "findingspanel.h"

#include "analysis.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <array>
#include <optional>

namespace nimbus::views {

namespace {

constexpr std::array<model::Severity, 3> kSeverities{
    model::Severity::Error, model::Severity::Warning, model::Severity::Info};

QString countText(model::Severity severity, int count)
{
    switch (severity) {
    case model::Severity::Error:
        return count == 1 ? FindingsPanel::tr("1 error")
                          : FindingsPanel::tr("%1 errors").arg(count);
    case model::Severity::Warning:
        return count == 1 ? FindingsPanel::tr("1 warning")
                          : FindingsPanel::tr("%1 warnings").arg(count);
    case model::Severity::Info:
        return FindingsPanel::tr("%1 info").arg(count);
    }
    return {};
}

QString filterText(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Error:
        return FindingsPanel::tr("Errors");
    case model::Severity::Warning:
        return FindingsPanel::tr("Warnings");
    case model::Severity::Info:
        return FindingsPanel::tr("Info");
    }
    return {};
}

/// QTreeView measures rows without a width (QTreeView::indexRowSizeHint), so wrapped text
/// would be cut to one line; this measures wrapping columns at their current width. Columns
/// sized to their contents are measured unwrapped, or they could never grow.
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    static constexpr int kRowPadding = 6;

    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem measured = option;
        const QHeaderView *header = m_view->header();
        if (header->sectionResizeMode(index.column()) == QHeaderView::ResizeToContents)
            measured.rect = QRect();
        else
            measured.rect = QRect(0, 0, m_view->columnWidth(index.column()), 1);
        return QStyledItemDelegate::sizeHint(measured, index) + QSize(0, kRowPadding);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->decorationAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    }

private:
    QTreeView *m_view;
};

/// Findings are recomputed after every edit; this recognises "the same" finding in the new
/// list so that the selection survives.
bool sameFinding(const model::Finding &a, const model::Finding &b)
{
    return a.rule == b.rule && a.nodes == b.nodes && a.edges == b.edges;
}

} // namespace

FindingsPanel::FindingsPanel(const Document &document, QWidget *parent)
    : QWidget(parent)
    , m_model(new FindingsModel(document, this))
    , m_filter(new FindingsFilterModel(this))
{
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(createHeader());

    createView();
    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("findings-placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_placeholder);
    layout->addWidget(m_stack, 1);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("finding-detail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_detail->setOpenExternalLinks(true);
    m_detail->setFrameShape(QFrame::StyledPanel);
    m_detail->setMargin(6);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_detail);

    updateCounts();
    updatePlaceholder();
    updateDetail();
}

FindingsPanel::~FindingsPanel() = default;

QWidget *FindingsPanel::createHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    m_counts = new QLabel(header);
    m_counts->setObjectName(QStringLiteral("findings-counts"));
    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);
    row->addWidget(m_counts, 1);
    for (model::Severity severity : kSeverities) {
        auto *button = new QToolButton(header);
        button->setObjectName(QStringLiteral("filter-%1").arg(model::severityName(severity)));
        button->setText(filterText(severity));
        button->setIcon(FindingsModel::severityIcon(severity));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setCheckable(true);
        button->setChecked(true);
        button->setAutoRaise(true);
        button->setToolTip(tr("Show or hide %1").arg(filterText(severity).toLower()));
        connect(button, &QToolButton::toggled, this,
                [this, severity](bool shown) { onFilterToggled(severity, shown); });
        row->addWidget(button);
    }
    return header;
}

void FindingsPanel::createView()
{
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("findings-view"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setItemDelegate(new WrappingDelegate(m_view));
    m_view->installEventFilter(this);

    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(60);
    header->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FindingsModel::RuleColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FindingsModel::ServicesColumn, QHeaderView::Interactive);
    header->resizeSection(FindingsModel::ServicesColumn, 170);

    // QTreeView measures word-wrapped rows once; after a column changes width the rows
    // must be measured again or wrapped text is cut off.
    m_relayout = new QTimer(this);
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(0);
    connect(m_relayout, &QTimer::timeout, m_view, &QTreeView::doItemsLayout);
    connect(header, &QHeaderView::sectionResized, m_relayout, qOverload<>(&QTimer::start));

    connect(m_view, &QAbstractItemView::clicked, this, &FindingsPanel::activate);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FindingsPanel::updateDetail);
}

void FindingsPanel::setAnalysis(const Analysis &analysis)
{
    std::optional<model::Finding> selected;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!rows.isEmpty()) {
        if (const model::Finding *f = m_model->finding(m_filter->mapToSource(rows.first()).row()))
            selected = *f;
    }

    m_analysed = true;
    m_model->setFindings(analysis.findings);

    if (selected) {
        const auto &findings = m_model->findings();
        for (std::size_t row = 0; row < findings.size(); ++row) {
            if (!sameFinding(findings[row], *selected))
                continue;
            const QModelIndex index =
                m_filter->mapFromSource(m_model->index(static_cast<int>(row), 0));
            if (index.isValid()) {
                m_view->selectionModel()->setCurrentIndex(
                    index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            }
            break;
        }
    }
    updateCounts();
    updatePlaceholder();
    updateDetail();
}

bool FindingsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_view->currentIndex().isValid()) {
            activate(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindingsPanel::onFilterToggled(model::Severity severity, bool shown)
{
    m_filter->setSeverityShown(severity, shown);
    updatePlaceholder();
    updateDetail();
}

void FindingsPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex row = index.siblingAtColumn(0);
    Q_EMIT findingActivated(row.data(FindingsModel::NodeIdsRole).toStringList(),
                            row.data(FindingsModel::EdgeIdsRole).toStringList());
}

void FindingsPanel::updateCounts()
{
    const model::FindingSummary summary = model::summarise(m_model->findings());
    const QString separator = QStringLiteral(" · ");
    m_counts->setText(countText(model::Severity::Error, summary.errors) + separator +
                      countText(model::Severity::Warning, summary.warnings) + separator +
                      countText(model::Severity::Info, summary.infos));
}

void FindingsPanel::updateDetail()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const model::Finding *f =
        rows.isEmpty() ? nullptr : m_model->finding(m_filter->mapToSource(rows.first()).row());
    if (!f) {
        m_detail->setText(tr("Select a finding to see how to fix it."));
        m_detail->setToolTip(QString());
        return;
    }
    QString text = QStringLiteral("<b>%1</b> %2")
                       .arg(tr("Fix:"), QString::fromStdString(f->fix).toHtmlEscaped());
    if (!f->docs.empty()) {
        const QString address = QString::fromStdString(f->docs);
        const QString host = QUrl(address).host();
        text += QStringLiteral("<br><a href=\"%1\">%2</a>")
                    .arg(address.toHtmlEscaped(), tr("Read the documentation on %1")
                                                      .arg(host.isEmpty() ? address : host)
                                                      .toHtmlEscaped());
    }
    m_detail->setText(text);
    m_detail->setToolTip(QString::fromStdString(f->docs));
}

void FindingsPanel::updatePlaceholder()
{
    QString message;
    if (!m_analysed)
        message = tr("The design has not been checked yet.");
    else if (m_model->rowCount() == 0)
        message = tr("No findings — the design passes every check");
    else if (m_filter->rowCount() == 0)
        message = tr("Every finding is hidden by the filters above.");
    m_placeholder->setText(message);
    m_stack->setCurrentWidget(message.isEmpty() ? static_cast<QWidget *>(m_view) : m_placeholder);
    m_detail->setVisible(message.isEmpty());
}

} // namespace nimbus::views

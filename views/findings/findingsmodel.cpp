// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "findingsmodel.h"

#include "../document/document.h"

#include <QApplication>
#include <QStringList>
#include <QStyle>

namespace nimbus::views {

namespace {

QStringList idList(const auto &ids)
{
    QStringList list;
    list.reserve(static_cast<qsizetype>(ids.size()));
    for (const auto &id : ids)
        list.append(QString::fromStdString(id.str()));
    return list;
}

QString nodeName(const model::Architecture &arch, const model::NodeId &id)
{
    const model::Node *node = arch.node(id);
    if (!node)
        return QString::fromStdString(id.str());
    return node->name.empty() ? QString::fromStdString(id.str())
                              : QString::fromStdString(node->name);
}

} // namespace

FindingsModel::FindingsModel(const Document &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    // Findings arrive from the app after a change; names may change (or vanish) before the
    // next analysis arrives, so the Services column follows the document meanwhile.
    connect(&document, &Document::nodeChanged, this, &FindingsModel::refreshServices);
    connect(&document, &Document::nodeRemoved, this, &FindingsModel::refreshServices);
    connect(&document, &Document::documentReset, this, &FindingsModel::refreshServices);
}

void FindingsModel::setFindings(std::vector<model::Finding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

const model::Finding *FindingsModel::finding(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_findings.size()))
        return nullptr;
    return &m_findings[static_cast<std::size_t>(row)];
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    const model::Finding *f = index.isValid() ? finding(index.row()) : nullptr;
    if (!f)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(f->severity);
        case RuleColumn:
            return QString::fromStdString(f->rule);
        case MessageColumn:
            return QString::fromStdString(f->message);
        case ServicesColumn:
            return servicesText(*f);
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(f->severity)) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(*f);
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SeverityRole:
        return static_cast<int>(f->severity);
    case NodeIdsRole:
        return idList(f->nodes);
    case EdgeIdsRole:
        return idList(f->edges);
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case MessageColumn:
        return tr("Message");
    case ServicesColumn:
        return tr("Services");
    }
    return {};
}

QString FindingsModel::severityText(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Error:
        return tr("Error");
    case model::Severity::Warning:
        return tr("Warning");
    case model::Severity::Info:
        return tr("Info");
    }
    return {};
}

QIcon FindingsModel::severityIcon(model::Severity severity)
{
    QStyle *style = QApplication::style();
    switch (severity) {
    case model::Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case model::Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case model::Severity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

QString FindingsModel::servicesText(const model::Finding &finding) const
{
    const model::Architecture &arch = m_document.architecture();
    QStringList names;
    for (const model::NodeId &id : finding.nodes)
        names.append(nodeName(arch, id));
    // A finding about connections only names their ends.
    if (names.isEmpty()) {
        for (const model::EdgeId &id : finding.edges) {
            const model::Edge *edge = arch.edge(id);
            names.append(
                edge ? tr("%1 → %2").arg(nodeName(arch, edge->source), nodeName(arch, edge->target))
                     : QString::fromStdString(id.str()));
        }
    }
    return names.join(QStringLiteral(", "));
}

QString FindingsModel::toolTip(const model::Finding &finding) const
{
    // Rich text, so that Qt wraps long sentences instead of showing one endless line.
    QString text =
        QStringLiteral("<p>%1</p>").arg(QString::fromStdString(finding.message).toHtmlEscaped());
    if (!finding.fix.empty()) {
        text += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Fix:"), QString::fromStdString(finding.fix).toHtmlEscaped());
    }
    if (!finding.docs.empty()) {
        text += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Docs:"), QString::fromStdString(finding.docs).toHtmlEscaped());
    }
    return text;
}

void FindingsModel::refreshServices()
{
    if (m_findings.empty())
        return;
    Q_EMIT dataChanged(index(0, ServicesColumn), index(rowCount() - 1, ServicesColumn),
                       {Qt::DisplayRole});
}

} // namespace nimbus::views

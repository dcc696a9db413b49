// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/analysis/finding.h>

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace nimbus::views {

class Document;

/// Presents validation findings as a table: severity (icon and word), rule id, message and
/// the names of the services involved, resolved through the Document so that a renamed
/// service shows its new name. Tooltips carry the suggested fix and the documentation
/// address. The findings are handed in by setFindings(); the model never validates.
class FindingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)

public:
    enum Column { SeverityColumn, RuleColumn, MessageColumn, ServicesColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, ///< int, a model::Severity
        NodeIdsRole,                     ///< QStringList
        EdgeIdsRole,                     ///< QStringList
    };

    explicit FindingsModel(const Document &document, QObject *parent = nullptr);

    /// Replaces every finding (a model reset).
    void setFindings(std::vector<model::Finding> findings);
    const std::vector<model::Finding> &findings() const { return m_findings; }
    /// The finding shown in `row`, or nullptr when there is no such row.
    const model::Finding *finding(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "Error", "Warning", "Info", translated.
    static QString severityText(model::Severity severity);
    /// The style's standard message-box icon for a severity.
    static QIcon severityIcon(model::Severity severity);

private:
    QString servicesText(const model::Finding &finding) const;
    QString toolTip(const model::Finding &finding) const;
    void refreshServices();

    const Document &m_document;
    std::vector<model::Finding> m_findings;
};

} // namespace nimbus::views

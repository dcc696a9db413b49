// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <model/core/diagnostic.h>

#include <QStringList>
#include <QWidget>

class QLabel;
class QModelIndex;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace nimbus::views {

struct Analysis;
class Document;
class FindingsFilterModel;
class FindingsModel;

/// The list of validation findings: a header with the counts per severity and a filter
/// toggle per severity, the findings (severity, rule, word-wrapped message, services), and
/// the selected finding's fix with a link to the documentation. Clicking a finding, or
/// pressing Enter on it, emits findingActivated() so that the window can select and centre
/// the services and connections concerned. It only shows what setAnalysis() hands in.
class FindingsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsPanel)

public:
    explicit FindingsPanel(const Document &document, QWidget *parent = nullptr);
    ~FindingsPanel() override;

    void setAnalysis(const Analysis &analysis);

Q_SIGNALS:
    void findingActivated(const QStringList &nodeIds, const QStringList &edgeIds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createHeader();
    void createView();
    void onFilterToggled(model::Severity severity, bool shown);
    void activate(const QModelIndex &index);
    void updateCounts();
    void updateDetail();
    void updatePlaceholder();

    FindingsModel *m_model;
    FindingsFilterModel *m_filter;
    QLabel *m_counts = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_detail = nullptr;
    QTimer *m_relayout = nullptr;
    bool m_analysed = false;
};

} // namespace nimbus::views

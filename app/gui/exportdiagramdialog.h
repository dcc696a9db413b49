// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <views/report/diagramexport.h>

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace nimbus::app {

/// File > Export Diagram…: where to write the picture (the format follows the extension:
/// PNG, SVG or PDF), the PNG scale, the whole design or the selection, the title, the date,
/// the legend, the background and the PDF page.
class ExportDiagramDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDiagramDialog)

public:
    /// `selectedServices` is how many services are selected (0 disables "Selection").
    ExportDiagramDialog(const QString &designName, const QString &path, int selectedServices,
                        QWidget *parent = nullptr);

    QString filePath() const;
    void setFilePath(const QString &path);
    bool isSelectionOnly() const;
    /// The options chosen (without node ids: the caller adds the selection).
    views::DiagramExportOptions options() const;

    /// Asks where and how, then writes the diagram of `document` (only `selectedNodeIds`
    /// when the user chooses the selection). Shows what went wrong; returns the file
    /// written, or an empty string.
    static QString exportDiagram(const views::Document &document,
                                 const QStringList &selectedNodeIds, QWidget *parent);

private:
    void browse();
    void updateForFormat();

    QLineEdit *m_path;
    QLabel *m_format;
    QComboBox *m_scale;
    QRadioButton *m_whole;
    QRadioButton *m_selection;
    QCheckBox *m_title;
    QLineEdit *m_titleText;
    QCheckBox *m_date;
    QCheckBox *m_legend;
    QComboBox *m_background;
    QComboBox *m_page;
    QDialogButtonBox *m_buttons;
};

} // namespace nimbus::app

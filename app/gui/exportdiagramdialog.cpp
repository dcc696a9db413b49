// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "exportdiagramdialog.h"

#include <model/core/limits.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace nimbus::app {

using Options = views::DiagramExportOptions;

ExportDiagramDialog::ExportDiagramDialog(const QString &designName, const QString &path,
                                         int selectedServices, QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(path, this))
    , m_format(new QLabel(this))
    , m_scale(new QComboBox(this))
    , m_whole(new QRadioButton(tr("&Whole design"), this))
    , m_selection(
          new QRadioButton(tr("&Selection (%n service(s))", nullptr, selectedServices), this))
    , m_title(new QCheckBox(tr("&Title:"), this))
    , m_titleText(new QLineEdit(designName, this))
    , m_date(new QCheckBox(tr("With today's &date"), this))
    , m_legend(new QCheckBox(tr("&Legend of the services and connections used"), this))
    , m_background(new QComboBox(this))
    , m_page(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Diagram"));
    m_path->setMinimumWidth(380);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    m_scale->addItem(tr("1× (96 dpi)"), 1);
    m_scale->addItem(tr("2× (192 dpi, for high-density screens)"), 2);
    m_whole->setChecked(true);
    m_selection->setEnabled(selectedServices > 0);
    auto *content = new QVBoxLayout;
    content->addWidget(m_whole);
    content->addWidget(m_selection);
    m_title->setChecked(true);
    m_titleText->setMaxLength(int(model::kMaxNameLength));
    auto *title = new QHBoxLayout;
    title->addWidget(m_title);
    title->addWidget(m_titleText, 1);
    m_legend->setChecked(true);
    m_background->addItem(tr("White"), int(Options::Background::White));
    m_background->addItem(tr("Canvas colour"), int(Options::Background::Canvas));
    m_background->addItem(tr("Transparent (PNG, SVG)"), int(Options::Background::Transparent));
    m_page->addItem(tr("Sized to the diagram"), int(Options::PdfPage::FitDiagram));
    m_page->addItem(tr("A4 landscape, shrunk to fit"), int(Options::PdfPage::A4Landscape));
    m_page->setToolTip(tr("A design too large to stay readable on A4 gets the next larger A size"));

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), file);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Scale:"), m_scale);
    form->addRow(tr("Content:"), content);
    form->addRow(title);
    form->addRow(QString(), m_date);
    form->addRow(m_legend);
    form->addRow(tr("Background:"), m_background);
    form->addRow(tr("PDF page:"), m_page);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ExportDiagramDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDiagramDialog::updateForFormat);
    connect(m_title, &QCheckBox::toggled, m_titleText, &QWidget::setEnabled);
    connect(m_title, &QCheckBox::toggled, m_date, &QWidget::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateForFormat();
}

QString ExportDiagramDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ExportDiagramDialog::setFilePath(const QString &path)
{
    m_path->setText(path);
}

bool ExportDiagramDialog::isSelectionOnly() const
{
    return m_selection->isChecked();
}

Options ExportDiagramDialog::options() const
{
    Options options;
    options.scale = m_scale->currentData().toInt();
    options.title = m_title->isChecked();
    options.titleText = m_titleText->text().trimmed();
    options.date = m_date->isChecked();
    options.legend = m_legend->isChecked();
    options.background = Options::Background(m_background->currentData().toInt());
    options.pdfPage = Options::PdfPage(m_page->currentData().toInt());
    return options;
}

void ExportDiagramDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export diagram"), filePath(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!path.isEmpty())
        setFilePath(path);
}

void ExportDiagramDialog::updateForFormat()
{
    const std::optional<views::DiagramFormat> format = views::diagramFormatForPath(filePath());
    if (!format)
        m_format->setText(tr("<i>Name the file .png, .svg or .pdf</i>"));
    else if (*format == views::DiagramFormat::Png)
        m_format->setText(tr("PNG image"));
    else if (*format == views::DiagramFormat::Svg)
        m_format->setText(tr("SVG drawing"));
    else
        m_format->setText(tr("PDF document"));
    m_scale->setEnabled(format == views::DiagramFormat::Png);
    m_page->setEnabled(format == views::DiagramFormat::Pdf);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(format.has_value());
}

QString ExportDiagramDialog::exportDiagram(const views::Document &document,
                                           const QStringList &selectedNodeIds, QWidget *parent)
{
    const QFileInfo design(document.filePath());
    const QDir folder = document.filePath().isEmpty() ? QDir::home() : design.dir();
    const QString stem =
        document.filePath().isEmpty() ? document.displayName() : design.completeBaseName();
    ExportDiagramDialog dialog(document.displayName(),
                               folder.filePath(stem + QStringLiteral(".png")),
                               int(selectedNodeIds.size()), parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    Options options = dialog.options();
    if (dialog.isSelectionOnly())
        options.nodeIds = selectedNodeIds;
    const views::DiagramExport diagram(document, options);
    QString error;
    if (!diagram.write(dialog.filePath(), &error)) {
        QMessageBox::warning(parent, tr("Cannot export the diagram"), error);
        return {};
    }
    return dialog.filePath();
}

} // namespace nimbus::app

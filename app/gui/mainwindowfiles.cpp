// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The File side of the main window: open, save, recent files, the unsaved-work prompt,
// dropped files, and the autosave that lets a crashed session recover.

#include "mainwindow.h"

#include <app/cli/builtincatalog.h>
#include <model/iac/exporter.h>
#include <model/iac/exportfiles.h>
#include <model/iac/importer.h>
#include <model/io/atomicfile.h>
#include <model/io/projectfile.h>
#include <model/layout/autolayout.h>
#include <views/document/document.h>

#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

namespace nimbus::app {

namespace {

const char *const kRecentKey = "recentFiles";
constexpr int kMaxRecent = 8;

} // namespace

QString MainWindow::recoveryPathFor(const QString &path)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
    const QByteArray key = path.isEmpty() ? QByteArray("untitled")
                                          : QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(),
                                                                     QCryptographicHash::Sha1).toHex().left(16);
    return folder + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".nimbus");
}

void MainWindow::autosaveNow()
{
    if (!m_document->isModified())
        return;
    const QString recovery = recoveryPathFor(m_document->filePath());
    QDir().mkpath(QFileInfo(recovery).path());
    std::string error;
    if (!model::writeFileAtomically(recovery.toStdString(), model::writeProject(m_document->architecture()), error))
        statusBar()->showMessage(tr("Autosave failed: %1").arg(QString::fromStdString(error)), 8000);
}

bool MainWindow::restoreRecovery(const QString &recoveryPath, const QString &original)
{
    const model::Diagnostics diagnostics = m_document->recover(recoveryPath, original);
    return !model::hasErrors(diagnostics);
}

void MainWindow::offerUntitledRecovery()
{
    const QString recovery = recoveryPathFor(QString());
    if (!QFileInfo::exists(recovery))
        return;
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved design?"),
        tr("Nimbus found an unsaved design from a session that did not end normally. Recover it?"),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        restoreRecovery(recovery, QString());
    else
        QFile::remove(recovery);
}

bool MainWindow::openFile(const QString &path, bool interactive, QStringList *problems)
{
    const model::Diagnostics diagnostics = m_document->open(path);
    if (!model::hasErrors(diagnostics)) {
        addRecentFile(path);
        // A recovery copy newer than the file means the last session ended without saving.
        const QString recovery = recoveryPathFor(path);
        if (interactive && QFileInfo::exists(recovery)
            && QFileInfo(recovery).lastModified() > QFileInfo(path).lastModified()) {
            const auto answer = QMessageBox::question(
                this, tr("Recover unsaved changes?"),
                tr("Nimbus found unsaved changes to %1 from a session that did not end normally. "
                   "Recover them?").arg(QFileInfo(path).fileName()),
                QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
            if (answer == QMessageBox::Yes)
                restoreRecovery(recovery, path);
            else
                QFile::remove(recovery);
        }
        return true;
    }
    QStringList lines;
    for (const model::Diagnostic &d : diagnostics)
        lines << QString::fromStdString(d.toString());
    if (problems)
        *problems = lines;
    if (interactive) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot open design"),
                        tr("%1 could not be opened. Your current design is unchanged.").arg(path),
                        QMessageBox::Ok, this);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
    }
    statusBar()->showMessage(lines.value(0), 10000);
    return false;
}

bool MainWindow::saveTo(const QString &path)
{
    const QString previousRecovery = recoveryPathFor(m_document->filePath());
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::warning(
            this, tr("Cannot save"),
            tr("The design was not saved: %1\nThe previous file is unchanged.").arg(error));
        return false;
    }
    QFile::remove(previousRecovery);
    QFile::remove(recoveryPathFor(path));
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

void MainWindow::onNew()
{
    if (maybeSave())
        m_document->newDesign(m_preferences.designSettings());
}

void MainWindow::onOpen()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open design"), QString(),
                                                      tr("Nimbus designs (*.nimbus)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::onSave()
{
    if (m_document->filePath().isEmpty())
        return onSaveAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::onSaveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save design"), m_document->filePath(),
                                                tr("Nimbus designs (*.nimbus)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".nimbus")))
        path += QStringLiteral(".nimbus");
    return saveTo(path);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return onSave();
    QFile::remove(recoveryPathFor(m_document->filePath()));
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".nimbus"))) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".nimbus")) && maybeSave()) {
            openFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace nimbus::app

namespace nimbus::app {

void MainWindow::showProblems(const QString &title, const QString &text, const model::Diagnostics &diagnostics,
                              bool interactive)
{
    QStringList lines;
    for (const auto &d : diagnostics) {
        if (d.severity != model::Severity::Info)
            lines << QString::fromStdString(d.toString());
    }
    statusBar()->showMessage(lines.isEmpty() ? text : lines.front(), 10000);
    if (!interactive)
        return;
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    if (!lines.isEmpty())
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}

bool MainWindow::importTemplate(const QString &path, bool interactive)
{
    model::iac::ImportResult result = model::iac::importTemplateFile(path.toStdString(), m_catalog);
    if (!result.ok()) {
        showProblems(tr("Cannot import template"),
                     tr("%1 could not be imported. Your current design is unchanged.").arg(path),
                     result.diagnostics, interactive);
        return false;
    }
    model::LayoutResult layout;
    if (!result.positioned) { // a Nimbus export brings the positions it was drawn with
        QApplication::setOverrideCursor(Qt::WaitCursor);
        statusBar()->showMessage(tr("Laying out %1 services…").arg(result.design.nodes().size()));
        layout = model::autoLayout(result.design);
        QApplication::restoreOverrideCursor();
    }
    for (const auto &[id, position] : layout.positions) {
        if (model::Node *node = result.design.node(id))
            node->position = position;
    }
    const auto stats = result.stats;
    std::size_t warnings = 0;
    for (const auto &d : result.diagnostics)
        warnings += d.severity == model::Severity::Warning ? 1 : 0;
    m_document->adopt(std::move(result.design));
    const QString summary = tr("Imported %1: %2 resources, %3 services (%4 generic), %5 connections inferred, %6 warnings")
                                .arg(QFileInfo(path).fileName())
                                .arg(stats.resources)
                                .arg(stats.nodes)
                                .arg(stats.genericNodes)
                                .arg(stats.edges)
                                .arg(warnings);
    if (warnings > 0 || !layout.ok())
        showProblems(tr("Template imported with warnings"), summary, result.diagnostics, interactive);
    statusBar()->showMessage(summary, 15000);
    return true;
}

bool MainWindow::exportTemplate(const QString &path, bool cloudFormation, bool interactive)
{
    model::iac::ExportOptions options;
    options.format = cloudFormation ? model::iac::TemplateFormat::CloudFormation : model::iac::TemplateFormat::Sam;
    options.nimbusVersion = QStringLiteral(NIMBUS_VERSION).toStdString();
    const QFileInfo target(path);
    options.fileStem = target.completeBaseName().toStdString();
    const model::iac::ExportResult result =
        model::iac::exportDesign(m_document->architecture(), m_catalog, builtinPolicyTemplates(), options);
    if (!result.ok()) {
        showProblems(tr("Cannot export"), tr("The design cannot be exported as a template."), result.diagnostics,
                     interactive);
        return false;
    }
    std::string error;
    if (!model::iac::writeExportFiles(result, QFile::encodeName(path).toStdString(), error)) {
        showProblems(tr("Cannot export"),
                     tr("The template was not exported: %1\nThe previous files are unchanged.")
                         .arg(QString::fromStdString(error)),
                     {}, interactive);
        return false;
    }
    QString summary = tr("Exported %1 resources to %2").arg(result.stats.resources).arg(target.fileName());
    if (result.files.size() > 1)
        summary += tr(" and %1 nested stack files").arg(result.files.size() - 1);
    if (result.stats.secretReferences > 0)
        summary += tr("; %n secret value(s) read from AWS Secrets Manager when the stack deploys",
                      nullptr, int(result.stats.secretReferences));
    statusBar()->showMessage(summary, 10000);
    return true;
}

void MainWindow::onImportTemplate()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import template"), QString(),
                                                      tr("CloudFormation and SAM templates (*.yaml *.yml *.json *.template);;All files (*)"));
    if (!path.isEmpty())
        importTemplate(path);
}

void MainWindow::onExportTemplate(bool cloudFormation)
{
    QString suggested = QFileInfo(m_document->filePath()).completeBaseName();
    if (suggested.isEmpty())
        suggested = QStringLiteral("template");
    QString path = QFileDialog::getSaveFileName(this, cloudFormation ? tr("Export CloudFormation template") : tr("Export SAM template"),
                                                suggested + QStringLiteral(".yaml"), tr("YAML templates (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".yaml")) && !path.endsWith(QStringLiteral(".yml")))
        path += QStringLiteral(".yaml");
    exportTemplate(path, cloudFormation);
}

} // namespace nimbus::app

// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "cli/builtincatalog.h"
#include "cli/cli.h"
#include "cli/terminaltext.h"
#include "gui/mainwindow.h"
#include "gui/plurals.h"
#include "gui/rendercommand.h"
#include "gui/reportcommand.h"
#include "gui/screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMessageBox>
#include <QTimer>

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

namespace {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    nimbus::app::EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);
    QApplication::setApplicationName(QStringLiteral("Nimbus"));
    QApplication::setApplicationVersion(QStringLiteral(NIMBUS_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Nimbus"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.nimbus.Nimbus"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design AWS serverless architectures."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render the window to <png> and exit."),
                                  QStringLiteral("png"));
    parser.addOption(screenshot);
    QCommandLineOption dashboard(QStringLiteral("dashboard"),
                                 QStringLiteral("With --screenshot: show the cost dashboard beside the canvas."));
    parser.addOption(dashboard);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Design to open."));
    parser.process(app);

    nimbus::model::CatalogLoadResult catalog = nimbus::app::loadCatalog();
    if (!catalog.ok()) {
        QString details;
        for (const auto &d : catalog.diagnostics)
            details += QString::fromStdString(d.toString()) + QLatin1Char('\n');
        std::cerr << details.toStdString();
        QMessageBox::critical(nullptr, QStringLiteral("Nimbus"),
                              QStringLiteral("The service catalog is damaged:\n") + details);
        return nimbus::app::ExitUsage;
    }
    nimbus::app::MainWindow window(catalog.catalog);
    const QStringList files = parser.positionalArguments();
    const bool headless = parser.isSet(screenshot);
    QStringList problems;
    if (!files.isEmpty() && !window.openFile(files.first(), !headless, &problems) && headless) {
        for (const QString &problem : problems)
            std::cerr << problem.toStdString() << '\n';
        std::cerr << "nimbus: " << files.first().toStdString()
                  << " could not be opened; no screenshot was taken\n";
        return nimbus::app::ExitUsage;
    }
    if (headless) {
        window.show();
        if (parser.isSet(dashboard))
            window.showDashboard();
        window.analyseNow(); // the screenshot shows findings and costs, not a pending timer
        QApplication::processEvents();
        QString error;
        if (!nimbus::app::saveScreenshot(window, parser.value(screenshot), &error)) {
            std::cerr << "nimbus: " << error.toStdString() << '\n';
            return nimbus::app::ExitUsage;
        }
        return nimbus::app::ExitClean;
    }
    window.show();
    if (files.isEmpty())
        window.offerUntitledRecovery();
    return QApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    // A file size limit (ulimit -f) then fails the write with "File too large", reported like
    // a full disk, instead of killing Nimbus half way through it.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool render = nimbus::app::isRenderInvocation(args);
    if (render || nimbus::app::isReportInvocation(args)) {
        // Drawing needs Qt's GUI classes but never a window: the offscreen platform gives
        // the same picture with or without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        nimbus::app::EnglishPlurals plurals;
        QCoreApplication::installTranslator(&plurals);
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        nimbus::app::TerminalText out(std::cout);
        nimbus::app::TerminalText err(std::cerr);
        return render ? nimbus::app::runRender(rest, out, err)
                      : nimbus::app::runReport(rest, out, err);
    }
    if (nimbus::app::isCliInvocation(args)) {
        // Headless: no QApplication, no display needed.
        QCoreApplication app(argc, argv);
        return nimbus::app::runCli(args, std::cout, std::cerr);
    }
    return runGui(argc, argv);
}

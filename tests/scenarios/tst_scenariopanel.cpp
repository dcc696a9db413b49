// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The Scenarios panel, driven through its real widgets: list buttons, in-place renaming,
// the settings form, overrides, undo and redo; and its place in the main window (the
// comparison table, the scenario shown on the canvas, File > Compare with Design).

#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <app/gui/mainwindow.h>
#include <model/core/limits.h>
#include <model/cost/scenariocomparison.h>
#include <views/document/document.h>
#include <views/scenarios/scenarioeditor.h>
#include <views/scenarios/scenariopanel.h>

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <memory>
#include <sstream>

using namespace nimbus;
using nimbus::tests::builtinCatalog;
using nimbus::tests::sourcePath;

namespace {

const QString kWeb = QStringLiteral("templates/web-application.nimbus");

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no widget %s", name);
    return found;
}

const model::Scenario &scenarioAt(const views::Document &d, std::size_t i)
{
    return d.architecture().scenarios().at(i);
}

/// Where screenshots go when NIMBUS_SCREENSHOTS names a folder (to look at them).
void saveShot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("NIMBUS_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(50); // let layouts catch up with the last changes
    QVERIFY(widget->grab().save(QDir(dir).filePath(QLatin1String(name))));
}

} // namespace

class TestScenarioPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_document = std::make_unique<views::Document>(builtinCatalog());
        QVERIFY(!model::hasErrors(m_document->open(sourcePath(kWeb))));
        m_panel = std::make_unique<views::ScenarioPanel>(*m_document);
        m_panel->resize(1200, 320);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_document.reset();
    }

    void listShowsTheScenariosOfTheFile()
    {
        QListWidget *list = m_panel->list();
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(0)->text(), QStringLiteral("launch"));
        QCOMPARE(list->currentRow(), 0);
        QCOMPARE(child<QDoubleSpinBox>(m_panel.get(), "scenario-multiplier")->value(), 0.2);
    }

    void addRenameDuplicateDeleteAreUndoSteps()
    {
        QUndoStack *stack = m_document->undoStack();
        QTest::mouseClick(child<QPushButton>(m_panel.get(), "scenario-add"), Qt::LeftButton);
        QCOMPARE(m_document->architecture().scenarios().size(), std::size_t(4));
        QCOMPARE(m_panel->list()->currentRow(), 3);
        QCOMPARE(scenarioAt(*m_document, 3).name, std::string("Scenario"));

        QTest::mouseClick(child<QPushButton>(m_panel.get(), "scenario-rename"), Qt::LeftButton);
        auto *editor = m_panel->list()->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("winter"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(scenarioAt(*m_document, 3).name, std::string("winter"));
        QCOMPARE(stack->undoText(), QStringLiteral("Rename scenario 'Scenario' to 'winter'"));

        QTest::mouseClick(child<QPushButton>(m_panel.get(), "scenario-duplicate"), Qt::LeftButton);
        QCOMPARE(scenarioAt(*m_document, 4).name, std::string("winter copy"));
        m_panel->selectScenario(1);
        QTest::mouseClick(child<QPushButton>(m_panel.get(), "scenario-delete"), Qt::LeftButton);
        QCOMPARE(m_document->architecture().scenarios().size(), std::size_t(4));
        QVERIFY(!model::findScenario(m_document->architecture(), "peak season"));

        QCOMPARE(stack->count(), 4);
        stack->undo(); // the deletion
        QCOMPARE(scenarioAt(*m_document, 1).name, std::string("peak season"));
        QCOMPARE(m_panel->list()->item(1)->text(), QStringLiteral("peak season"));
        stack->undo();
        stack->undo();
        QCOMPARE(scenarioAt(*m_document, 3).name, std::string("Scenario"));
        stack->undo();
        QCOMPARE(m_panel->list()->count(), 3);
        stack->redo();
        QCOMPARE(m_panel->list()->count(), 4);
    }

    void renamingToATakenNameIsRefused()
    {
        QSignalSpy problems(m_panel.get(), &views::ScenarioPanel::problem);
        m_panel->list()->item(0)->setText(QStringLiteral("peak season"));
        QCOMPARE(problems.count(), 1);
        QCOMPARE(m_panel->list()->item(0)->text(), QStringLiteral("launch"));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    void namesAndTextsStayWithinTheLimits()
    {
        QSignalSpy problems(m_panel.get(), &views::ScenarioPanel::problem);
        m_panel->list()->item(0)->setText(QString(qsizetype(model::kMaxNameLength) + 1, 'n'));
        QCOMPARE(problems.count(), 1);
        QVERIFY2(problems.front().front().toString().contains(QStringLiteral("at most 256")),
                 qPrintable(problems.front().front().toString()));
        QCOMPARE(m_panel->list()->item(0)->text(), QStringLiteral("launch"));
        QCOMPARE(m_document->undoStack()->count(), 0);
        QCOMPARE(child<QLineEdit>(m_panel.get(), "scenario-description")->maxLength(),
                 int(model::kMaxDescriptionLength));
        QCOMPARE(child<QLineEdit>(m_panel.get(), "scenario-override-value")->maxLength(),
                 int(model::kMaxPropertyTextLength));
    }

    void typingInTheFormIsOneUndoStepPerField()
    {
        auto *description = child<QLineEdit>(m_panel.get(), "scenario-description");
        description->selectAll();
        QTest::keyClicks(description, QStringLiteral("Soft launch"));
        QCOMPARE(scenarioAt(*m_document, 0).description, std::string("Soft launch"));
        QCOMPARE(m_document->undoStack()->count(), 1); // eleven key presses, one step
        QTest::keyClick(description, Qt::Key_Return);

        auto *multiplier = child<QDoubleSpinBox>(m_panel.get(), "scenario-multiplier");
        multiplier->selectAll();
        QTest::keyClicks(multiplier, QStringLiteral("4"));
        QTest::keyClick(multiplier, Qt::Key_Return);
        QCOMPARE(scenarioAt(*m_document, 0).trafficMultiplier, 4.0);
        QCOMPARE(m_document->undoStack()->count(), 2);

        m_document->undoStack()->undo();
        QCOMPARE(scenarioAt(*m_document, 0).trafficMultiplier, 0.2);
        QCOMPARE(multiplier->value(), 0.2); // the form follows the document
        m_document->undoStack()->undo();
        QCOMPARE(description->text(), QString::fromStdString(scenarioAt(*m_document, 0).description));
        QVERIFY(description->text() != QStringLiteral("Soft launch"));
        m_document->undoStack()->redo();
        QCOMPARE(description->text(), QStringLiteral("Soft launch"));
    }

    void choicesSetArchitectureAndCapacity()
    {
        auto *architecture = child<QComboBox>(m_panel.get(), "scenario-architecture");
        QCOMPARE(architecture->currentText(), QStringLiteral("As designed"));
        architecture->setFocus();
        QTest::keyClick(architecture, Qt::Key_Down); // to arm64
        QCOMPARE(scenarioAt(*m_document, 0).architecture, std::optional<std::string>("arm64"));
        QTest::keyClick(architecture, Qt::Key_Down);
        QCOMPARE(scenarioAt(*m_document, 0).architecture, std::optional<std::string>("x86_64"));
        auto *freeTier = child<QComboBox>(m_panel.get(), "scenario-free-tier");
        QTest::keyClick(freeTier, Qt::Key_End); // "Not applied"
        QCOMPARE(scenarioAt(*m_document, 0).freeTier, std::optional<bool>(false));
        QCOMPARE(m_document->undoStack()->count(), 3);
        m_document->undoStack()->undo();
        QCOMPARE(freeTier->currentText(), QStringLiteral("As designed"));
        QCOMPARE(child<QComboBox>(m_panel.get(), "scenario-capacity")->currentText(), QStringLiteral("As designed"));
        m_panel->selectScenario(2); // 5x growth uses provisioned tables
        QCOMPARE(child<QComboBox>(m_panel.get(), "scenario-capacity")->currentText(), QStringLiteral("Provisioned"));
    }

    void overridesForTheSelectedService()
    {
        child<QTabWidget>(m_panel.get(), "scenario-editor-tabs")->setCurrentIndex(1); // Overrides
        auto *add = child<QPushButton>(m_panel.get(), "scenario-override-add");
        QVERIFY(!add->isVisible()); // nothing selected on the canvas
        m_panel->setSelectedServices({QStringLiteral("create-order")});
        QVERIFY(add->isVisible());
        QCOMPARE(child<QLabel>(m_panel.get(), "scenario-override-target")->text(), QStringLiteral("For Create order:"));
        auto *property = child<QComboBox>(m_panel.get(), "scenario-override-property");
        property->setCurrentIndex(property->findData(QStringLiteral("memoryMb")));
        auto *value = child<QLineEdit>(m_panel.get(), "scenario-override-value");
        QCOMPARE(value->text(), QStringLiteral("512")); // the service's own value to start from
        value->selectAll();
        QTest::keyClicks(value, QStringLiteral("2048"));
        QTest::mouseClick(add, Qt::LeftButton);
        const model::Scenario &s = scenarioAt(*m_document, 0);
        QCOMPARE(s.overrides.size(), std::size_t(1));
        QCOMPARE(s.overrides[0].node.str(), std::string("create-order"));
        QCOMPARE(std::get<std::int64_t>(s.overrides[0].value), std::int64_t(2048));
        auto *table = child<QTableWidget>(m_panel.get(), "scenario-overrides");
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, views::ScenarioEditor::ServiceColumn)->text(), QStringLiteral("Create order"));
        QCOMPARE(table->item(0, views::ScenarioEditor::PropertyColumn)->text(), QStringLiteral("Memory"));

        QSignalSpy problems(m_panel.get(), &views::ScenarioPanel::problem);
        table->item(0, views::ScenarioEditor::ValueColumn)->setText(QStringLiteral("64")); // below 128 MB
        QCOMPARE(problems.count(), 1);
        QCOMPARE(table->item(0, views::ScenarioEditor::ValueColumn)->text(), QStringLiteral("2048"));
        table->item(0, views::ScenarioEditor::ValueColumn)->setText(QStringLiteral("1024"));
        QCOMPARE(std::get<std::int64_t>(scenarioAt(*m_document, 0).overrides[0].value), std::int64_t(1024));

        table->selectRow(0);
        QTest::mouseClick(child<QPushButton>(m_panel.get(), "scenario-override-remove"), Qt::LeftButton);
        QVERIFY(scenarioAt(*m_document, 0).overrides.empty());
        m_document->undoStack()->undo();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, views::ScenarioEditor::ValueColumn)->text(), QStringLiteral("1024"));
        saveShot(m_panel.get(), "scenario-panel-overrides.png");
    }

    void mainWindowComparesScenariosAndDesigns()
    {
        app::MainWindow window(builtinCatalog());
        QVERIFY(window.openFile(sourcePath(kWeb), false));
        window.show();
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("scenarios-dock"));
        QVERIFY(dock);
        dock->raise();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.analyseNow();
        views::ScenarioPanel *panel = window.scenarios();
        QTableWidget *table = panel->comparisonTable();
        QTRY_COMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, views::ScenarioPanel::NameColumn)->text(), QStringLiteral("As designed"));
        QCOMPARE(table->item(3, views::ScenarioPanel::NameColumn)->text(), QStringLiteral("5x growth"));
        QVERIFY(table->item(0, views::ScenarioPanel::MonthlyColumn)->text().startsWith(QLatin1Char('$')));
        QCOMPARE(table->item(3, views::ScenarioPanel::BreakEvenColumn)->text(), QStringLiteral("> ×100"));
        panel->setCurrency({"EUR", "€", 0.9});
        QVERIFY(table->item(0, views::ScenarioPanel::ServersColumn)->text().startsWith(QStringLiteral("€")));
        QCOMPARE(panel->comparison().size(), std::size_t(4));

        // Show "5x growth" on the canvas: the status bar prices that scenario.
        panel->selectScenario(2);
        QTest::mouseClick(child<QCheckBox>(panel, "scenario-show-on-canvas"), Qt::LeftButton);
        QCOMPARE(window.activeScenario(), QStringLiteral("5x growth"));
        QLabel *cost = nullptr;
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            if (label->text().startsWith(QStringLiteral("Monthly cost")))
                cost = label;
        }
        QVERIFY(cost);
        QVERIFY2(cost->text().contains(QStringLiteral("scenario <b>5x growth</b>")), qPrintable(cost->text()));
        saveShot(&window, "mainwindow-scenarios.png");
        saveShot(panel, "scenario-panel.png");

        // Deleting the scenario shown returns the canvas to the design as drawn.
        QTest::mouseClick(child<QPushButton>(panel, "scenario-delete"), Qt::LeftButton);
        QCOMPARE(window.activeScenario(), QString());
        QVERIFY(!cost->text().contains(QStringLiteral("scenario")));

        QVERIFY(window.compareWithDesign(sourcePath("templates/iot-backend.nimbus"), false));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, views::ScenarioPanel::NameColumn)->text(), QStringLiteral("IoT backend"));
        QVERIFY(child<QLabel>(panel, "scenario-comparison-title")->text().contains(QStringLiteral("iot-backend.nimbus")));
        saveShot(panel, "scenario-panel-designs.png");
        QTest::mouseClick(child<QPushButton>(panel, "scenario-close-designs"), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 3); // As designed and the two scenarios left
        QVERIFY(!window.compareWithDesign(sourcePath("tests/data/malformed/bad-yaml.nimbus"), false));
        QCOMPARE(table->rowCount(), 3);
        window.document().undoStack()->setClean(); // no "save changes?" on close
    }

    /// Large designs are compared on the worker, like the dashboard: the table and chart
    /// fill in when it is done, with the same figures as the model computes inline.
    void largeDesignsAreComparedInTheBackground()
    {
        app::MainWindow window(builtinCatalog());
        QVERIFY(window.openFile(sourcePath(kWeb), false));
        window.setDashboardInlineLimit(0); // every design counts as large here
        window.show();
        window.findChild<QDockWidget *>(QStringLiteral("scenarios-dock"))->raise();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.analyseNow();
        views::ScenarioPanel *panel = window.scenarios();
        QTRY_COMPARE(panel->comparisonTable()->rowCount(), 4);
        std::ostringstream err;
        const auto prices = app::loadPrices("us-east-1", "", err);
        QVERIFY(prices);
        const auto expected = model::compareScenarios(
            window.document().architecture(), builtinCatalog(),
            [&](const std::string &region) { return region == "us-east-1" ? &*prices : nullptr; }, {});
        QCOMPARE(panel->comparison().size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(panel->comparison()[i].name, expected[i].name);
            QCOMPARE(panel->comparison()[i].monthly, expected[i].monthly);
            QCOMPARE(panel->comparison()[i].tco3Servers, expected[i].tco3Servers);
        }
        window.document().undoStack()->setClean();
    }

private:
    std::unique_ptr<views::Document> m_document;
    std::unique_ptr<views::ScenarioPanel> m_panel;
};

QTEST_MAIN(TestScenarioPanel)
#include "tst_scenariopanel.moc"

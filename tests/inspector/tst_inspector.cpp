// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <views/commands/removeitemscommand.h>
#include <views/commands/setpropertycommands.h>
#include <views/document/document.h>
#include <views/inspector/inspectorpanel.h>
#include <views/inspector/propertysheet.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <QWheelEvent>

#include <memory>

using namespace nimbus;
using tests::builtinCatalog;
using tests::sourcePath;

namespace {

std::optional<model::PropertyValue> nodeProperty(const views::Document &document, const char *node,
                                                 const char *key)
{
    const model::Node *n = document.architecture().node(model::NodeId(node));
    if (!n)
        return std::nullopt;
    const auto it = n->properties.find(key);
    return it == n->properties.end() ? std::nullopt
                                     : std::optional<model::PropertyValue>(it->second);
}

std::optional<double> nodeNumber(const views::Document &document, const char *node, const char *key)
{
    const auto value = nodeProperty(document, node, key);
    return value ? model::toNumber(*value) : std::nullopt;
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<views::Document> m_document;
    std::unique_ptr<views::InspectorPanel> m_panel;

    QUndoStack &stack() { return *m_document->undoStack(); }

    template <typename T> T *find(const QString &name)
    {
        T *widget = m_panel->findChild<T *>(name);
        if (widget && !widget->isVisible())
            return nullptr; // only what the user can see counts
        return widget;
    }

    /// Gives keyboard focus to `widget` the way a user would: with the window active.
    static void focus(QWidget *widget)
    {
        widget->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(widget->hasFocus());
    }

    void selectNode(const QString &id) { m_panel->setSelection({id}, {}); }

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<views::Document>(builtinCatalog());
        QVERIFY(
            !model::hasErrors(m_document->open(sourcePath("templates/web-application.nimbus"))));
        m_panel = std::make_unique<views::InspectorPanel>(*m_document);
        m_panel->resize(360, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_document.reset();
    }

    void nothingSelectedShowsTheHint()
    {
        auto *hint = find<QLabel>(QStringLiteral("inspector-hint"));
        QVERIFY(hint);
        QCOMPARE(hint->text(),
                 QStringLiteral("Select a service or a connection to see its properties"));
        QVERIFY(!m_panel->sheet());

        selectNode(QStringLiteral("create-order"));
        QVERIFY(m_panel->sheet());
        QVERIFY(!find<QLabel>(QStringLiteral("inspector-hint")));

        m_panel->setSelection({}, {});
        QVERIFY(!m_panel->sheet());
        QVERIFY(find<QLabel>(QStringLiteral("inspector-hint")));
        QVERIFY(!find<QSpinBox>(QStringLiteral("property-memoryMb")));
    }

    void oneNodeShowsItsTypeNameAndGroupedProperties()
    {
        selectNode(QStringLiteral("create-order"));
        QCOMPARE(find<QLabel>(QStringLiteral("inspector-title"))->text(),
                 QStringLiteral("Lambda function"));
        QCOMPARE(find<QLineEdit>(QStringLiteral("name-edit"))->text(),
                 QStringLiteral("Create order"));
        QVERIFY(find<QLabel>(QStringLiteral("inspector-swatch"))->styleSheet().contains("#ed7100"));

        auto *memory = find<QSpinBox>(QStringLiteral("property-memoryMb"));
        QVERIFY(memory);
        QCOMPARE(memory->value(), 512);
        QCOMPARE(memory->minimum(), 128);
        QCOMPARE(memory->maximum(), 10240);
        QCOMPARE(memory->suffix(), QStringLiteral(" MB"));
        QVERIFY(memory->toolTip().contains(QStringLiteral("CPU grows with memory")));
        QVERIFY(memory->toolTip().contains(QStringLiteral("128 to 10240 MB")));
        QVERIFY(find<QToolButton>(QStringLiteral("reset-memoryMb"))->isEnabled());

        QVERIFY(find<QDoubleSpinBox>(QStringLiteral("property-averageDurationMs")));
        QCOMPARE(find<QComboBox>(QStringLiteral("property-architecture"))->currentText(),
                 QStringLiteral("arm64"));
        QVERIFY(find<QLineEdit>(QStringLiteral("property-environmentVariables")));

        // Not set on the node: the catalog default, marked and with nothing to reset.
        auto *storage = find<QSpinBox>(QStringLiteral("property-ephemeralStorageMb"));
        QCOMPARE(storage->value(), 512);
        QVERIFY(storage->text().contains(QStringLiteral("(default)")));
        QVERIFY(storage->font().italic());
        QVERIFY(!find<QToolButton>(QStringLiteral("reset-ephemeralStorageMb"))->isEnabled());
        QVERIFY(find<QComboBox>(QStringLiteral("property-runtime"))
                    ->placeholderText()
                    .contains("(default)"));

        // Sections in the fixed order, each editor below its own section.
        const QStringList sections = {"Configuration", "Workload", "Reliability", "Security"};
        int previousY = -1;
        for (const QString &section : sections) {
            QWidget *header = find<QWidget>(QStringLiteral("section-") + section);
            QVERIFY2(header, qPrintable(section));
            QVERIFY(header->y() > previousY);
            previousY = header->y();
        }
        QVERIFY(find<QWidget>(QStringLiteral("property-maximumRetryAttempts"))->y() >
                find<QWidget>(QStringLiteral("section-Reliability"))->y());
    }

    void typedValueIsOneUndoStepAndUndoUpdatesTheEditor()
    {
        selectNode(QStringLiteral("create-order"));
        auto *memory = find<QSpinBox>(QStringLiteral("property-memoryMb"));
        focus(memory);
        QTest::keyClick(memory, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(memory, QStringLiteral("1024"));
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 512.0); // not committed yet
        QCOMPARE(stack().count(), 0);
        QTest::keyClick(memory, Qt::Key_Return);
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 1024.0);
        QCOMPARE(stack().count(), 1);
        QCOMPARE(memory->value(), 1024);

        stack().undo();
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 512.0);
        QCOMPARE(memory->value(), 512);
        QCOMPARE(find<QSpinBox>(QStringLiteral("property-memoryMb")),
                 memory); // updated, not rebuilt
        stack().redo();
        QCOMPARE(memory->value(), 1024);

        // Tab commits as well, and leaving the editor starts a new undo step next time.
        auto *timeout = find<QSpinBox>(QStringLiteral("property-timeoutSeconds"));
        focus(timeout);
        QTest::keyClick(timeout, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(timeout, QStringLiteral("30"));
        QTest::keyClick(timeout, Qt::Key_Tab);
        QVERIFY(!timeout->hasFocus());
        QCOMPARE(nodeNumber(*m_document, "create-order", "timeoutSeconds"), 30.0);
        QCOMPARE(stack().count(), 2);
    }

    void arrowStepsInOneFocusSessionMerge()
    {
        selectNode(QStringLiteral("create-order"));
        auto *memory = find<QSpinBox>(QStringLiteral("property-memoryMb"));
        focus(memory);
        QTest::keyClick(memory, Qt::Key_Up);
        QTest::keyClick(memory, Qt::Key_Up);
        QTest::keyClick(memory, Qt::Key_Up);
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 515.0);
        QCOMPARE(stack().count(), 1);

        // Leaving the editor closes the session: coming back is a new undo step.
        focus(find<QLineEdit>(QStringLiteral("name-edit")));
        focus(memory);
        QTest::keyClick(memory, Qt::Key_Up);
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 516.0);
        QCOMPARE(stack().count(), 2);

        stack().undo();
        QCOMPARE(memory->value(), 515);
        stack().undo();
        QCOMPARE(memory->value(), 512);
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 512.0);
    }

    void wheelOverAnUnfocusedEditorDoesNotChangeIt()
    {
        selectNode(QStringLiteral("create-order"));
        auto *memory = find<QSpinBox>(QStringLiteral("property-memoryMb"));
        const QPointF centre = QRectF(memory->rect()).center();
        QWheelEvent wheel(centre, memory->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(memory, &wheel);
        QCOMPARE(memory->value(), 512);
        QCOMPARE(stack().count(), 0);
        focus(memory);
        QApplication::sendEvent(memory, &wheel);
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 513.0);
    }

    void resetButtonGoesBackToTheDefault()
    {
        selectNode(QStringLiteral("create-order"));
        auto *reset = find<QToolButton>(QStringLiteral("reset-memoryMb"));
        auto *memory = find<QSpinBox>(QStringLiteral("property-memoryMb"));
        QVERIFY(reset->isEnabled());
        QVERIFY(!memory->text().contains(QStringLiteral("(default)")));
        QTest::mouseClick(reset, Qt::LeftButton);
        QVERIFY(!nodeProperty(*m_document, "create-order", "memoryMb"));
        QCOMPARE(stack().count(), 1);
        QCOMPARE(memory->value(), 128);
        QCOMPARE(memory->text(), QStringLiteral("128 MB (default)"));
        QVERIFY(memory->font().italic());
        QVERIFY(!reset->isEnabled());

        stack().undo();
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 512.0);
        QCOMPARE(memory->text(), QStringLiteral("512 MB"));
        QVERIFY(!memory->font().italic());
        QVERIFY(reset->isEnabled());
    }

    void nameEditRenamesTheService()
    {
        selectNode(QStringLiteral("create-order"));
        auto *name = find<QLineEdit>(QStringLiteral("name-edit"));
        focus(name);
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Place order"));
        QCOMPARE(stack().count(), 0);
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(m_document->architecture().node(model::NodeId("create-order"))->name,
                 std::string("Place order"));
        QCOMPARE(stack().count(), 1);

        stack().undo();
        QCOMPARE(m_document->architecture().node(model::NodeId("create-order"))->name,
                 std::string("Create order"));
        QCOMPARE(name->text(), QStringLiteral("Create order"));

        // An empty name is refused and the field shows the current name again.
        focus(name);
        name->selectAll();
        QTest::keyClick(name, Qt::Key_Delete);
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(name->text(), QStringLiteral("Create order"));
        QCOMPARE(stack().count(), 1);
    }

    void choiceEditPushesTheChosenValue()
    {
        selectNode(QStringLiteral("create-order"));
        auto *architecture = find<QComboBox>(QStringLiteral("property-architecture"));
        QCOMPARE(architecture->currentText(), QStringLiteral("arm64"));
        focus(architecture);
        QTest::keyClick(architecture, Qt::Key_Up);
        QCOMPARE(nodeProperty(*m_document, "create-order", "architecture"),
                 model::PropertyValue(std::string("x86_64")));
        QCOMPARE(stack().count(), 1);
        QCOMPARE(architecture->currentText(), QStringLiteral("x86_64"));

        stack().undo();
        QCOMPARE(nodeProperty(*m_document, "create-order", "architecture"),
                 model::PropertyValue(std::string("arm64")));
        QCOMPARE(architecture->currentText(), QStringLiteral("arm64"));
    }

    void stringEditAndClearingGoesBackToTheDefault()
    {
        selectNode(QStringLiteral("create-order"));
        auto *variables = find<QLineEdit>(QStringLiteral("property-environmentVariables"));
        QVERIFY(variables->text().isEmpty());
        QVERIFY(variables->placeholderText().contains(QStringLiteral("(default)")));
        focus(variables);
        QTest::keyClicks(variables, QStringLiteral("STAGE=prod"));
        QTest::keyClick(variables, Qt::Key_Return);
        QCOMPARE(nodeProperty(*m_document, "create-order", "environmentVariables"),
                 model::PropertyValue(std::string("STAGE=prod")));
        QVERIFY(find<QToolButton>(QStringLiteral("reset-environmentVariables"))->isEnabled());

        variables->selectAll();
        QTest::keyClick(variables, Qt::Key_Backspace);
        QTest::keyClick(variables, Qt::Key_Return);
        QVERIFY(!nodeProperty(*m_document, "create-order", "environmentVariables"));
        QCOMPARE(stack().count(), 2);
    }

    void checkBoxTogglesAndShowsMixedStates()
    {
        selectNode(QStringLiteral("orders-table"));
        auto *recovery = find<QCheckBox>(QStringLiteral("property-pointInTimeRecovery"));
        QCOMPARE(recovery->checkState(), Qt::Unchecked);
        QCOMPARE(recovery->text(), QStringLiteral("(default)"));
        focus(recovery);
        QTest::keyClick(recovery, Qt::Key_Space);
        QCOMPARE(nodeProperty(*m_document, "orders-table", "pointInTimeRecovery"),
                 model::PropertyValue(true));
        QCOMPARE(recovery->checkState(), Qt::Checked);
        QVERIFY(recovery->text().isEmpty());

        // Two tables that disagree: partially checked; one click sets both in one step.
        m_panel->setSelection({QStringLiteral("orders-table"), QStringLiteral("profiles-table")},
                              {});
        recovery = find<QCheckBox>(QStringLiteral("property-pointInTimeRecovery"));
        QCOMPARE(recovery->checkState(), Qt::PartiallyChecked);
        focus(recovery);
        QTest::keyClick(recovery, Qt::Key_Space);
        QCOMPARE(nodeProperty(*m_document, "profiles-table", "pointInTimeRecovery"),
                 model::PropertyValue(true));
        QCOMPARE(recovery->checkState(), Qt::Checked);
        QVERIFY(!recovery->isTristate());
        QCOMPARE(stack().count(), 2);
        QCOMPARE(stack().text(1), QStringLiteral("Change Point-in-time recovery of 2 services"));
        stack().undo();
        QCOMPARE(recovery->checkState(), Qt::PartiallyChecked);
    }

    void edgeShowsItsEndsAndEditsItsMultiplier()
    {
        m_panel->setSelection({}, {QStringLiteral("api-to-list")});
        QCOMPARE(find<QLabel>(QStringLiteral("inspector-title"))->text(),
                 QStringLiteral("Connection: Public API -> List orders"));
        QCOMPARE(find<QLabel>(QStringLiteral("connection-kind"))->text(),
                 QStringLiteral("sync-invoke"));
        QVERIFY(!find<QLineEdit>(QStringLiteral("name-edit")));

        auto *multiplier = find<QDoubleSpinBox>(QStringLiteral("property-multiplier"));
        QCOMPARE(multiplier->value(), 0.5);
        QCOMPARE(multiplier->text(), QStringLiteral("0.5"));
        auto *fraction = find<QDoubleSpinBox>(QStringLiteral("property-fraction"));
        QCOMPARE(fraction->text(), QStringLiteral("1 (default)"));
        QCOMPARE(find<QSpinBox>(QStringLiteral("property-batchSize"))->text(),
                 QStringLiteral("not set"));

        focus(multiplier);
        QTest::keyClick(multiplier, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(multiplier, QStringLiteral("2.5"));
        QTest::keyClick(multiplier, Qt::Key_Return);
        const model::Edge *edge = m_document->architecture().edge(model::EdgeId("api-to-list"));
        QCOMPARE(model::toNumber(edge->properties.at("multiplier")), 2.5);
        QCOMPARE(stack().count(), 1);

        stack().undo();
        QCOMPARE(model::toNumber(edge->properties.at("multiplier")), 0.5);
        QCOMPARE(multiplier->value(), 0.5);

        // Renaming an end updates the title.
        stack().push(
            new views::RenameNodeCommand(*m_document, model::NodeId("get-orders"), "Orders list"));
        QCOMPARE(find<QLabel>(QStringLiteral("inspector-title"))->text(),
                 QStringLiteral("Connection: Public API -> Orders list"));
    }

    void namesAreShownAsTextNotHtml()
    {
        // A service named like markup (an imported logical id can be anything) is shown as
        // it is written: a label that guessed "rich text" would draw a huge image or a link.
        const std::string markup = "<img src=x width=4000 height=4000><b>Hostile</b>";
        stack().push(new views::RenameNodeCommand(*m_document, model::NodeId("get-orders"), markup));
        m_panel->setSelection({}, {QStringLiteral("api-to-list")});
        auto *title = find<QLabel>(QStringLiteral("inspector-title"));
        QCOMPARE(title->textFormat(), Qt::PlainText);
        QCOMPARE(title->text(), QStringLiteral("Connection: Public API -> ") + QString::fromStdString(markup));
        QVERIFY(title->sizeHint().height() < 200);
    }

    void multiSelectionEditsAllInOneUndoStep()
    {
        m_panel->setSelection({QStringLiteral("create-order"), QStringLiteral("get-orders"),
                               QStringLiteral("profile")},
                              {});
        QCOMPARE(find<QLabel>(QStringLiteral("inspector-title"))->text(),
                 QStringLiteral("3 × Lambda function"));
        QVERIFY(!find<QLineEdit>(QStringLiteral("name-edit")));
        auto *memory = find<QSpinBox>(QStringLiteral("property-memoryMb"));
        QCOMPARE(memory->text(), QStringLiteral("— mixed —"));
        QVERIFY(find<QToolButton>(QStringLiteral("reset-memoryMb"))->isEnabled());
        // All three run on arm64: the common value is shown.
        QCOMPARE(find<QComboBox>(QStringLiteral("property-architecture"))->currentText(),
                 QStringLiteral("arm64"));

        focus(memory);
        QTest::keyClick(memory, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(memory, QStringLiteral("1024"));
        QTest::keyClick(memory, Qt::Key_Return);
        for (const char *id : {"create-order", "get-orders", "profile"})
            QCOMPARE(nodeNumber(*m_document, id, "memoryMb"), 1024.0);
        QCOMPARE(stack().count(), 1);
        QCOMPARE(stack().text(0), QStringLiteral("Change Memory of 3 services"));
        QCOMPARE(memory->value(), 1024);

        stack().undo();
        QCOMPARE(nodeNumber(*m_document, "create-order", "memoryMb"), 512.0);
        QCOMPARE(nodeNumber(*m_document, "get-orders", "memoryMb"), 256.0);
        QCOMPARE(nodeNumber(*m_document, "profile", "memoryMb"), 256.0);
        QCOMPARE(memory->text(), QStringLiteral("— mixed —"));
        stack().redo();
        QCOMPARE(nodeNumber(*m_document, "profile", "memoryMb"), 1024.0);
    }

    void differentTypesShareNoEditors()
    {
        m_panel->setSelection({QStringLiteral("create-order"), QStringLiteral("orders-table")}, {});
        QCOMPARE(find<QLabel>(QStringLiteral("inspector-title"))->text(),
                 QStringLiteral("2 services"));
        QVERIFY(find<QLabel>(QStringLiteral("inspector-note")));
        QVERIFY(m_panel->sheet()->editors().empty());
        m_panel->setSelection({QStringLiteral("create-order")}, {QStringLiteral("api-to-list")});
        QVERIFY(!m_panel->sheet());
        QVERIFY(find<QLabel>(QStringLiteral("inspector-hint"))
                    ->text()
                    .contains(QStringLiteral("One service")));
    }

    void outsideChangesUpdateEditorsInPlace()
    {
        selectNode(QStringLiteral("create-order"));
        auto *variables = find<QLineEdit>(QStringLiteral("property-environmentVariables"));
        auto *memory = find<QSpinBox>(QStringLiteral("property-memoryMb"));
        focus(variables);
        QTest::keyClicks(variables, QStringLiteral("DEBUG=1"));

        // Another view changes a different key while the user is typing: nothing is rebuilt.
        stack().push(new views::SetNodePropertyCommand(*m_document, model::NodeId("create-order"),
                                                       "memoryMb",
                                                       model::PropertyValue(std::int64_t(2048))));
        QCOMPARE(memory->value(), 2048);
        QCOMPARE(find<QLineEdit>(QStringLiteral("property-environmentVariables")), variables);
        QVERIFY(variables->hasFocus());
        QCOMPARE(variables->text(), QStringLiteral("DEBUG=1"));

        // Repeating the selection does not rebuild either.
        selectNode(QStringLiteral("create-order"));
        QCOMPARE(find<QLineEdit>(QStringLiteral("property-environmentVariables")), variables);
        QCOMPARE(variables->text(), QStringLiteral("DEBUG=1"));

        // A new selection commits what was typed to the service it was typed for.
        selectNode(QStringLiteral("get-orders"));
        QCOMPARE(nodeProperty(*m_document, "create-order", "environmentVariables"),
                 model::PropertyValue(std::string("DEBUG=1")));
        QVERIFY(!nodeProperty(*m_document, "get-orders", "environmentVariables"));
        QCOMPARE(find<QLineEdit>(QStringLiteral("name-edit"))->text(),
                 QStringLiteral("List orders"));
    }

    void removingTheShownItemClearsThePanel()
    {
        selectNode(QStringLiteral("create-order"));
        QVERIFY(m_panel->sheet());
        stack().push(
            new views::RemoveItemsCommand(*m_document, {model::NodeId("create-order")}, {}));
        QVERIFY(!m_panel->sheet());
        QVERIFY(m_panel->shownNodes().isEmpty());
        QVERIFY(find<QLabel>(QStringLiteral("inspector-hint")));
        QVERIFY(!find<QSpinBox>(QStringLiteral("property-memoryMb")));

        // A connection goes too when one of its ends is deleted.
        m_panel->setSelection({}, {QStringLiteral("api-to-list")});
        QVERIFY(m_panel->sheet());
        stack().push(new views::RemoveItemsCommand(*m_document, {model::NodeId("get-orders")}, {}));
        QVERIFY(!m_panel->sheet());
        QVERIFY(m_panel->shownEdges().isEmpty());
    }

    void reopeningTheDocumentRebuilds()
    {
        selectNode(QStringLiteral("create-order"));
        stack().push(new views::SetNodePropertyCommand(*m_document, model::NodeId("create-order"),
                                                       "memoryMb",
                                                       model::PropertyValue(std::int64_t(2048))));
        QVERIFY(
            !model::hasErrors(m_document->open(sourcePath("templates/web-application.nimbus"))));
        QCOMPARE(find<QSpinBox>(QStringLiteral("property-memoryMb"))->value(), 512);
        QVERIFY(!model::hasErrors(m_document->open(sourcePath("tests/data/valid-extras.nimbus"))));
        QVERIFY(!m_panel->sheet()); // create-order is not in that design
    }

    void genericNodeIsShownReadOnly()
    {
        QVERIFY(!model::hasErrors(m_document->open(sourcePath("tests/data/valid-extras.nimbus"))));
        selectNode(QStringLiteral("crawler"));
        QCOMPARE(find<QLabel>(QStringLiteral("inspector-title"))->text(),
                 QStringLiteral("AWS::Glue::Crawler"));
        QCOMPARE(find<QLabel>(QStringLiteral("generic-type"))->text(),
                 QStringLiteral("AWS::Glue::Crawler"));
        QCOMPARE(find<QLabel>(QStringLiteral("property-Targets"))->text(), QStringLiteral("3"));
        QCOMPARE(find<QLabel>(QStringLiteral("property-Schedule"))->text(),
                 QStringLiteral("cron(0 2 * * ? *)"));
        QVERIFY(m_panel->sheet()->editors().empty());
        QVERIFY(m_panel->findChildren<QAbstractSpinBox *>().isEmpty());
        QVERIFY(m_panel->findChildren<QComboBox *>().isEmpty());
    }

    void layoutFitsANarrowDock()
    {
        selectNode(QStringLiteral("create-order"));
        m_panel->resize(360, 800);
        QApplication::processEvents();
        QWidget *sheet = m_panel->sheet();
        const QRect visible = sheet->rect();
        // Every label shows its whole text and every editor lies inside the panel.
        for (QLabel *label : sheet->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            if (label->wordWrap())
                QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                         qPrintable(label->text()));
            else
                QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
        for (QWidget *editor : sheet->findChildren<QWidget *>()) {
            if (!editor->objectName().startsWith(QStringLiteral("property-")) ||
                !editor->isVisible())
                continue;
            const QRect box(editor->mapTo(sheet, QPoint()), editor->size());
            QVERIFY2(visible.contains(box), qPrintable(editor->objectName()));
            QVERIFY2(editor->width() >= 80, qPrintable(editor->objectName()));
        }
        // Editors line up in one column across all sections.
        const int left =
            find<QWidget>(QStringLiteral("property-memoryMb"))->mapTo(sheet, QPoint()).x();
        QCOMPARE(
            find<QWidget>(QStringLiteral("property-recursiveLoop"))->mapTo(sheet, QPoint()).x(),
            left);
        QCOMPARE(find<QWidget>(QStringLiteral("name-edit"))->mapTo(sheet, QPoint()).x(), left);

        const QImage image = m_panel->grab().toImage();
        QCOMPARE(image.size(), QSize(360, 800) * image.devicePixelRatio());
        // Set NIMBUS_SCREENSHOT_DIR to look at the result.
        const QString directory = qEnvironmentVariable("NIMBUS_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            QVERIFY(image.save(directory + QStringLiteral("/inspector.png")));
            m_panel->setSelection({}, {QStringLiteral("api-to-list")});
            QVERIFY(m_panel->grab().save(directory + QStringLiteral("/inspector-edge.png")));
            m_panel->setSelection({QStringLiteral("create-order"), QStringLiteral("get-orders"),
                                   QStringLiteral("profile")},
                                  {});
            QVERIFY(m_panel->grab().save(directory + QStringLiteral("/inspector-multi.png")));
            selectNode(QStringLiteral("orders-table"));
            QVERIFY(m_panel->grab().save(directory + QStringLiteral("/inspector-table.png")));
            m_panel->resize(480, 800);
            QVERIFY(m_panel->grab().save(directory + QStringLiteral("/inspector-table-wide.png")));
            m_panel->setSelection({}, {});
            QVERIFY(m_panel->grab().save(directory + QStringLiteral("/inspector-empty.png")));
        }
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"

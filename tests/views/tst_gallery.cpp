// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// File > New from Template… (the gallery of starter designs) and Edit > Preferences…,
// driven through the real window, offscreen.

#include "common/testdata.h"

#include <app/gui/mainwindow.h>
#include <app/gui/plurals.h>
#include <app/gui/preferences.h>
#include <app/gui/templategallery.h>
#include <model/io/projectfile.h>
#include <model/cost/currency.h>
#include <views/canvas/canvasscene.h>
#include <views/canvas/canvasview.h>
#include <views/costs/costtablepanel.h>
#include <views/document/document.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <memory>
#include <set>

using namespace nimbus;
using tests::builtinCatalog;
using tests::sourcePath;

namespace {

/// Share of pixels that are not (nearly) white: a blank preview has none.
double inkRatio(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            ink += qGray(line[x]) < 235 ? 1 : 0;
    }
    return img.isNull() ? 0 : double(ink) / (double(img.width()) * img.height());
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestGallery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test folder
        QSettings(QStringLiteral("Nimbus"), QStringLiteral("Nimbus")).clear();
    }

    void init()
    {
        m_window = std::make_unique<app::MainWindow>(builtinCatalog());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window->document().undoStack()->setClean(); // no save prompt on close
        m_window.reset();
    }

    void templatesAreFoundInTheSourceTree()
    {
        const QString dir = app::TemplateGallery::templatesDirectory();
        QVERIFY(!dir.isEmpty());
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/web-application.nimbus")));
    }

    void galleryListsEveryTemplate()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("action-new-from-template"));
        QVERIFY(action);
        action->trigger();
        auto *gallery = m_window->findChild<app::TemplateGallery *>(QStringLiteral("template-gallery"));
        QVERIFY(gallery);
        QVERIFY(QTest::qWaitForWindowExposed(gallery));

        const QStringList files = QDir(sourcePath(QStringLiteral("templates")))
                                      .entryList({QStringLiteral("*.nimbus")}, QDir::Files);
        QVERIFY(files.size() >= 12);
        QCOMPARE(int(gallery->entries().size()), int(files.size()));
        QCOMPARE(gallery->list()->count(), int(files.size()));
        const QRegularExpression money(QStringLiteral(R"(^\$\d{1,3}(,\d{3})*\.\d\d / month$)"));
        std::set<QString> names;
        for (const app::TemplateEntry &entry : gallery->entries()) {
            QVERIFY2(!entry.name.isEmpty(), qPrintable(entry.path));
            names.insert(entry.name);
            QVERIFY2(!entry.description.isEmpty(), qPrintable(entry.path));
            QVERIFY2(money.match(entry.cost).hasMatch(), qPrintable(entry.path + QStringLiteral(": ") + entry.cost));
            QVERIFY2(!entry.preview.isNull(), qPrintable(entry.path));
            QVERIFY2(inkRatio(entry.preview) > 0.02, qPrintable(entry.path));
            QVERIFY(entry.services > 0);
            // The same estimate as the window's status bar.
            const model::ProjectLoadResult loaded = model::readProjectFile(entry.path.toStdString(), builtinCatalog());
            QVERIFY(loaded.ok());
            QCOMPARE(entry.cost, m_window->monthlyCost(loaded.architecture) + QStringLiteral(" / month"));
        }
        QCOMPARE(int(names.size()), int(files.size()));

        // The details pane follows the current entry.
        gallery->list()->setCurrentRow(3);
        QCOMPARE(gallery->findChild<QLabel *>(QStringLiteral("template-name"))->text(), gallery->entries()[3].name);
        QCOMPARE(gallery->findChild<QLabel *>(QStringLiteral("template-description"))->text(),
                 gallery->entries()[3].description);
        QVERIFY(gallery->grab().save(QStringLiteral("/tmp/gallery.png")));
        gallery->reject();
    }

    void openingATemplateGivesAnUntitledCopy()
    {
        const QString templatePath = sourcePath(QStringLiteral("templates/web-application.nimbus"));
        const QByteArray before = fileHash(templatePath);
        app::TemplateGallery *gallery = m_window->openTemplateGallery();
        QVERIFY(QTest::qWaitForWindowExposed(gallery));
        QPointer<app::TemplateGallery> alive(gallery);
        int row = -1;
        for (int i = 0; i < int(gallery->entries().size()); ++i) {
            if (QFileInfo(gallery->entries()[size_t(i)].path) == QFileInfo(templatePath))
                row = i;
        }
        QVERIFY(row >= 0);
        gallery->list()->setCurrentRow(row);
        QTest::mouseClick(gallery->findChild<QPushButton *>(QStringLiteral("template-open")), Qt::LeftButton);
        QTRY_VERIFY(!alive); // closed and deleted

        const views::Document &document = m_window->document();
        QVERIFY(document.filePath().isEmpty());
        QVERIFY(document.isModified());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Web application")));
        const model::ProjectLoadResult original = model::readProjectFile(templatePath.toStdString(), builtinCatalog());
        QCOMPARE(document.architecture().nodes().size(), original.architecture.nodes().size());
        for (const model::Node &node : original.architecture.nodes())
            QVERIFY(document.architecture().node(node.id));
        QCOMPARE(document.architecture().edges().size(), original.architecture.edges().size());
        QCOMPARE(fileHash(templatePath), before); // never written

        // Another template replaces the modified copy (non-interactive: maybeSave() would ask).
        QVERIFY(m_window->newFromTemplate(sourcePath(QStringLiteral("templates/iot-backend.nimbus")), false));
        QVERIFY(document.filePath().isEmpty());
        QCOMPARE(document.architecture().name(),
                 model::readProjectFile(sourcePath(QStringLiteral("templates/iot-backend.nimbus")).toStdString(),
                                        builtinCatalog()).architecture.name());
    }

    void doubleClickOpensTheTemplate()
    {
        app::TemplateGallery *gallery = m_window->openTemplateGallery();
        QVERIFY(QTest::qWaitForWindowExposed(gallery));
        QPointer<app::TemplateGallery> alive(gallery);
        QListWidget *list = gallery->list();
        list->setCurrentRow(0);
        const QString expected = gallery->entries()[0].name;
        Q_EMIT list->itemActivated(list->item(0));
        QTRY_VERIFY(!alive);
        QCOMPARE(QString::fromStdString(m_window->document().architecture().name()), expected);
        QVERIFY(m_window->document().isModified());
    }

    void pluralsReadAsEnglish()
    {
        app::EnglishPlurals plurals;
        QCoreApplication::installTranslator(&plurals);
        QCOMPARE(QCoreApplication::translate("X", "%n service(s)", nullptr, 1), QStringLiteral("1 service"));
        QCOMPARE(QCoreApplication::translate("X", "%n service(s)", nullptr, 3), QStringLiteral("3 services"));
        QCOMPARE(QCoreApplication::translate("X", "%n service(s)", nullptr, 0), QStringLiteral("0 services"));
        QCOMPARE(QCoreApplication::translate("X", "%n entr(y|ies)", nullptr, 2), QStringLiteral("2 entries"));
        QCOMPARE(QCoreApplication::translate("X", "Open(s)"), QStringLiteral("Open(s)")); // not a count
        // The window's status bar, in a real window.
        QVERIFY(m_window->openFile(sourcePath(QStringLiteral("templates/web-application.nimbus")), false));
        m_window->analyseNow();
        bool counted = false;
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            counted |= label->text() == QStringLiteral("0 errors · 0 warnings · 10 services");
        QCoreApplication::removeTranslator(&plurals);
        QVERIFY(counted);
    }

    void preferencesPersistAndApply()
    {
        QVERIFY(m_window->openFile(sourcePath(QStringLiteral("templates/web-application.nimbus")), false));
        auto *action = m_window->findChild<QAction *>(QStringLiteral("action-preferences"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = m_window->findChild<app::PreferencesDialog *>(QStringLiteral("preferences"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QPointer<app::PreferencesDialog> alive(dialog);
        dialog->findChild<QComboBox *>(QStringLiteral("pref-region"))->setCurrentText(QStringLiteral("eu-west-1"));
        dialog->findChild<QCheckBox *>(QStringLiteral("pref-free-tier"))->setChecked(false);
        dialog->findChild<QLineEdit *>(QStringLiteral("pref-currency"))->setText(QStringLiteral("€"));
        dialog->findChild<QLineEdit *>(QStringLiteral("pref-currency-code"))->setText(QStringLiteral("EUR"));
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("pref-exchange-rate"))->setValue(0.5);
        auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("pref-theme"));
        theme->setCurrentIndex(theme->findText(QStringLiteral("Dark")));
        dialog->findChild<QCheckBox *>(QStringLiteral("pref-grid"))->setChecked(false);
        dialog->findChild<QSpinBox *>(QStringLiteral("pref-autosave"))->setValue(5);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY(!alive);

        // Applied at once.
        QCOMPARE(m_window->autosaveInterval(), 5 * 60'000);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
        QVERIFY(!m_window->view()->gridVisible());
        // The canvas follows the dark theme: dark background, light group titles and notes.
        QCOMPARE(m_window->scene()->colours(), views::CanvasColours::dark());
        QVERIFY(m_window->scene()->backgroundBrush().color().lightness() < 60);
        QVERIFY(m_window->scene()->colours().groupTitle.lightness() > 180);
        QVERIFY(m_window->view()->grab().save(QStringLiteral("/tmp/canvas-dark.png")));
        bool euroShown = false;
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            euroShown |= label->text().contains(QStringLiteral("Monthly cost")) && label->text().contains(QStringLiteral("€"));
        QVERIFY(euroShown);
        // The cost table shows euros at the user's rate; its sort values stay in dollars.
        auto *table = m_window->costs()->findChild<QTreeView *>();
        QVERIFY(table && table->model()->rowCount() > 0);
        const QModelIndex cost = table->model()->index(0, views::CostTablePanel::CostColumn);
        const double usd = cost.data(views::CostTablePanel::SortValueRole).toDouble();
        QCOMPARE(cost.data().toString(),
                 QString::fromStdString(model::formatCurrency(usd, model::Currency{"EUR", "€", 0.5})));
        QVERIFY(cost.data().toString().startsWith(QStringLiteral("€")));

        // Stored with QSettings.
        const app::Preferences stored = app::Preferences::load();
        QCOMPARE(stored.region, QStringLiteral("eu-west-1"));
        QCOMPARE(stored.freeTier, false);
        QCOMPARE(stored.currencySymbol, QStringLiteral("€"));
        QCOMPARE(stored.currencyCode, QStringLiteral("EUR"));
        QCOMPARE(stored.exchangeRate, 0.5);
        QCOMPARE(stored.theme, app::Theme::Dark);
        QCOMPARE(stored.showGrid, false);
        QCOMPARE(stored.autosaveMinutes, 5);

        // The dialog in the dark theme, for a look.
        app::PreferencesDialog *again = m_window->openPreferences();
        QVERIFY(QTest::qWaitForWindowExposed(again));
        QVERIFY(again->grab().save(QStringLiteral("/tmp/prefs.png")));
        app::TemplateGallery *gallery = m_window->openTemplateGallery();
        QVERIFY(QTest::qWaitForWindowExposed(gallery));
        QVERIFY(gallery->grab().save(QStringLiteral("/tmp/gallery-dark.png")));
        gallery->reject();
        again->reject();

        // A new window starts with them; File > New uses the region and free tier.
        m_window.reset();
        m_window = std::make_unique<app::MainWindow>(builtinCatalog());
        QCOMPARE(m_window->preferences().currencySymbol, QStringLiteral("€"));
        QCOMPARE(m_window->autosaveInterval(), 5 * 60'000);
        QVERIFY(!m_window->view()->gridVisible());
        QAction *newAction = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(QKeySequence::New))
                newAction = a;
        QVERIFY(newAction);
        newAction->trigger();
        QCOMPARE(m_window->document().architecture().settings().region, std::string("eu-west-1"));
        QCOMPARE(m_window->document().architecture().settings().freeTier, false);

        // Light is light; back to the defaults.
        app::Preferences light = m_window->preferences();
        light.theme = app::Theme::Light;
        m_window->applyPreferences(light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QCOMPARE(m_window->scene()->colours(), views::CanvasColours::light());
        m_window->applyPreferences(app::Preferences());
        QCOMPARE(m_window->autosaveInterval(), 60'000);
        QVERIFY(m_window->view()->gridVisible());
    }

private:
    std::unique_ptr<app::MainWindow> m_window;
};

QTEST_MAIN(TestGallery)
#include "tst_gallery.moc"

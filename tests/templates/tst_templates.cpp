// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The starter architectures in templates/ ("New from template"): every one loads cleanly,
// has a name and a description, passes validation without errors, estimates a positive
// monthly cost, exports to SAM and plain CloudFormation without warnings, and is laid out
// so that it reads: every service in a group (the web application sample aside, see below),
// no two boxes on top of each other, no group box over another group or over a service of
// another group.
#include "common/testdata.h"

#include <app/cli/builtincatalog.h>
#include <app/cli/estimatecommand.h>
#include <model/analysis/validate.h>
#include <model/cost/estimate.h>
#include <model/iac/exporter.h>
#include <model/io/projectfile.h>

#include <QDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <sstream>

using namespace nimbus;
using nimbus::tests::builtinCatalog;
using nimbus::tests::sourcePath;

namespace {

// The canvas draws a service as a 172 x 58 box at its top-left position, and a group as the
// bounds of its members grown by 18 on the sides and the bottom and by 40 on top for its
// title (views/canvas/serviceitem.h, views/canvas/canvasscene.cpp).
constexpr double kBoxWidth = 172;
constexpr double kBoxHeight = 58;
constexpr double kGroupSide = 18;
constexpr double kGroupTitle = 40;

struct Box
{
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;

    bool overlaps(const Box &other) const
    {
        return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
    }
};

Box boxOf(const model::Node &node)
{
    return {node.position.x, node.position.y, node.position.x + kBoxWidth, node.position.y + kBoxHeight};
}

QStringList templateFiles()
{
    const QDir dir(sourcePath(QStringLiteral("templates")));
    return dir.entryList({QStringLiteral("*.nimbus")}, QDir::Files, QDir::Name);
}

model::ProjectLoadResult load(const QString &file)
{
    return model::readProjectFile(sourcePath(QStringLiteral("templates/") + file).toStdString(),
                                  builtinCatalog());
}

QString describe(const model::Diagnostics &diagnostics)
{
    QString text;
    for (const model::Diagnostic &d : diagnostics)
        text += QString::fromStdString(d.toString()) + QLatin1Char('\n');
    return text;
}

/// Warnings about what the plain CloudFormation format cannot say yet (an API's authorizer is
/// written only in SAM); every other export warning fails the test.
bool knownCloudFormationGap(const model::Diagnostic &d)
{
    return d.message.find("the plain CloudFormation export writes no authorizer") != std::string::npos;
}

void addTemplateRows()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : templateFiles())
        QTest::newRow(qPrintable(file)) << file;
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void galleryHasTheReferenceArchitectures()
    {
        const QStringList files = templateFiles();
        QVERIFY2(files.size() >= 12, qPrintable(QStringLiteral("only %1 templates").arg(files.size())));
        // The whitepaper's reference architectures and the shapes of its case studies.
        for (const char *expected :
             {"web-application", "mobile-backend", "iot-backend", "stream-processing", "file-processing",
              "image-recognition", "mapreduce", "market-event-validation", "monte-carlo-risk",
              "vehicle-telemetry", "account-provisioning", "ml-pipeline"})
            QVERIFY2(files.contains(QLatin1String(expected) + QLatin1String(".nimbus")), expected);
    }

    void loadsCleanly_data() { addTemplateRows(); }
    void loadsCleanly()
    {
        QFETCH(QString, file);
        const model::ProjectLoadResult loaded = load(file);
        QVERIFY2(loaded.diagnostics.empty(), qPrintable(describe(loaded.diagnostics)));
        QVERIFY(!loaded.architecture.name().empty());
        QVERIFY(!loaded.architecture.description().empty());
        QVERIFY(loaded.architecture.nodes().size() >= 8);
    }

    void hasNoErrorFindings_data() { addTemplateRows(); }
    void hasNoErrorFindings()
    {
        QFETCH(QString, file);
        const model::ProjectLoadResult loaded = load(file);
        QVERIFY(loaded.ok());
        for (const model::Finding &f : model::validate(loaded.architecture, builtinCatalog())) {
            QVERIFY2(f.severity != model::Severity::Error, qPrintable(QString::fromStdString(f.rule + ": " + f.message)));
            if (f.severity == model::Severity::Warning)
                qInfo("%s: warning %s: %s", qPrintable(file), f.rule.c_str(), f.message.c_str());
        }
    }

    void estimatesAPositiveMonthlyCost_data() { addTemplateRows(); }
    void estimatesAPositiveMonthlyCost()
    {
        QFETCH(QString, file);
        const model::ProjectLoadResult loaded = load(file);
        QVERIFY(loaded.ok());
        std::ostringstream err;
        const auto prices = app::loadPrices(loaded.architecture.settings().region, {}, err);
        QVERIFY2(prices.has_value(), err.str().c_str());
        model::EstimateOptions options;
        options.freeTier = loaded.architecture.settings().freeTier;
        const model::Estimate e = model::estimate(loaded.architecture, builtinCatalog(), *prices, options);
        QVERIFY2(e.total > 0, qPrintable(file));
        QVERIFY(!e.items.empty());
        qInfo("%s: %s per month", qPrintable(file), model::formatMoney(e.total, e.currency).c_str());
    }

    void exportsWithoutWarnings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        for (const QString &file : templateFiles()) {
            QTest::newRow(qPrintable(file + QStringLiteral(" sam")))
                << file << static_cast<int>(model::iac::TemplateFormat::Sam);
            QTest::newRow(qPrintable(file + QStringLiteral(" cloudformation")))
                << file << static_cast<int>(model::iac::TemplateFormat::CloudFormation);
        }
    }
    void exportsWithoutWarnings()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        const model::ProjectLoadResult loaded = load(file);
        QVERIFY(loaded.ok());
        model::iac::ExportOptions options;
        options.format = static_cast<model::iac::TemplateFormat>(format);
        const model::iac::ExportResult result =
            model::iac::exportDesign(loaded.architecture, builtinCatalog(), app::builtinPolicyTemplates(), options);
        QVERIFY2(result.ok(), qPrintable(describe(result.diagnostics)));
        QCOMPARE(result.files.size(), std::size_t(1));
        QVERIFY(result.stats.resources > 0);
        model::Diagnostics warnings;
        for (const model::Diagnostic &d : result.diagnostics) {
            if (d.severity == model::Severity::Info)
                continue;
            if (options.format == model::iac::TemplateFormat::CloudFormation && knownCloudFormationGap(d)) {
                qInfo("%s: %s", qPrintable(file), d.message.c_str());
                continue;
            }
            warnings.push_back(d);
        }
        QVERIFY2(warnings.empty(), qPrintable(describe(warnings)));
    }

    void isLaidOutReadably_data() { addTemplateRows(); }
    void isLaidOutReadably()
    {
        QFETCH(QString, file);
        const model::ProjectLoadResult loaded = load(file);
        QVERIFY(loaded.ok());
        const model::Architecture &design = loaded.architecture;
        const auto &nodes = design.nodes();

        // The web application is also the fixture of tst_io, tst_cli and tst_views, which count
        // its three groups and group its two loose services (browsers, user pool) themselves.
        const bool looseServicesAllowed = file == QLatin1String("web-application.nimbus");
        std::map<std::string, Box> groups;
        for (const model::Node &node : nodes) {
            if (!node.group) {
                QVERIFY2(looseServicesAllowed, qPrintable(QString::fromStdString(node.id.str() + " is in no group")));
                continue;
            }
            const Box box = boxOf(node);
            auto [it, added] = groups.try_emplace(node.group->str(), box);
            if (!added) {
                it->second.left = std::min(it->second.left, box.left);
                it->second.top = std::min(it->second.top, box.top);
                it->second.right = std::max(it->second.right, box.right);
                it->second.bottom = std::max(it->second.bottom, box.bottom);
            }
        }
        for (const model::Group &group : design.groups()) {
            QVERIFY2(!group.name.empty(), group.id.str().c_str());
            QVERIFY2(groups.count(group.id.str()), qPrintable(QString::fromStdString(group.id.str() + " is empty")));
        }
        for (auto &[id, box] : groups) {
            box.left -= kGroupSide;
            box.right += kGroupSide;
            box.bottom += kGroupSide;
            box.top -= kGroupTitle;
        }

        for (std::size_t a = 0; a < nodes.size(); ++a) {
            for (std::size_t b = a + 1; b < nodes.size(); ++b)
                QVERIFY2(!boxOf(nodes[a]).overlaps(boxOf(nodes[b])),
                         qPrintable(QString::fromStdString(nodes[a].id.str() + " overlaps " + nodes[b].id.str())));
            for (const auto &[id, box] : groups) {
                if (!nodes[a].group || id != nodes[a].group->str())
                    QVERIFY2(!box.overlaps(boxOf(nodes[a])),
                             qPrintable(QString::fromStdString("group " + id + " covers " + nodes[a].id.str())));
            }
        }
        for (auto a = groups.begin(); a != groups.end(); ++a) {
            for (auto b = std::next(a); b != groups.end(); ++b)
                QVERIFY2(!a->second.overlaps(b->second),
                         qPrintable(QString::fromStdString("groups " + a->first + " and " + b->first + " overlap")));
        }
    }
};

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"

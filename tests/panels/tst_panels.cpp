// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <app/cli/estimatecommand.h>
#include <model/analysis/validate.h>
#include <model/cost/estimate.h>
#include <views/commands/additemscommand.h>
#include <views/commands/setpropertycommands.h>
#include <views/costs/costtablepanel.h>
#include <views/document/document.h>
#include <views/findings/analysis.h>
#include <views/findings/findingsmodel.h>
#include <views/findings/findingspanel.h>

#include <QAbstractItemModel>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

using namespace nimbus;
using tests::builtinCatalog;
using tests::sourcePath;

namespace {

const model::PriceList &usEast1Prices()
{
    static const model::PriceList prices = [] {
        std::ostringstream err;
        auto list = app::loadPrices("us-east-1", "", err);
        if (!list)
            throw std::runtime_error("us-east-1 prices do not load: " + err.str());
        return *list;
    }();
    return prices;
}

views::Analysis analyse(const views::Document &document,
                        const model::PriceList &prices = usEast1Prices())
{
    views::Analysis analysis;
    analysis.findings = model::validate(document.architecture(), document.catalog());
    analysis.estimate = model::estimate(document.architecture(), document.catalog(), prices);
    return analysis;
}

void openSample(views::Document &document)
{
    const auto diagnostics = document.open(sourcePath("templates/web-application.nimbus"));
    if (model::hasErrors(diagnostics))
        throw std::runtime_error("the sample design does not open");
}

model::Node makeNode(const std::string &id, const std::string &type, const std::string &name,
                     double x, model::PropertyMap properties = {})
{
    model::Node node;
    node.id = model::NodeId(id);
    node.type = type;
    node.name = name;
    node.position = {x, 0};
    node.properties = std::move(properties);
    return node;
}

/// A lone queue and a Lambda function whose timeout is far beyond the limit, plus a public
/// API calling that function: errors, warnings and findings about a connection.
void buildFaultyDesign(views::Document &document)
{
    std::vector<model::Node> nodes{
        makeNode("browser", "client", "Browsers", 0, {{"requestsPerMonth", std::int64_t(1000000)}}),
        makeNode("api", "apigw-rest-api", "Public API", 200),
        makeNode("slow", "lambda-function", "Slow function", 400,
                 {{"timeoutSeconds", std::int64_t(5000)}}),
        makeNode("queue", "sqs-queue", "Orphan queue", 600),
    };
    model::Edge toApi;
    toApi.id = model::EdgeId("browser-to-api");
    toApi.source = model::NodeId("browser");
    toApi.target = model::NodeId("api");
    model::Edge toSlow;
    toSlow.id = model::EdgeId("api-to-slow");
    toSlow.source = model::NodeId("api");
    toSlow.target = model::NodeId("slow");
    document.undoStack()->push(
        new views::AddItemsCommand(document, std::move(nodes), {toApi, toSlow}, "Add services"));
}

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        throw std::runtime_error(std::string("no child named ") + name);
    return widget;
}

QStringList columnTexts(const QAbstractItemModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, column).data().toString());
    return texts;
}

int rowOfFinding(const QAbstractItemModel &model, const QString &rule, const QString &node)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, views::FindingsModel::RuleColumn);
        const QStringList nodes = index.data(views::FindingsModel::NodeIdsRole).toStringList();
        if (index.data().toString() == rule && nodes.contains(node))
            return row;
    }
    return -1;
}

void clickRow(QTreeView &view, const QModelIndex &index)
{
    view.scrollTo(index);
    const QRect rect = view.visualRect(index);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rect.center());
}

/// The width the text of `column` needs, indentation included, over every row below `parent`.
int widestCell(const QTreeView &view, int column, const QModelIndex &parent, int depth)
{
    const QAbstractItemModel &model = *view.model();
    int widest = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, column, parent);
        const QVariant font = index.data(Qt::FontRole);
        const QFontMetrics metrics(font.isValid() ? font.value<QFont>() : view.font());
        const int indent = column == 0 ? view.indentation() * (depth + 1) : 0;
        widest = std::max(widest, indent + metrics.horizontalAdvance(index.data().toString()));
        widest = std::max(widest, widestCell(view, column, model.index(row, 0, parent), depth + 1));
    }
    return widest;
}

/// The other states worth looking at, for the screenshots only: a selected finding with its
/// fix, a clean design, and unknown prices.
void saveMoreStates(views::FindingsPanel &findings, views::CostTablePanel &costs,
                    const views::Document &sample, const QDir &dir)
{
    auto *view = child<QTreeView>(findings, "findings-view");
    clickRow(*view, view->model()->index(1, 0));
    QCoreApplication::processEvents();
    findings.grab().save(dir.filePath("findings-selected.png"));
    findings.setAnalysis(analyse(sample));
    QCoreApplication::processEvents();
    findings.grab().save(dir.filePath("findings-empty.png"));

    model::PriceList prices = usEast1Prices();
    model::PriceList partial;
    partial.region = prices.region;
    partial.currency = prices.currency;
    for (const auto &[key, price] : prices.prices()) {
        if (key != "lambda.requests" && key != "dynamodb.storage")
            partial.set(price);
    }
    costs.setAnalysis(analyse(sample, partial));
    QCoreApplication::processEvents();
    costs.grab().save(dir.filePath("costs-unknown.png"));
    costs.setAnalysis(views::Analysis{});
    QCoreApplication::processEvents();
    costs.grab().save(dir.filePath("costs-none.png"));
}

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_document = std::make_unique<views::Document>(builtinCatalog()); }

    void cleanup() { m_document.reset(); }

    void aCleanDesignSaysSo()
    {
        openSample(*m_document);
        views::FindingsPanel panel(*m_document);
        auto *placeholder = child<QLabel>(panel, "findings-placeholder");
        QCOMPARE(placeholder->text(), QStringLiteral("The design has not been checked yet."));

        const views::Analysis analysis = analyse(*m_document);
        QVERIFY(analysis.findings.empty());
        panel.setAnalysis(analysis);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(child<QLabel>(panel, "findings-counts")->text(),
                 QStringLiteral("0 errors · 0 warnings · 0 info"));
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(),
                 QStringLiteral("No findings — the design passes every check"));
        QVERIFY(!child<QTreeView>(panel, "findings-view")->isVisible());
    }

    void countsMatchTheFindings()
    {
        buildFaultyDesign(*m_document);
        const views::Analysis analysis = analyse(*m_document);
        const model::FindingSummary summary = model::summarise(analysis.findings);
        QCOMPARE(summary.errors, 2); // the timeout value and the synchronous chain
        QVERIFY(summary.warnings >= 1);

        views::FindingsPanel panel(*m_document);
        panel.setAnalysis(analysis);
        const QString expected = QStringLiteral("2 errors · %1 %2 · %3 info")
                                     .arg(summary.warnings)
                                     .arg(summary.warnings == 1 ? "warning" : "warnings")
                                     .arg(summary.infos);
        QCOMPARE(child<QLabel>(panel, "findings-counts")->text(), expected);
        auto *view = child<QTreeView>(panel, "findings-view");
        QCOMPARE(view->model()->rowCount(), static_cast<int>(analysis.findings.size()));
        QCOMPARE(columnTexts(*view->model(), views::FindingsModel::SeverityColumn).count("Error"),
                 2);
    }

    void filterButtonsHideAndShowRows()
    {
        buildFaultyDesign(*m_document);
        const views::Analysis analysis = analyse(*m_document);
        const model::FindingSummary summary = model::summarise(analysis.findings);
        views::FindingsPanel panel(*m_document);
        panel.setAnalysis(analysis);
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QAbstractItemModel &rows = *child<QTreeView>(panel, "findings-view")->model();
        const int all = rows.rowCount();

        auto *errors = child<QToolButton>(panel, "filter-error");
        QVERIFY(errors->isChecked());
        QTest::mouseClick(errors, Qt::LeftButton);
        QVERIFY(!errors->isChecked());
        QCOMPARE(rows.rowCount(), all - summary.errors);
        QVERIFY(!columnTexts(rows, views::FindingsModel::SeverityColumn).contains("Error"));

        QTest::mouseClick(child<QToolButton>(panel, "filter-warning"), Qt::LeftButton);
        QCOMPARE(rows.rowCount(), summary.infos);
        QTest::mouseClick(child<QToolButton>(panel, "filter-info"), Qt::LeftButton);
        QCOMPARE(rows.rowCount(), 0);
        auto *placeholder = child<QLabel>(panel, "findings-placeholder");
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(),
                 QStringLiteral("Every finding is hidden by the filters above."));

        QTest::mouseClick(errors, Qt::LeftButton);
        QCOMPARE(rows.rowCount(), summary.errors);
        QCOMPARE(columnTexts(rows, views::FindingsModel::SeverityColumn),
                 QStringList(summary.errors, QStringLiteral("Error")));
        QVERIFY(!placeholder->isVisible());
    }

    void clickingAFindingActivatesItsItems()
    {
        buildFaultyDesign(*m_document);
        views::FindingsPanel panel(*m_document);
        panel.setAnalysis(analyse(*m_document));
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy activated(&panel, &views::FindingsPanel::findingActivated);
        auto *view = child<QTreeView>(panel, "findings-view");

        const int chain = rowOfFinding(*view->model(), "timeouts/sync-chain", "slow");
        QVERIFY(chain >= 0);
        clickRow(*view, view->model()->index(chain, views::FindingsModel::MessageColumn));
        QCOMPARE(activated.count(), 1);
        QStringList nodes = activated.at(0).at(0).toStringList();
        std::sort(nodes.begin(), nodes.end());
        QCOMPARE(nodes, QStringList({"api", "slow"}));
        QCOMPARE(activated.at(0).at(1).toStringList(), QStringList{"api-to-slow"});

        auto *detail = child<QLabel>(panel, "finding-detail");
        QVERIFY(detail->text().contains("Shorten the function timeouts"));
        QVERIFY(detail->text().contains("href=\"https://docs.aws.amazon.com/"));

        const int timeout = rowOfFinding(*view->model(), "properties/invalid-value", "slow");
        QVERIFY(timeout >= 0);
        clickRow(*view, view->model()->index(timeout, views::FindingsModel::SeverityColumn));
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toStringList(), QStringList{"slow"});
        QVERIFY(activated.at(1).at(1).toStringList().isEmpty());

        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 3);
        QCOMPARE(activated.at(2).at(0).toStringList(), QStringList{"slow"});

        // A fresh analysis after an edit keeps the selected finding selected.
        QVERIFY(detail->text().contains("Set Timeout to a value the service accepts."));
        panel.setAnalysis(analyse(*m_document));
        QVERIFY(detail->text().contains("Set Timeout to a value the service accepts."));
        QCOMPARE(view->currentIndex().row(), timeout);
    }

    void findingsNameTheirServices()
    {
        buildFaultyDesign(*m_document);
        views::FindingsPanel panel(*m_document);
        panel.setAnalysis(analyse(*m_document));
        const QAbstractItemModel &rows = *child<QTreeView>(panel, "findings-view")->model();
        const int row = rowOfFinding(rows, "properties/invalid-value", "slow");
        QVERIFY(row >= 0);
        const QModelIndex services = rows.index(row, views::FindingsModel::ServicesColumn);
        QCOMPARE(services.data().toString(), QStringLiteral("Slow function"));
        const QString tip = services.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains("Set Timeout to a value the service accepts."));
        QVERIFY(tip.contains("https://docs.aws.amazon.com/lambda/"));
        QVERIFY(!rows.index(row, views::FindingsModel::SeverityColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());

        // Names are read from the document, so a rename shows before the next analysis.
        m_document->undoStack()->push(
            new views::RenameNodeCommand(*m_document, model::NodeId("slow"), "Report builder"));
        QCOMPARE(services.data().toString(), QStringLiteral("Report builder"));
    }

    void costRowsAddUpToTheTotal()
    {
        openSample(*m_document);
        const views::Analysis analysis = analyse(*m_document);
        views::CostTablePanel panel;
        panel.setAnalysis(analysis);
        const QAbstractItemModel &rows = *child<QTreeView>(panel, "cost-view")->model();
        QVERIFY(rows.rowCount() > 3);

        double sum = 0;
        for (int row = 0; row < rows.rowCount(); ++row) {
            const QModelIndex service = rows.index(row, views::CostTablePanel::NameColumn);
            const double cost = rows.index(row, views::CostTablePanel::CostColumn)
                                    .data(views::CostTablePanel::SortValueRole)
                                    .toDouble();
            double lines = 0;
            for (int line = 0; line < rows.rowCount(service); ++line)
                lines += rows.index(line, views::CostTablePanel::CostColumn, service)
                             .data(views::CostTablePanel::SortValueRole)
                             .toDouble();
            QVERIFY(std::abs(cost - lines) < 1e-6);
            sum += cost;
        }
        QVERIFY2(std::abs(sum - analysis.estimate->total) < 1e-6,
                 qPrintable(QString("%1 vs %2").arg(sum).arg(analysis.estimate->total)));
        QCOMPARE(child<QLabel>(panel, "cost-total")->text(),
                 QStringLiteral("Total per month: %1")
                     .arg(QString::fromStdString(model::formatMoney(analysis.estimate->total))));
        QVERIFY(child<QLabel>(panel, "cost-source")->text().contains("us-east-1 · prices read 20"));
        QVERIFY(child<QLabel>(panel, "cost-savings")->text().startsWith("Free tier saves $"));
    }

    void theMostExpensiveServiceComesFirst()
    {
        openSample(*m_document);
        const views::Analysis analysis = analyse(*m_document);
        std::map<std::string, double> totals;
        for (const model::LineItem &item : analysis.estimate->items)
            totals[item.node.str()] = analysis.estimate->nodeTotal(item.node);
        const auto top =
            std::max_element(totals.begin(), totals.end(),
                             [](const auto &a, const auto &b) { return a.second < b.second; });

        views::CostTablePanel panel;
        panel.setAnalysis(analysis);
        const QAbstractItemModel &rows = *child<QTreeView>(panel, "cost-view")->model();
        QCOMPARE(rows.rowCount(), static_cast<int>(totals.size()));
        QCOMPARE(rows.index(0, 0).data(views::CostTablePanel::NodeIdRole).toString(),
                 QString::fromStdString(top->first));
        QCOMPARE(rows.index(0, views::CostTablePanel::CostColumn).data().toString(),
                 QString::fromStdString(model::formatMoney(top->second)));
        for (int row = 1; row < rows.rowCount(); ++row) {
            const auto cost = [&](int r) {
                return rows.index(r, views::CostTablePanel::CostColumn)
                    .data(views::CostTablePanel::SortValueRole)
                    .toDouble();
            };
            QVERIFY(cost(row - 1) >= cost(row));
        }
        // Numbers are right-aligned.
        const auto alignment = rows.index(0, views::CostTablePanel::CostColumn)
                                   .data(Qt::TextAlignmentRole)
                                   .value<Qt::Alignment>();
        QVERIFY(alignment & Qt::AlignRight);
    }

    void clickingAServiceActivatesIt()
    {
        openSample(*m_document);
        views::CostTablePanel panel;
        panel.setAnalysis(analyse(*m_document));
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy activated(&panel, &views::CostTablePanel::serviceActivated);
        auto *view = child<QTreeView>(panel, "cost-view");
        const QAbstractItemModel &rows = *view->model();

        const QModelIndex second = rows.index(1, views::CostTablePanel::NameColumn);
        clickRow(*view, second);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(),
                 second.data(views::CostTablePanel::NodeIdRole).toString());

        // A price dimension belongs to its service.
        const QModelIndex top = rows.index(0, views::CostTablePanel::NameColumn);
        QVERIFY(view->isExpanded(top));
        clickRow(*view, rows.index(0, views::CostTablePanel::CostColumn, top));
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toString(),
                 top.data(views::CostTablePanel::NodeIdRole).toString());
    }

    void unknownPricesAreMarked()
    {
        openSample(*m_document);
        model::PriceList prices;
        prices.region = usEast1Prices().region;
        prices.currency = usEast1Prices().currency;
        for (const auto &[key, price] : usEast1Prices().prices()) {
            if (key != "lambda.requests")
                prices.set(price);
        }
        const views::Analysis analysis = analyse(*m_document, prices);
        QCOMPARE(analysis.estimate->unknownPrices, std::vector<std::string>{"lambda.requests"});

        views::CostTablePanel panel;
        panel.setAnalysis(analysis);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *warning = child<QLabel>(panel, "cost-warning");
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains("lambda.requests"));

        const QAbstractItemModel &rows = *child<QTreeView>(panel, "cost-view")->model();
        int unknownLines = 0;
        for (int row = 0; row < rows.rowCount(); ++row) {
            const QModelIndex service = rows.index(row, 0);
            for (int line = 0; line < rows.rowCount(service); ++line) {
                const QModelIndex cost =
                    rows.index(line, views::CostTablePanel::CostColumn, service);
                if (cost.data().toString() != "unknown")
                    continue;
                ++unknownLines;
                QVERIFY(cost.data(Qt::FontRole).value<QFont>().italic());
                QVERIFY(cost.data(Qt::ToolTipRole).toString().contains("lambda.requests"));
                QVERIFY(rows.index(row, views::CostTablePanel::CostColumn)
                            .data()
                            .toString()
                            .endsWith("+ unknown"));
            }
        }
        QCOMPARE(unknownLines, 3); // the sample's three functions

        // With every price known the warning goes away.
        panel.setAnalysis(analyse(*m_document));
        QVERIFY(!warning->isVisible());
    }

    void withoutPricesTheCostPanelSaysSo()
    {
        views::CostTablePanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *placeholder = child<QLabel>(panel, "cost-placeholder");
        auto *total = child<QLabel>(panel, "cost-total");
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(), QStringLiteral("No estimate yet."));
        QVERIFY(!total->isVisible());

        // An empty design has an estimate with nothing in it.
        panel.setAnalysis(analyse(*m_document));
        QCOMPARE(placeholder->text(), QStringLiteral("Nothing in the design has a price yet."));
        QVERIFY(total->isVisible());
        QCOMPARE(total->text(), QStringLiteral("Total per month: $0.00"));

        openSample(*m_document);
        panel.setAnalysis(analyse(*m_document));
        QVERIFY(!placeholder->isVisible());
        QVERIFY(child<QTreeView>(panel, "cost-view")->isVisible());

        panel.setAnalysis(views::Analysis{});
        QVERIFY(placeholder->isVisible());
        QVERIFY(!total->isVisible());
        QCOMPARE(child<QTreeView>(panel, "cost-view")->model()->rowCount(), 0);
    }

    void lineTooltipsExplainTheFormula()
    {
        openSample(*m_document);
        const views::Analysis analysis = analyse(*m_document);
        views::CostTablePanel panel;
        panel.setAnalysis(analysis);
        const QAbstractItemModel &rows = *child<QTreeView>(panel, "cost-view")->model();
        const QModelIndex service = rows.index(0, 0);
        QVERIFY(rows.rowCount(service) > 0);
        const QString id = service.data(views::CostTablePanel::NodeIdRole).toString();
        const auto item = std::find_if(
            analysis.estimate->items.begin(), analysis.estimate->items.end(),
            [&](const model::LineItem &i) { return QString::fromStdString(i.node.str()) == id; });
        QVERIFY(item != analysis.estimate->items.end());
        QVERIFY(!item->explanation.empty());
        bool found = false;
        for (int line = 0; line < rows.rowCount(service); ++line) {
            const QString tip = rows.index(line, views::CostTablePanel::QuantityColumn, service)
                                    .data(Qt::ToolTipRole)
                                    .toString();
            found =
                found || tip.contains(QString::fromStdString(item->explanation).toHtmlEscaped());
        }
        QVERIFY(found);
    }

    void panelsRenderWithoutClipping()
    {
        buildFaultyDesign(*m_document);
        views::FindingsPanel findings(*m_document);
        findings.setAnalysis(analyse(*m_document));
        findings.resize(900, 360);
        views::Document sample(builtinCatalog());
        openSample(sample);
        views::CostTablePanel costs;
        costs.setAnalysis(analyse(sample));
        costs.resize(900, 640);
        findings.show();
        costs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&findings));
        QVERIFY(QTest::qWaitForWindowExposed(&costs));
        QCoreApplication::processEvents();

        const QImage findingsImage = findings.grab().toImage();
        const QImage costsImage = costs.grab().toImage();
        QCOMPARE(findingsImage.size(), QSize(900, 360));
        QCOMPARE(costsImage.size(), QSize(900, 640));
        const QString dir = qEnvironmentVariable("NIMBUS_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(findingsImage.save(QDir(dir).filePath("findings.png")));
            QVERIFY(costsImage.save(QDir(dir).filePath("costs.png")));
            saveMoreStates(findings, costs, sample, QDir(dir));
        }

        // At a usual panel width no cost column is cut.
        auto *costView = child<QTreeView>(costs, "cost-view");
        for (int column = 0; column < views::CostTablePanel::ColumnCount; ++column) {
            const int needed = widestCell(*costView, column, {}, 0);
            QVERIFY2(costView->columnWidth(column) >= needed,
                     qPrintable(QString("cost column %1: %2 < %3")
                                    .arg(column)
                                    .arg(costView->columnWidth(column))
                                    .arg(needed)));
        }

        // Every word-wrapped message row is tall enough for its text.
        auto *view = child<QTreeView>(findings, "findings-view");
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex message =
                view->model()->index(row, views::FindingsModel::MessageColumn);
            const int needed =
                view->fontMetrics()
                    .boundingRect(QRect(0, 0,
                                        view->columnWidth(views::FindingsModel::MessageColumn) - 12,
                                        10000),
                                  Qt::TextWordWrap, message.data().toString())
                    .height();
            QVERIFY2(view->visualRect(message).height() >= needed,
                     qPrintable(QString("row %1: %2 < %3")
                                    .arg(row)
                                    .arg(view->visualRect(message).height())
                                    .arg(needed)));
        }
    }

private:
    std::unique_ptr<views::Document> m_document;
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"

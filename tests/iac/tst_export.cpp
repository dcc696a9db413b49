// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"
#include "ruledesigns.h"
#include "templatechecks.h"

#include <app/cli/builtincatalog.h>
#include <model/iac/cfntree.h>
#include <model/iac/exporter.h>
#include <model/iac/policytemplates.h>
#include <model/io/projectfile.h>
#include <model/io/yamlreader.h>

#include <QTest>

#include <set>

using namespace nimbus;
using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

iac::ExportResult exportAs(const Architecture &design, iac::TemplateFormat format, std::size_t maxResources = 450)
{
    iac::ExportOptions options;
    options.format = format;
    options.nimbusVersion = "test";
    options.maxResourcesPerStack = maxResources;
    return iac::exportDesign(design, builtinCatalog(), app::builtinPolicyTemplates(), options);
}

/// Adds a service to a design built by hand in a test.
void addService(Architecture &d, const char *id, const char *type, const char *name)
{
    Node n;
    n.id = NodeId(id);
    n.type = type;
    n.name = name;
    d.addNode(n);
}

/// Adds a connection, with a purpose when one is given.
void addConnection(Architecture &d, const char *id, const char *from, const char *to, ConnectionKind kind,
                   const char *purpose = nullptr)
{
    Edge e;
    e.id = EdgeId(id);
    e.source = NodeId(from);
    e.target = NodeId(to);
    e.kind = kind;
    if (purpose != nullptr)
        e.properties["purpose"] = std::string(purpose);
    d.addEdge(e);
}

Tree parse(const std::string &text)
{
    YamlParseResult r = parseYaml(text, "export.yaml");
    if (!r.ok()) {
        for (const auto &d : r.diagnostics)
            qWarning("%s", d.toString().c_str());
    }
    return r.tree;
}

Architecture sample(const char *file = "templates/web-application.nimbus")
{
    ProjectLoadResult r = readProject(tests::readSourceFile(QString::fromLatin1(file)), file, builtinCatalog());
    if (!r.ok())
        throw std::runtime_error(std::string("cannot read ") + file);
    return std::move(r.architecture);
}

const Tree &resources(const Tree &root)
{
    static const Tree none;
    const Tree *r = root.find("Resources");
    return r != nullptr ? *r : none;
}

std::string typeOf(const Tree &resource)
{
    const Tree *t = resource.find("Type");
    return t != nullptr ? t->scalar : std::string();
}

void checkReferencesResolve(const Tree &root, const std::string &file)
{
    const std::string unresolved = tests::unresolvedReference(root, true);
    if (!unresolved.empty())
        QFAIL(qPrintable(QString::fromStdString(file + ": reference to undefined " + unresolved)));
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samOfTheSampleDesign()
    {
        const Architecture design = sample();
        const auto result = exportAs(design, iac::TemplateFormat::Sam);
        QVERIFY(result.ok());
        QCOMPARE(result.files.size(), std::size_t(1));
        const std::string &text = result.files.front().text;
        QVERIFY(text.rfind("# " + design.name() + "\n# Exported by Nimbus test as an AWS SAM template.\n", 0) == 0);
        const Tree root = parse(text);
        QCOMPARE(root.find("Transform")->scalar, std::string("AWS::Serverless-2016-10-31"));
        QVERIFY(root.find("Parameters")->find("Stage") != nullptr);
        QVERIFY(root.find("Outputs") != nullptr);
        std::size_t functions = 0;
        std::size_t withEvents = 0;
        for (const auto &[id, body] : resources(root).entries) {
            QVERIFY2(cfn::isValidLogicalId(id), id.c_str());
            if (typeOf(body) != "AWS::Serverless::Function")
                continue;
            ++functions;
            const Tree *props = body.find("Properties");
            QVERIFY(props->find("Runtime") != nullptr);
            QVERIFY(props->find("MemorySize") != nullptr);
            QVERIFY(props->find("Environment")->find("Variables")->find("STAGE") != nullptr);
            withEvents += props->find("Events") != nullptr ? 1 : 0;
        }
        QVERIFY(functions >= 3);
        QVERIFY(withEvents >= 1);
        checkReferencesResolve(root, "web-application");
    }

    void functionEventsPoliciesAndEnvironment()
    {
        // API -> function -> table (write), function -> queue, queue -> worker.
        Architecture d;
        d.setName("Orders");
        addService(d, "api", "apigw-rest-api", "Orders API");
        addService(d, "fn", "lambda-function", "Create order");
        addService(d, "table", "dynamodb-table", "Orders");
        addService(d, "queue", "sqs-queue", "Order events");
        addService(d, "worker", "lambda-function", "Ship order");
        addConnection(d, "e1", "api", "fn", ConnectionKind::SyncInvoke);
        addConnection(d, "e2", "fn", "table", ConnectionKind::Write);
        addConnection(d, "e3", "fn", "queue", ConnectionKind::Publish);
        addConnection(d, "e4", "queue", "worker", ConnectionKind::Poll);
        addConnection(d, "e5", "worker", "table", ConnectionKind::Read);

        const Tree root = parse(exportAs(d, iac::TemplateFormat::Sam).files.front().text);
        const Tree &res = resources(root);
        const Tree *create = res.find("CreateOrder");
        QVERIFY(create != nullptr);
        const Tree *props = create->find("Properties");
        const Tree *event = props->find("Events")->find("OrdersAPI");
        QVERIFY(event != nullptr);
        QCOMPARE(event->find("Type")->scalar, std::string("Api"));
        QCOMPARE(event->find("Properties")->find("RestApiId")->tag, std::string("!Ref"));
        QCOMPARE(event->find("Properties")->find("RestApiId")->scalar, std::string("OrdersAPI"));
        // Least privilege: a write-only table policy and a send-only queue policy, each
        // scoped to its one resource.
        const Tree *policies = props->find("Policies");
        QVERIFY(policies != nullptr);
        QCOMPARE(policies->items.size(), std::size_t(2));
        const Tree *write = policies->items[0].find("DynamoDBWritePolicy");
        QVERIFY(write != nullptr);
        QCOMPARE(write->find("TableName")->scalar, std::string("Orders"));
        const Tree *send = policies->items[1].find("SQSSendMessagePolicy");
        QVERIFY(send != nullptr);
        QCOMPARE(send->find("QueueName")->scalar, std::string("OrderEvents.QueueName"));
        const Tree *vars = props->find("Environment")->find("Variables");
        QCOMPARE(vars->find("ORDERS_TABLE")->scalar, std::string("Orders"));
        QCOMPARE(vars->find("ORDERS_TABLE")->tag, std::string("!Ref"));
        QCOMPARE(vars->find("ORDER_EVENTS_QUEUE_URL")->scalar, std::string("OrderEvents"));
        // The worker reads: a read-only policy, and its SQS event.
        const Tree *worker = res.find("ShipOrder")->find("Properties");
        QVERIFY(worker->find("Policies")->items[0].find("DynamoDBReadPolicy") != nullptr);
        QCOMPARE(worker->find("Events")->find("OrderEvents")->find("Type")->scalar, std::string("SQS"));

        // Plain CloudFormation: roles with the same statements, a permission for the API,
        // an event source mapping, and no SAM types.
        const Tree cfnRoot = parse(exportAs(d, iac::TemplateFormat::CloudFormation).files.front().text);
        QVERIFY(cfnRoot.find("Transform") == nullptr);
        std::map<std::string, int> types;
        for (const auto &[id, body] : resources(cfnRoot).entries) {
            QVERIFY2(typeOf(body).rfind("AWS::Serverless::", 0) != 0, id.c_str());
            ++types[typeOf(body)];
        }
        QCOMPARE(types["AWS::Lambda::Function"], 2);
        QCOMPARE(types["AWS::IAM::Role"], 2);
        QCOMPARE(types["AWS::Lambda::Permission"], 1);
        QCOMPARE(types["AWS::Lambda::EventSourceMapping"], 1);
        QCOMPARE(types["AWS::ApiGateway::Stage"], 1);
        const Tree *role = resources(cfnRoot).find("CreateOrderRole");
        QVERIFY(role != nullptr);
        std::vector<const Tree *> statements;
        tests::collectStatements(*role, statements);
        std::set<std::string> actions;
        for (const Tree *s : statements) {
            for (const Tree &a : s->find("Action")->items)
                actions.insert(a.scalar);
        }
        QVERIFY(actions.count("dynamodb:PutItem") == 1);
        QVERIFY(actions.count("dynamodb:Scan") == 0); // write only
        QVERIFY(actions.count("sqs:SendMessage*") == 1);
        checkReferencesResolve(cfnRoot, "orders.cloudformation");
    }

    void sameDesignSameBytes()
    {
        const Architecture design = sample();
        for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            const auto a = exportAs(design, format);
            const auto b = exportAs(design, format);
            QCOMPARE(a.files.front().text, b.files.front().text);
        }
    }

    void logicalIdsAreStable()
    {
        Architecture design = sample();
        const Tree before = parse(exportAs(design, iac::TemplateFormat::Sam).files.front().text);
        // Renaming one service changes its id only.
        Node &first = const_cast<Node &>(design.nodes()[1]);
        first.name = "Renamed service";
        const Tree after = parse(exportAs(design, iac::TemplateFormat::Sam).files.front().text);
        std::set<std::string> idsBefore;
        std::set<std::string> idsAfter;
        for (const auto &e : resources(before).entries)
            idsBefore.insert(e.first);
        for (const auto &e : resources(after).entries)
            idsAfter.insert(e.first);
        std::vector<std::string> gone;
        std::set_difference(idsBefore.begin(), idsBefore.end(), idsAfter.begin(), idsAfter.end(), std::back_inserter(gone));
        QVERIFY2(gone.size() <= 3, "only the renamed service's resources may change id");
        // Two services with the same name get distinct ids.
        QCOMPARE(cfn::pascalCase("orders table"), std::string("OrdersTable"));
        QCOMPARE(cfn::upperSnake("Orders table"), std::string("ORDERS_TABLE"));
    }

    void everyConnectionRuleExportsWithScopedPermissions()
    {
        std::size_t templates = 0;
        std::size_t statementsChecked = 0;
        for (const Architecture &design : tests::everyRuleDesigns(builtinCatalog())) {
            for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
                const auto result = exportAs(design, format);
                QVERIFY2(result.ok(), design.name().c_str());
                for (const auto &file : result.files) {
                    const Tree root = parse(file.text);
                    ++templates;
                    checkReferencesResolve(root, design.name() + " " + iac::templateFormatName(format));
                    std::vector<const Tree *> statements;
                    tests::collectStatements(resources(root), statements);
                    statementsChecked += statements.size();
                    // No wildcard actions; "*" resources only for actions IAM cannot scope.
                    const std::string wildcard = tests::wildcardStatement(resources(root));
                    QVERIFY2(wildcard.empty(), (design.name() + ": wildcard in\n" + wildcard).c_str());
                }
            }
        }
        qInfo("checked %zu templates, %zu IAM statements", templates, statementsChecked);
        QVERIFY(statementsChecked > 100);
    }

    void reliabilitySettings()
    {
        const auto designs = tests::everyRuleDesigns(builtinCatalog());
        const Architecture &design = designs.back();
        QCOMPARE(design.name(), std::string("reliability"));
        const Tree root = parse(exportAs(design, iac::TemplateFormat::Sam).files.front().text);
        const Tree *worker = resources(root).find("Worker")->find("Properties");
        const Tree *invoke = worker->find("EventInvokeConfig");
        QVERIFY(invoke != nullptr);
        QCOMPARE(invoke->find("MaximumRetryAttempts")->scalar, std::string("1"));
        QCOMPARE(invoke->find("DestinationConfig")->find("OnFailure")->find("Type")->scalar, std::string("SQS"));
        QCOMPARE(invoke->find("DestinationConfig")->find("OnSuccess")->find("Type")->scalar, std::string("SNS"));
        QCOMPARE(worker->find("DeadLetterQueue")->find("Type")->scalar, std::string("SQS"));
        QCOMPARE(worker->find("ReservedConcurrentExecutions")->scalar, std::string("10"));
        QCOMPARE(worker->find("ProvisionedConcurrencyConfig")->find("ProvisionedConcurrentExecutions")->scalar, std::string("2"));
        const Tree *jobs = resources(root).find("Jobs")->find("Properties");
        QCOMPARE(jobs->find("RedrivePolicy")->find("maxReceiveCount")->scalar, std::string("3"));
        QCOMPARE(jobs->find("FifoQueue")->scalar, std::string("true"));
        // The state machine catches failures and notifies the alarm topic.
        const Tree *flow = resources(root).find("OrderFlow")->find("Properties");
        QCOMPARE(flow->find("Type")->scalar, std::string("EXPRESS"));
        const Tree *states = flow->find("Definition")->find("States");
        QVERIFY(states->find("NotifyFailure") != nullptr);
        QVERIFY(flow->find("DefinitionSubstitutions")->find("Worker") != nullptr);
        // Stream failures go to the reader's on-failure queue.
        const Tree *reader = resources(root).find("ClickReader")->find("Properties");
        QVERIFY(reader->find("Events")->find("Clicks")->find("Properties")->find("DestinationConfig") != nullptr);
    }

    void defaultBusIsTheAccountsBus()
    {
        // A bus left at its default name is the account's own bus: no resource, and every
        // reference points at "default" and its ARN.
        Architecture d;
        d.setName("Default bus");
        addService(d, "bus", "eventbridge-bus", "Account bus");
        addService(d, "fn", "lambda-function", "Publisher");
        addConnection(d, "e", "fn", "bus", ConnectionKind::Publish);
        for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            const std::string text = exportAs(d, format).files.front().text;
            const Tree root = parse(text);
            QVERIFY(resources(root).find("AccountBus") == nullptr);
            QVERIFY(text.find("AccountBus") == std::string::npos || text.find("Nimbus:") < text.find("AccountBus"));
            checkReferencesResolve(root, "default bus");
            const Tree *vars = resources(root).find("Publisher")->find("Properties")->find("Environment")->find("Variables");
            QCOMPARE(vars->find("ACCOUNT_BUS_EVENT_BUS")->scalar, std::string("default"));
        }
    }

    void ruleDeadLetterQueueIsNotATarget()
    {
        Architecture d;
        d.setName("Rule with DLQ");
        addService(d, "bus", "eventbridge-bus", "Orders bus");
        addService(d, "rule", "eventbridge-rule", "Paid orders");
        addService(d, "fn", "lambda-function", "Ship");
        addService(d, "q", "sqs-queue", "Shipping queue");
        addService(d, "dlq", "sqs-queue", "Undelivered");
        addConnection(d, "e1", "bus", "rule", ConnectionKind::Trigger);
        addConnection(d, "e2", "rule", "fn", ConnectionKind::AsyncInvoke);
        addConnection(d, "e3", "rule", "dlq", ConnectionKind::Publish, "dead-letter");
        addConnection(d, "e4", "rule", "q", ConnectionKind::Publish);
        for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            const Tree root = parse(exportAs(d, format).files.front().text);
            const Tree *targets = resources(root).find("PaidOrders")->find("Properties")->find("Targets");
            QCOMPARE(targets->items.size(), std::size_t(2)); // the function and the queue, not the DLQ
            for (const Tree &t : targets->items) {
                QVERIFY(t.find("Arn")->scalar.rfind("Undelivered", 0) != 0);
                QCOMPARE(t.find("DeadLetterConfig")->find("Arn")->scalar, std::string("Undelivered.Arn"));
            }
            bool dlqPolicy = false;
            for (const auto &[id, body] : resources(root).entries) {
                if (typeOf(body) == "AWS::SQS::QueuePolicy")
                    dlqPolicy = dlqPolicy || body.find("Properties")->find("Queues")->items.front().scalar == "Undelivered";
            }
            QVERIFY(dlqPolicy);
        }
    }

    void largeDesignsSplitIntoNestedStacks()
    {
        const Architecture design = tests::motifDesign(2000);
        for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            const auto result = exportAs(design, format);
            QVERIFY(result.ok());
            QVERIFY(result.files.size() > 2);
            QCOMPARE(result.stats.nestedStacks, result.files.size() - 1);
            std::size_t total = 0;
            const Tree parent = parse(result.files.front().text);
            QCOMPARE(resources(parent).entries.size(), result.files.size() - 1);
            for (std::size_t i = 1; i < result.files.size(); ++i) {
                const Tree child = parse(result.files[i].text);
                QVERIFY(resources(child).entries.size() <= 450);
                total += resources(child).entries.size();
                checkReferencesResolve(child, result.files[i].fileName);
                // Every parameter the child declares is passed by the parent.
                const Tree *stack = resources(parent).entries[i - 1].second.find("Properties");
                const Tree *passed = stack->find("Parameters");
                if (const Tree *params = child.find("Parameters")) {
                    for (const auto &[name, body] : params->entries)
                        QVERIFY2(passed != nullptr && passed->find(name) != nullptr, name.c_str());
                }
            }
            QCOMPARE(total, result.stats.resources);
        }
        // A limit too small for one inseparable group is refused with a clear message.
        const auto refused = exportAs(design, iac::TemplateFormat::Sam, 2);
        QVERIFY(!refused.ok());
        QVERIFY(refused.diagnostics.back().message.find("cannot be split") != std::string::npos);
    }

    void policyTemplatesExpandForCloudFormation()
    {
        const auto &templates = app::builtinPolicyTemplates();
        QVERIFY(templates.contains("DynamoDBCrudPolicy"));
        QCOMPARE(templates.parameters("SQSSendMessagePolicy"), std::vector<std::string>{"QueueName"});
        const Tree statements = templates.expand("DynamoDBReadPolicy", {{"TableName", cfn::ref("Orders")}});
        QVERIFY(!statements.items.empty());
        std::vector<std::string> refs;
        cfn::collectReferences(statements, refs);
        QVERIFY(std::find(refs.begin(), refs.end(), "Orders") != refs.end());
        QVERIFY(std::find(refs.begin(), refs.end(), "TableName") == refs.end());
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

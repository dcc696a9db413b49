// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Import -> export -> import of real templates: the design survives, and an unchanged
// import exports every resource, section and reference of the user's template.
#include "common/testdata.h"
#include "ruledesigns.h"

#include <app/cli/builtincatalog.h>
#include <model/iac/cfntree.h>
#include <model/iac/exporter.h>
#include <model/iac/importer.h>
#include <model/io/projectfile.h>
#include <model/io/yamlreader.h>
#include <model/io/yamlwriter.h>

#include <QDir>
#include <QTest>

#include <set>

using namespace nimbus;
using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

std::vector<std::string> templateFiles()
{
    std::vector<std::string> files;
    for (const QString &dir : {tests::sourcePath(QStringLiteral("tests/data/iac")),
                               tests::sourcePath(QStringLiteral("../shared/corpus/serverless-patterns"))}) {
        const QStringList names = QDir(dir).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                                                      QDir::Files, QDir::Name);
        for (const QString &name : names)
            files.push_back(QDir(dir).filePath(name).toStdString());
    }
    return files;
}

std::string exportText(const Architecture &design, iac::TemplateFormat format = iac::TemplateFormat::Sam)
{
    iac::ExportOptions options;
    options.format = format;
    const auto result = iac::exportDesign(design, builtinCatalog(), app::builtinPolicyTemplates(), options);
    return result.ok() ? result.files.front().text : std::string();
}

using EdgeSet = std::set<std::tuple<std::string, std::string, int>>;

EdgeSet edgesOf(const Architecture &design)
{
    EdgeSet out;
    for (const Edge &e : design.edges())
        out.emplace(e.source.str(), e.target.str(), int(e.kind));
    return out;
}

std::set<std::pair<std::string, std::string>> nodesOf(const Architecture &design)
{
    std::set<std::pair<std::string, std::string>> out;
    for (const Node &n : design.nodes())
        out.emplace(n.id.str(), n.type);
    return out;
}

Architecture sampleDesign()
{
    ProjectLoadResult r = readProject(tests::readSourceFile(QStringLiteral("templates/web-application.nimbus")),
                                      "web-application.nimbus", builtinCatalog());
    return std::move(r.architecture);
}

std::string describeProperties(const PropertyMap &properties)
{
    std::string out;
    for (const auto &[key, value] : properties)
        out += " " + key + "=" + toString(value);
    return out;
}

/// Nodes by name, type, position and properties (ids change: they become logical ids).
std::multiset<std::string> describeNodes(const Architecture &design)
{
    std::multiset<std::string> out;
    for (const Node &n : design.nodes())
        out.insert(n.name + " [" + n.type + "] @" + formatNumber(n.position.x) + "," + formatNumber(n.position.y)
                   + (n.group ? " in " + n.group->str() : std::string()) + describeProperties(n.properties));
    return out;
}

std::multiset<std::string> describeEdges(const Architecture &design)
{
    std::multiset<std::string> out;
    for (const Edge &e : design.edges())
        out.insert(design.node(e.source)->name + " -> " + design.node(e.target)->name + " ("
                   + std::string(connectionKindName(e.kind)) + ")" + describeProperties(e.properties));
    return out;
}

std::map<std::string, std::string> resourceMap(const Tree &root)
{
    std::map<std::string, std::string> out;
    if (const Tree *resources = root.find("Resources")) {
        for (const auto &[id, body] : resources->entries)
            out[id] = writeYaml(body);
    }
    return out;
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newConnectionsExtendImportedServices()
    {
        iac::ImportResult imported = iac::importTemplateFile(
            tests::sourcePath(QStringLiteral("tests/data/iac/apigw-lambda-dynamodb.yaml")).toStdString(), builtinCatalog());
        QVERIFY(imported.ok());
        Architecture design = std::move(imported.design);
        Node queue;
        queue.id = NodeId("audit");
        queue.type = "sqs-queue";
        queue.name = "Audit events";
        QVERIFY(design.addNode(queue));
        Node writer;
        writer.id = NodeId("writer");
        writer.type = "lambda-function";
        writer.name = "Audit writer";
        QVERIFY(design.addNode(writer));
        Edge send;
        send.id = EdgeId("send");
        send.source = NodeId("LambdaFunction");
        send.target = NodeId("audit");
        send.kind = ConnectionKind::Publish;
        QVERIFY(design.addEdge(send));
        Edge poll;
        poll.id = EdgeId("poll");
        poll.source = NodeId("audit");
        poll.target = NodeId("writer");
        poll.kind = ConnectionKind::Poll;
        QVERIFY(design.addEdge(poll));

        const Tree root = parseYaml(exportText(design), "extended").tree;
        const Tree *fn = root.find("Resources")->find("LambdaFunction")->find("Properties");
        // The user's policy stays, the new one is added, scoped to the new queue.
        const Tree *policies = fn->find("Policies");
        QVERIFY(policies->isSequence());
        QCOMPARE(policies->items.size(), std::size_t(2));
        QVERIFY(policies->items[0].find("DynamoDBCrudPolicy") != nullptr);
        QCOMPARE(policies->items[1].find("SQSSendMessagePolicy")->find("QueueName")->scalar, std::string("AuditEvents.QueueName"));
        QCOMPARE(fn->find("Environment")->find("Variables")->find("AUDIT_EVENTS_QUEUE_URL")->scalar, std::string("AuditEvents"));
        QVERIFY(fn->find("Events")->find("ApiEvent") != nullptr);
        QCOMPARE(fn->find("FunctionName")->scalar, std::string("WeatherFunction"));
        const Tree *writerProps = root.find("Resources")->find("AuditWriter")->find("Properties");
        QCOMPARE(writerProps->find("Events")->find("AuditEvents")->find("Type")->scalar, std::string("SQS"));

        // A plain CloudFormation export cannot put SAM settings into a SAM function read
        // from the template: it keeps the template's transform and says what it left out.
        iac::ExportOptions options;
        options.format = iac::TemplateFormat::CloudFormation;
        const auto plain = iac::exportDesign(design, builtinCatalog(), app::builtinPolicyTemplates(), options);
        QVERIFY(plain.ok());
        QVERIFY(plain.files.front().text.find("Transform: AWS::Serverless-2016-10-31") != std::string::npos);
        bool told = false;
        for (const auto &d : plain.diagnostics)
            told = told || d.message.find("LambdaFunction") != std::string::npos;
        QVERIFY(told);
    }

    void importedVariablesRoundTrip()
    {
        // Literal variables come back exactly as written; references and the invalid name
        // stay in the body; the secret is replaced by a Secrets Manager reference, which
        // imports back as that reference; the Globals are not copied into the function.
        const std::string file = "tests/data/environment/sam-function.yaml";
        const std::string original = tests::readSourceFile(QString::fromStdString(file));
        const iac::ImportResult first = iac::importTemplate(original, file, builtinCatalog());
        QVERIFY(first.ok());
        const std::string exported = exportText(first.design);
        QVERIFY(!exported.empty());
        QVERIFY(exported.find("hunter2") == std::string::npos);
        const Tree before = parseYaml(original, "original").tree;
        const Tree after = parseYaml(exported, "exported").tree;
        Tree expected = *before.find("Resources")->find("CreateOrder");
        expected.find("Properties")
            ->find("Environment")
            ->find("Variables")
            ->set("DB_PASSWORD", cfn::text("{{resolve:secretsmanager:sam-function/"
                                           "create-order:SecretString:DB_PASSWORD}}"));
        QCOMPARE(writeYaml(*after.find("Resources")->find("CreateOrder")), writeYaml(expected));
        QVERIFY(*after.find("Globals") == *before.find("Globals"));

        const iac::ImportResult second =
            iac::importTemplate(exported, "again.yaml", builtinCatalog());
        QVERIFY(second.ok());
        QCOMPARE(
            toString(
                second.design.node(NodeId("CreateOrder"))->properties.at("environmentVariables")),
            std::string("LOG_LEVEL=INFO;TABLE_PREFIX=orders-;DB_PASSWORD={{resolve:secretsmanager:"
                        "sam-function/create-order:SecretString:DB_PASSWORD}};RETRIES=3;EMPTY="));
        QCOMPARE(resourceMap(parseYaml(exportText(second.design), "third").tree),
                 resourceMap(after));
    }

    void editedVariablesAreWrittenBack()
    {
        const std::string file = "tests/data/environment/sam-function.yaml";
        iac::ImportResult imported = iac::importTemplate(
            tests::readSourceFile(QString::fromStdString(file)), file, builtinCatalog());
        QVERIFY(imported.ok());
        Node *fn = imported.design.node(NodeId("CreateOrder"));
        // Changed, deleted (RETRIES, EMPTY, DB_PASSWORD), added, and a Globals value overridden.
        fn->properties["environmentVariables"] =
            std::string("TABLE_PREFIX=changed;NEW_ONE=x;LOG_LEVEL=DEBUG");
        const Tree root = parseYaml(exportText(imported.design), "edited").tree;
        const Tree *vars = root.find("Resources")
                               ->find("CreateOrder")
                               ->find("Properties")
                               ->find("Environment")
                               ->find("Variables");
        std::vector<std::string> names;
        for (const auto &[name, value] : vars->entries)
            names.push_back(name);
        QCOMPARE(names,
                 (std::vector<std::string>{"TABLE_PREFIX", "ORDERS_TABLE", "STAGE", "bad-name",
                                           "DB_URL", "REPLICA_URL", "NEW_ONE", "LOG_LEVEL"}));
        QCOMPARE(vars->find("TABLE_PREFIX")->scalar, std::string("changed"));
        QCOMPARE(vars->find("ORDERS_TABLE")->tag, std::string("!Ref"));
        QCOMPARE(vars->find("LOG_LEVEL")->scalar, std::string("DEBUG"));

        // Emptied: every literal goes, the references stay.
        fn->properties.erase("environmentVariables");
        const Tree emptied = parseYaml(exportText(imported.design), "emptied").tree;
        const Tree *left = emptied.find("Resources")
                               ->find("CreateOrder")
                               ->find("Properties")
                               ->find("Environment")
                               ->find("Variables");
        QCOMPARE(left->entries.size(), std::size_t(5));

        // A design saved before the property was read: the body stays the truth.
        fn->extra.entries.erase(
            std::find_if(fn->extra.entries.begin(), fn->extra.entries.end(),
                         [](const auto &e) { return e.first == "environmentFromTemplate"; }));
        const std::string old = exportText(imported.design);
        QVERIFY(old.find("RETRIES: 3") != std::string::npos);
        QVERIFY(old.find("hunter2") == std::string::npos);
    }

    void containerVariablesRoundTrip()
    {
        const std::string file = "tests/data/environment/ecs-service.yaml";
        iac::ImportResult imported = iac::importTemplate(
            tests::readSourceFile(QString::fromStdString(file)), file, builtinCatalog());
        QVERIFY(imported.ok());
        for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            const std::string text = exportText(imported.design, format);
            QVERIFY(text.find("tok-worker-1234") == std::string::npos);
            const Tree root = parseYaml(text, "exported").tree;
            const Tree &containers = *root.find("Resources")
                                          ->find("Task")
                                          ->find("Properties")
                                          ->find("ContainerDefinitions");
            const Tree &env = *containers.items[0].find("Environment");
            QCOMPARE(env.items.size(), std::size_t(3));
            QCOMPARE(env.items[0].find("Value")->scalar, std::string("4"));
            QCOMPARE(env.items[1].find("Value")->tag, std::string("!Ref"));
            QCOMPARE(env.items[2].find("Value")->scalar,
                     std::string(
                         "{{resolve:secretsmanager:ecs-service/worker:SecretString:API_TOKEN}}"));
        }
        imported.design.node(NodeId("Worker"))->properties["environmentVariables"] =
            std::string("WORKERS=8");
        const Tree root = parseYaml(exportText(imported.design), "edited").tree;
        const Tree &env = *root.find("Resources")
                               ->find("Task")
                               ->find("Properties")
                               ->find("ContainerDefinitions")
                               ->items[0]
                               .find("Environment");
        QCOMPARE(env.items.size(), std::size_t(2));
        QCOMPARE(env.items[0].find("Value")->scalar, std::string("8"));
    }

    void drawnVariablesRoundTrip()
    {
        Architecture design;
        design.setName("Shop");
        Node fn;
        fn.id = NodeId("fn");
        fn.type = "lambda-function";
        fn.name = "Checkout";
        fn.properties["environmentVariables"] =
            std::string("CURRENCY=EUR;PAYMENT_API_KEY=sk_live_abcdefghij0123;NOTE=a\\;b");
        design.addNode(fn);
        for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
            const std::string text = exportText(design, format);
            QVERIFY(text.find("sk_live_abcdefghij0123") == std::string::npos);
            const iac::ImportResult back = iac::importTemplate(text, "shop.yaml", builtinCatalog());
            QVERIFY(back.ok());
            QCOMPARE(
                toString(
                    back.design.node(NodeId("Checkout"))->properties.at("environmentVariables")),
                std::string("CURRENCY=EUR;PAYMENT_API_KEY={{resolve:secretsmanager:shop/"
                            "checkout:SecretString:"
                            "PAYMENT_API_KEY}};NOTE=a\\;b"));
            QCOMPARE(resourceMap(parseYaml(exportText(back.design, format), "again").tree),
                     resourceMap(parseYaml(text, "first").tree));
        }
    }

    void globalSecretsAreReferences()
    {
        const std::string text =
            "Transform: AWS::Serverless-2016-10-31\n"
            "Globals:\n  Function:\n    Environment:\n      Variables:\n"
            "        API_TOKEN: tok-global-4242\n        LOG_LEVEL: INFO\n"
            "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
            "    Properties: {CodeUri: src/, Handler: app.handler, Runtime: python3.13}\n";
        const iac::ImportResult imported =
            iac::importTemplate(text, "globals.yaml", builtinCatalog());
        QVERIFY(imported.ok());
        const std::string exported = exportText(imported.design);
        QVERIFY(exported.find("tok-global-4242") == std::string::npos);
        const Tree root = parseYaml(exported, "exported").tree;
        const Tree *vars =
            root.find("Globals")->find("Function")->find("Environment")->find("Variables");
        QCOMPARE(vars->find("API_TOKEN")->scalar,
                 std::string("{{resolve:secretsmanager:globals/globals:SecretString:API_TOKEN}}"));
        QCOMPARE(vars->find("LOG_LEVEL")->scalar, std::string("INFO"));
        // The function inherits them and does not repeat them.
        QVERIFY(root.find("Resources")->find("Fn")->find("Properties")->find("Environment") ==
                nullptr);
    }

    void importExportImportKeepsTheDesign()
    {
        std::size_t templates = 0;
        std::size_t compared = 0;
        std::size_t resourcesKept = 0;
        for (const std::string &file : templateFiles()) {
            const iac::ImportResult first = iac::importTemplateFile(file, builtinCatalog());
            if (!first.ok())
                continue; // invalid upstream; tst_import checks the message
            ++templates;
            const std::string exported = exportText(first.design);
            QVERIFY2(!exported.empty(), file.c_str());
            const iac::ImportResult second = iac::importTemplate(exported, file + " (exported)", builtinCatalog());
            if (!second.ok()) {
                for (const auto &d : second.diagnostics)
                    qWarning("%s", d.toString().c_str());
                QFAIL(file.c_str());
            }
            QVERIFY2(nodesOf(first.design) == nodesOf(second.design), file.c_str());
            QVERIFY(!first.positioned);
            QVERIFY2(edgesOf(first.design) == edgesOf(second.design), file.c_str());
            ++compared;

            // Every resource of the original comes back with the same body; every section
            // (Parameters, Conditions, Mappings, Outputs, ...) is kept.
            YamlParseOptions lenient;
            lenient.duplicateKeysAreErrors = false;
            const Tree original = parseYamlFile(file, lenient).tree;
            const Tree written = parseYaml(exported, "exported").tree;
            const Tree *originalResources = original.find("Resources");
            const Tree *writtenResources = written.find("Resources");
            QVERIFY(writtenResources != nullptr);
            for (const auto &[id, body] : originalResources->entries) {
                const Tree *back = writtenResources->find(id);
                QVERIFY2(back != nullptr, (file + ": lost resource " + id).c_str());
                // Duplicate keys keep the last value on import, so compare with the last.
                const Tree *last = nullptr;
                for (const auto &e : originalResources->entries) {
                    if (e.first == id)
                        last = &e.second;
                }
                QVERIFY2(*back == *last, (file + ": resource " + id + " changed").c_str());
                ++resourcesKept;
            }
            for (const auto &[section, value] : original.entries) {
                if (section == "Resources")
                    continue;
                const Tree *back = written.find(section);
                QVERIFY2(back != nullptr, (file + ": lost section " + section).c_str());
                if (section != "Parameters" && section != "Outputs" && section != "Transform"
                    && section != "Description" && section != "Metadata")
                    QVERIFY2(*back == value, (file + ": section " + section + " changed").c_str());
                if (section == "Metadata" && value.isMap()) {
                    // The user's metadata is kept beside the design Nimbus adds.
                    Tree withoutNimbus = *back;
                    std::erase_if(withoutNimbus.entries, [](const auto &e) { return e.first == "Nimbus"; });
                    QVERIFY2(withoutNimbus == value, (file + ": Metadata changed").c_str());
                }
            }
        }
        qInfo("round trip: %zu templates imported, %zu compared after export and re-import, %zu resources kept unchanged",
              templates, compared, resourcesKept);
        QVERIFY(compared >= 8);
    }

    void exportedDesignsImportBack()
    {
        // A design drawn in Nimbus, exported and imported again, is the design that was
        // drawn: services (names, types, positions, properties), actors and connections;
        // exporting it again gives the same resources.
        std::vector<Architecture> designs = tests::everyRuleDesigns(builtinCatalog());
        designs.push_back(sampleDesign());
        for (const Architecture &design : designs) {
            for (auto format : {iac::TemplateFormat::Sam, iac::TemplateFormat::CloudFormation}) {
                const std::string text = exportText(design, format);
                QVERIFY2(!text.empty(), design.name().c_str());
                const iac::ImportResult back = iac::importTemplate(text, design.name() + ".yaml", builtinCatalog());
                QVERIFY2(back.ok(), design.name().c_str());
                QCOMPARE(back.design.name(), design.name());
                QVERIFY(back.positioned); // drawn positions come back; no automatic layout
                const auto gotNodes = describeNodes(back.design);
                const auto wantNodes = describeNodes(design);
                if (gotNodes != wantNodes) {
                    std::vector<std::string> missing, extra;
                    std::set_difference(wantNodes.begin(), wantNodes.end(), gotNodes.begin(), gotNodes.end(), std::back_inserter(missing));
                    std::set_difference(gotNodes.begin(), gotNodes.end(), wantNodes.begin(), wantNodes.end(), std::back_inserter(extra));
                    for (const auto &m : missing)
                        qWarning("%s (%s): missing %s", design.name().c_str(), iac::templateFormatName(format), m.c_str());
                    for (const auto &m : extra)
                        qWarning("%s (%s): extra   %s", design.name().c_str(), iac::templateFormatName(format), m.c_str());
                    QFAIL("the services differ after export and import");
                }
                QCOMPARE(describeEdges(back.design), describeEdges(design));
                QCOMPARE(back.design.groups().size(), design.groups().size());
                QCOMPARE(back.design.notes().size(), design.notes().size());
                QCOMPARE(back.stats.genericNodes, std::size_t(0));

                const std::string again = exportText(back.design, format);
                const Tree first = parseYaml(text, "first").tree;
                const Tree second = parseYaml(again, "second").tree;
                QCOMPARE(resourceMap(second), resourceMap(first));
                for (const char *section : {"Outputs", "Parameters", "Transform"}) {
                    const Tree *a = first.find(section);
                    const Tree *b = second.find(section);
                    QVERIFY2((a == nullptr) == (b == nullptr) && (a == nullptr || *a == *b), section);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"

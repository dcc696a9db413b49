// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The design's environment variables in exported templates (issue #13, point 5: they were
// copied in clear into Metadata instead of the function's environment): written as the
// function's and the container's environment beside the connections' variables, values
// kept as data, secrets written as Secrets Manager dynamic references and nowhere in clear,
// reserved, invalid and clashing names refused; the output passes cfn-lint.
#include "common/testdata.h"
#include "testdesign.h"

#include <app/cli/builtincatalog.h>
#include <model/core/environment.h>
#include <model/iac/exporter.h>
#include <model/io/yamlreader.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace nimbus;
using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

const iac::TemplateFormat kSam = iac::TemplateFormat::Sam;
const iac::TemplateFormat kCfn = iac::TemplateFormat::CloudFormation;

/// Secrets from issue #13 and the detector's list, each with a value that must not appear.
const std::vector<std::pair<std::string, std::string>> &secrets()
{
    static const std::vector<std::pair<std::string, std::string>> list = {
        {"DB_PASS", "pa55-db-value"},
        {"PWD", "pwd-value-7741"},
        {"SSH_KEY", "ssh-ed25519-AAAAC3NzaC1lZDI1NTE5AAAAIKx"},
        {"AUTHORIZATION", "auth-value-90210"},
        {"JWT_SIGNING_KEY", "jwt-signing-value-3141"},
        {"ENCRYPTION_KEY", "encryption-value-2718"},
        {"DATABASE_URL", "postgres://orders:db-url-pass-55@db.internal:5432/orders"},
        {"CONNECTION_STRING", "Server=db;Database=app;User Id=sa;Password=conn-pass-66;"},
        {"SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0000/B0000/slackhookvalue77"},
        {"PASSPHRASE", "passphrase-value-88"},
        {"APIKEY", "apikey-value-99"},
        {"UPSTREAM", "postgres://user:upstream-pw-11@db.example.com/app"},
        {"PARTNER_ID", "AKIAIOSFODNN7EXAMPLE"},
        {"SIGNER", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretbody\n-----END RSA "
                   "PRIVATE KEY-----"},
        {"BOT", "xoxb-1234567890-0987654321-SlackBotValue"},
    };
    return list;
}

std::string secretText()
{
    std::vector<EnvironmentVariable> variables;
    for (const auto &[name, value] : secrets())
        variables.push_back({name, value});
    variables.push_back({"TABLE_PREFIX", "orders-"});
    return formatEnvironment(variables);
}

using Design = tests::TestDesign;

iac::ExportResult exportAs(const Architecture &design, iac::TemplateFormat format)
{
    iac::ExportOptions options;
    options.format = format;
    options.nimbusVersion = "test";
    return iac::exportDesign(design, builtinCatalog(), app::builtinPolicyTemplates(), options);
}

Tree parse(const std::string &text)
{
    YamlParseResult r = parseYaml(text, "export.yaml");
    if (!r.ok())
        qFatal("the export does not parse");
    return r.tree;
}

const Tree *at(const Tree *tree, std::initializer_list<const char *> path)
{
    for (const char *key : path)
        tree = tree != nullptr && tree->isMap() ? tree->find(key) : nullptr;
    return tree;
}

/// A design with a function and a Fargate service that set every secret, both reading a table.
Architecture secretDesign()
{
    Design d("Orders");
    const NodeId fn =
        d.add("lambda-function", "Create order", {{"environmentVariables", secretText()}});
    const NodeId svc =
        d.add("fargate-service", "Order worker", {{"environmentVariables", secretText()}});
    const NodeId table = d.add("dynamodb-table", "Orders");
    d.connect(fn, table);
    d.connect(svc, table);
    return d.design();
}

QString diagnosticsText(const iac::ExportResult &result)
{
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines << QString::fromStdString(d.toString());
    return lines.join('\n');
}

} // namespace

class TestExportEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variablesAreTheFunctionsEnvironment_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("sam") << int(kSam);
        QTest::newRow("cloudformation") << int(kCfn);
    }
    void variablesAreTheFunctionsEnvironment()
    {
        QFETCH(int, format);
        Design d("Orders");
        const NodeId fn =
            d.add("lambda-function", "Create order",
                  {{"environmentVariables", std::string("TABLE_PREFIX=orders-; LOG_LEVEL=debug")}});
        d.connect(fn, d.add("dynamodb-table", "Orders"));
        const auto result = exportAs(d.design(), iac::TemplateFormat(format));
        QVERIFY2(result.ok(), qPrintable(diagnosticsText(result)));
        const Tree root = parse(result.files.front().text);
        const Tree *vars =
            at(&root, {"Resources", "CreateOrder", "Properties", "Environment", "Variables"});
        QVERIFY(vars != nullptr);
        QCOMPARE(vars->entries.size(), std::size_t(4));
        QCOMPARE(vars->entries[0].first, std::string("STAGE"));
        QCOMPARE(vars->entries[1].first, std::string("ORDERS_TABLE")); // the connection's
        QCOMPARE(vars->find("ORDERS_TABLE")->tag, std::string("!Ref"));
        QCOMPARE(vars->find("TABLE_PREFIX")->scalar, std::string("orders-"));
        QCOMPARE(vars->find("LOG_LEVEL")->scalar, std::string("debug"));
        // Metadata keeps no copy: the resource holds the variables.
        QVERIFY(result.files.front().text.find("environmentVariables") == std::string::npos);
    }

    void containerVariablesJoinTheConnections()
    {
        Design d("Orders");
        const NodeId svc = d.add("fargate-service", "Order worker",
                                 {{"environmentVariables", std::string("WORKERS=4")}});
        d.connect(svc, d.add("sqs-queue", "Jobs"));
        const auto result = exportAs(d.design(), kCfn);
        QVERIFY2(result.ok(), qPrintable(diagnosticsText(result)));
        const Tree root = parse(result.files.front().text);
        const Tree *containers = at(&root, {"Resources", "OrderWorkerTaskDefinition", "Properties",
                                            "ContainerDefinitions"});
        QVERIFY(containers != nullptr && containers->isSequence());
        const Tree *env = containers->items.front().find("Environment");
        QVERIFY(env != nullptr && env->isSequence());
        QCOMPARE(env->items.size(), std::size_t(2));
        QCOMPARE(env->items[0].find("Name")->scalar, std::string("JOBS_QUEUE_URL"));
        QCOMPARE(env->items[1].find("Name")->scalar, std::string("WORKERS"));
        QCOMPARE(env->items[1].find("Value")->scalar, std::string("4"));
        QVERIFY(env->items[1].find("Value")->quoted); // a string, as ECS requires
    }

    void valuesStayData()
    {
        // Whatever a value holds, it is one string in the template: no tag, no new key,
        // no new section.
        const std::vector<std::string> values = {"!Ref AWS::AccountId",
                                                 "line one\nGlobals:\n  Function:\n    Layers: [x]",
                                                 "\"quoted\"",
                                                 "'single'",
                                                 "key: value",
                                                 "# not a comment",
                                                 "{a: b}",
                                                 "[1, 2]",
                                                 "*alias",
                                                 "&anchor x",
                                                 "---",
                                                 "...",
                                                 "%TAG",
                                                 "@at",
                                                 "`tick`",
                                                 "  leading and trailing  ",
                                                 "true",
                                                 "123",
                                                 "0x1F",
                                                 "null",
                                                 "~",
                                                 "",
                                                 "- item",
                                                 "? key",
                                                 "| block",
                                                 "> folded",
                                                 "tab\there",
                                                 "{{resolve:ssm:/app/level}}",
                                                 "trailing\\",
                                                 "semi;colon"};
        std::vector<EnvironmentVariable> variables;
        for (std::size_t i = 0; i < values.size(); ++i)
            variables.push_back({"VALUE_" + std::to_string(i), values[i]});
        Design d("Data");
        d.add("lambda-function", "Fn", {{"environmentVariables", formatEnvironment(variables)}});
        for (auto format : {kSam, kCfn}) {
            const auto result = exportAs(d.design(), format);
            QVERIFY2(result.ok(), qPrintable(diagnosticsText(result)));
            const Tree root = parse(result.files.front().text);
            const Tree *vars =
                at(&root, {"Resources", "Fn", "Properties", "Environment", "Variables"});
            QVERIFY(vars != nullptr);
            QCOMPARE(vars->entries.size(), values.size() + 1); // and STAGE
            for (std::size_t i = 0; i < values.size(); ++i) {
                const Tree *v = vars->find("VALUE_" + std::to_string(i));
                QVERIFY2(v != nullptr && v->isScalar() && v->tag.empty(), values[i].c_str());
                QCOMPARE(v->scalar, values[i]);
            }
            QVERIFY(root.find("Globals") == nullptr);
            for (const auto &[section, body] : root.entries) {
                const std::set<std::string> known = {"AWSTemplateFormatVersion",
                                                     "Transform",
                                                     "Description",
                                                     "Metadata",
                                                     "Parameters",
                                                     "Resources",
                                                     "Outputs"};
                QVERIFY2(known.count(section) == 1, section.c_str());
            }
        }
    }

    void secretsAreNeverInClear_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("sam") << int(kSam);
        QTest::newRow("cloudformation") << int(kCfn);
    }
    void secretsAreNeverInClear()
    {
        QFETCH(int, format);
        const auto result = exportAs(secretDesign(), iac::TemplateFormat(format));
        QVERIFY2(result.ok(), qPrintable(diagnosticsText(result)));
        for (const iac::ExportedFile &file : result.files) {
            for (const auto &[name, value] : secrets())
                QVERIFY2(file.text.find(value) == std::string::npos,
                         (name + " is in clear").c_str());
            for (const char *part :
                 {"db-url-pass-55", "conn-pass-66", "upstream-pw-11", "IOSFODNN7", "secretbody",
                  "SlackBotValue", "slackhookvalue77"})
                QVERIFY2(file.text.find(part) == std::string::npos, part);
        }
        for (const Diagnostic &d : result.diagnostics) {
            for (const auto &[name, value] : secrets())
                QVERIFY2(d.message.find(value) == std::string::npos, d.message.c_str());
        }
        const Tree root = parse(result.files.front().text);
        const Tree *vars =
            at(&root, {"Resources", "CreateOrder", "Properties", "Environment", "Variables"});
        for (const auto &[name, value] : secrets()) {
            const Tree *v = vars->find(name);
            QVERIFY2(v != nullptr, name.c_str());
            QCOMPARE(v->scalar,
                     "{{resolve:secretsmanager:orders/create-order:SecretString:" + name + "}}");
        }
        QCOMPARE(vars->find("TABLE_PREFIX")->scalar, std::string("orders-"));
        const Tree *container = &at(&root, {"Resources", "OrderWorkerTaskDefinition", "Properties",
                                            "ContainerDefinitions"})
                                     ->items.front();
        std::size_t references = 0;
        for (const Tree &entry : container->find("Environment")->items)
            references += entry.find("Value")->scalar.rfind(
                              "{{resolve:secretsmanager:orders/order-worker:", 0) == 0;
        QCOMPARE(references, secrets().size());
        QCOMPARE(result.stats.secretReferences, 2 * secrets().size());
        // The user learns which secret to create, by names only.
        const QString told = diagnosticsText(result);
        QVERIFY2(told.contains(
                     "create the secret 'orders/create-order' with the keys DB_PASS, PWD, SSH_KEY"),
                 qPrintable(told));
        QVERIFY(told.contains("'orders/order-worker'"));
    }

    void refusedNames_data()
    {
        QTest::addColumn<QString>("variables");
        QTest::addColumn<QString>("message");
        QTest::newRow("reserved") << "AWS_REGION=eu-west-1"
                                  << "AWS_REGION is set by Lambda itself";
        QTest::newRow("reserved handler") << "_HANDLER=x.y"
                                          << "'_HANDLER' is not a valid name";
        QTest::newRow("invalid") << "1ABC=x"
                                 << "'1ABC' is not a valid name";
        QTest::newRow("one letter") << "A=x"
                                    << "'A' is not a valid name";
        QTest::newRow("no value") << "ORDERS"
                                  << "'ORDERS' has no '='";
        QTest::newRow("twice") << "A1=x;A1=y"
                               << "'A1' is defined more than once";
        QTest::newRow("clash with a connection")
            << "ORDERS_TABLE=mine"
            << "ORDERS_TABLE is already set to !Ref Orders by a connection";
        QTest::newRow("clash with the stage") << "STAGE=prod"
                                              << "STAGE is already set to !Ref Stage";
    }
    void refusedNames()
    {
        QFETCH(QString, variables);
        QFETCH(QString, message);
        Design d("Orders");
        const NodeId fn = d.add("lambda-function", "Create order",
                                {{"environmentVariables", variables.toStdString()}});
        d.connect(fn, d.add("dynamodb-table", "Orders"));
        for (auto format : {kSam, kCfn}) {
            const auto result = exportAs(d.design(), format);
            QVERIFY(!result.ok());
            QVERIFY2(diagnosticsText(result).contains("Create order: the environment variable " +
                                                      message),
                     qPrintable(diagnosticsText(result)));
        }
    }

    void tooManyDynamicReferencesWarn()
    {
        std::vector<EnvironmentVariable> variables;
        for (int i = 0; i < 61; ++i)
            variables.push_back({"TOKEN_" + std::to_string(i), "value" + std::to_string(i)});
        Design d("Many");
        d.add("lambda-function", "Fn", {{"environmentVariables", formatEnvironment(variables)}});
        const auto result = exportAs(d.design(), kSam);
        QVERIFY(result.ok());
        QVERIFY2(diagnosticsText(result).contains("has 61 dynamic references"),
                 qPrintable(diagnosticsText(result)));
    }

    void cfnLintAcceptsTheExport_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("sam") << int(kSam);
        QTest::newRow("cloudformation") << int(kCfn);
    }
    void cfnLintAcceptsTheExport()
    {
        QFETCH(int, format);
        const QString lint = QStandardPaths::findExecutable(QStringLiteral("cfn-lint"));
        if (lint.isEmpty())
            QSKIP("cfn-lint is not installed");
        const auto result = exportAs(secretDesign(), iac::TemplateFormat(format));
        QVERIFY(result.ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("template.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(result.files.front().text));
        file.close();
        QProcess process;
        process.start(lint, {path});
        QVERIFY(process.waitForFinished(300000));
        const QString out =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestExportEnvironment)
#include "tst_exportenvironment.moc"

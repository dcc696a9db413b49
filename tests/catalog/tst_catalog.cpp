// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "common/testdata.h"

#include <model/io/catalogreader.h>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <set>

using namespace nimbus::model;

namespace {

const char *const kCategories = "categories:\n"
                                "  - id: compute\n"
                                "    name: Compute\n"
                                "    color: \"#ED7100\"\n";

/// A one-service catalog file; `property` is spliced into the property list.
std::string serviceFile(const std::string &property)
{
    return "services:\n"
           "  - id: fn\n"
           "    name: Function\n"
           "    category: compute\n"
           "    kind: service\n"
           "    description: A function.\n"
           "    resource:\n"
           "      cloudformation: AWS::Lambda::Function\n"
           "    properties:\n"
           + property + "    limits: []\n";
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinCatalogLoads()
    {
        const Catalog &catalog = nimbus::tests::builtinCatalog();
        QVERIFY(catalog.types().size() >= 30);
        QVERIFY(catalog.categories().size() >= 8);
    }

    void everyRequiredServiceTypeExists_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("cloudFormation");
        const char *const rows[][2] = {
            {"lambda-function", "AWS::Lambda::Function"},
            {"fargate-service", "AWS::ECS::Service"},
            {"apigw-rest-api", "AWS::ApiGateway::RestApi"},
            {"apigw-http-api", "AWS::ApiGatewayV2::Api"},
            {"apigw-websocket-api", "AWS::ApiGatewayV2::Api"},
            {"appsync-api", "AWS::AppSync::GraphQLApi"},
            {"cloudfront-distribution", "AWS::CloudFront::Distribution"},
            {"alb", "AWS::ElasticLoadBalancingV2::LoadBalancer"},
            {"sqs-queue", "AWS::SQS::Queue"},
            {"sns-topic", "AWS::SNS::Topic"},
            {"eventbridge-bus", "AWS::Events::EventBus"},
            {"eventbridge-rule", "AWS::Events::Rule"},
            {"eventbridge-schedule", "AWS::Scheduler::Schedule"},
            {"eventbridge-pipe", "AWS::Pipes::Pipe"},
            {"kinesis-stream", "AWS::Kinesis::Stream"},
            {"firehose-stream", "AWS::KinesisFirehose::DeliveryStream"},
            {"step-functions", "AWS::StepFunctions::StateMachine"},
            {"s3-bucket", "AWS::S3::Bucket"},
            {"dynamodb-table", "AWS::DynamoDB::Table"},
            {"aurora-serverless", "AWS::RDS::DBCluster"},
            {"cognito-user-pool", "AWS::Cognito::UserPool"},
            {"iot-rule", "AWS::IoT::TopicRule"},
            {"glue-job", "AWS::Glue::Job"},
            {"athena-workgroup", "AWS::Athena::WorkGroup"},
            {"sagemaker-serverless-endpoint", "AWS::SageMaker::Endpoint"},
            {"rekognition", ""},
            {"client", ""},
            {"iot-device", ""},
            {"webhook-caller", ""},
            {"scheduled-trigger", ""},
        };
        for (const auto &row : rows)
            QTest::newRow(row[0]) << QString(row[0]) << QString(row[1]);
    }
    void everyRequiredServiceTypeExists()
    {
        QFETCH(QString, id);
        QFETCH(QString, cloudFormation);
        const ServiceType *type = nimbus::tests::builtinCatalog().type(id.toStdString());
        QVERIFY2(type, qPrintable(id));
        QCOMPARE(QString::fromStdString(type->cloudFormationType), cloudFormation);
    }

    void everyTypeIsComplete()
    {
        const Catalog &catalog = nimbus::tests::builtinCatalog();
        for (const ServiceType &type : catalog.types()) {
            const QByteArray what = QByteArray::fromStdString(type.id);
            QVERIFY2(catalog.category(type.category), what);
            QVERIFY2(!type.name.empty() && !type.description.empty(), what);
            QVERIFY2(!type.properties.empty(), what);
            if (type.kind == ServiceKind::Actor) {
                QVERIFY2(type.entryPoint, what);
                QVERIFY2(type.property("requestsPerMonth"), what);
                QVERIFY2(type.property("peakRps"), what);
                QVERIFY2(type.property("payloadKb"), what);
            } else {
                QVERIFY2(!type.docs.empty(), what);
            }
            for (const PropertyDef &p : type.properties) {
                QVERIFY2(!p.help.empty(), what + '.' + QByteArray::fromStdString(p.key));
                if (p.defaultValue)
                    QVERIFY2(!checkPropertyValue(p, *p.defaultValue), what);
            }
            for (const LimitDef &l : type.limits) {
                const QByteArray limit = what + '.' + QByteArray::fromStdString(l.key);
                QVERIFY2(l.source.rfind("https://", 0) == 0, limit);
                QVERIFY2(!l.mark.empty() && !l.description.empty(), limit);
            }
        }
    }

    void keyLimitsMatchTheReference_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("property");
        QTest::addColumn<double>("minimum");
        QTest::addColumn<double>("maximum");
        QTest::newRow("lambda memory") << "lambda-function" << "memoryMb" << 128.0 << 10240.0;
        QTest::newRow("lambda timeout") << "lambda-function" << "timeoutSeconds" << 1.0 << 900.0;
        QTest::newRow("sqs visibility") << "sqs-queue" << "visibilityTimeoutSeconds" << 0.0 << 43200.0;
        QTest::newRow("sqs retention") << "sqs-queue" << "messageRetentionSeconds" << 60.0 << 1209600.0;
        QTest::newRow("sqs message") << "sqs-queue" << "maxMessageSizeBytes" << 1024.0 << 1048576.0;
    }
    void keyLimitsMatchTheReference()
    {
        QFETCH(QString, type);
        QFETCH(QString, property);
        QFETCH(double, minimum);
        QFETCH(double, maximum);
        const ServiceType *t = nimbus::tests::builtinCatalog().type(type.toStdString());
        QVERIFY(t);
        const PropertyDef *p = t->property(property.toStdString());
        QVERIFY(p);
        QCOMPARE(p->minimum.value_or(-1), minimum);
        QCOMPARE(p->maximum.value_or(-1), maximum);
    }

    void brokenCatalogIsRefused_data()
    {
        QTest::addColumn<QString>("property");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        // serviceFile() puts the first property line on line 10.
        QTest::newRow("unknown type")
            << "      - {key: a, label: A, type: float, group: Configuration, help: h}\n" << 10
            << "unknown property type 'float'";
        QTest::newRow("default above max")
            << "      - key: mem\n        label: Memory\n        type: integer\n"
               "        min: 128\n        max: 1024\n        default: 4096\n"
               "        group: Configuration\n        help: h\n"
            << 15 << "default must be between 128 and 1024";
        QTest::newRow("default not a choice")
            << "      - key: arch\n        label: Arch\n        type: choice\n"
               "        choices: [x86_64, arm64]\n        default: sparc\n"
               "        group: Configuration\n        help: h\n"
            << 14 << "must be one of x86_64, arm64";
        QTest::newRow("min above max")
            << "      - {key: a, label: A, type: number, min: 5, max: 1, group: Workload, help: h}\n"
            << 10 << "min is greater than max";
        QTest::newRow("choice without choices")
            << "      - {key: a, label: A, type: choice, group: Workload, help: h}\n" << 10
            << "a choice needs a list of choices";
        QTest::newRow("unknown key")
            << "      - {key: a, label: A, type: number, colour: red, group: Workload, help: h}\n"
            << 10 << "unknown key 'colour'";
        QTest::newRow("missing help")
            << "      - {key: a, label: A, type: number, group: Workload}\n" << 10
            << "missing 'help'";
        QTest::newRow("duplicate property")
            << "      - {key: a, label: A, type: number, group: Workload, help: h}\n"
               "      - {key: a, label: B, type: number, group: Workload, help: h}\n"
            << 11 << "defined twice";
        QTest::newRow("malformed yaml")
            << "      - {key: a, label: [unclosed\n" << 11 << "invalid YAML";
        QTest::newRow("wrong default type")
            << "      - {key: a, label: A, type: integer, default: lots, group: Workload, help: h}\n"
            << 10 << "default 'lots' is not an integer";
    }
    void brokenCatalogIsRefused()
    {
        QFETCH(QString, property);
        QFETCH(int, line);
        QFETCH(QString, message);
        const auto result = readCatalog({{"categories.yaml", kCategories},
                                         {"compute.yaml", serviceFile(property.toStdString())}});
        QVERIFY(!result.ok());
        bool found = false;
        for (const Diagnostic &d : result.diagnostics) {
            if (d.file == "compute.yaml" && d.line == line
                && QString::fromStdString(d.message).contains(message))
                found = true;
        }
        QString all;
        for (const Diagnostic &d : result.diagnostics)
            all += QString::fromStdString(d.toString()) + '\n';
        QVERIFY2(found, qPrintable(all));
    }

    void duplicateServiceAndUnknownCategory()
    {
        const std::string service = serviceFile("      - {key: a, label: A, type: number, "
                                                "group: Workload, help: h}\n");
        std::string other = service;
        other.replace(other.find("category: compute"), 17, "category: storage");
        const auto result = readCatalog({{"categories.yaml", kCategories},
                                         {"a.yaml", service},
                                         {"b.yaml", service},
                                         {"c.yaml", other}});
        QVERIFY(!result.ok());
        QStringList messages;
        for (const Diagnostic &d : result.diagnostics)
            messages << QString::fromStdString(d.toString());
        QVERIFY2(messages.filter("b.yaml:2").filter("duplicate service id 'fn'").size() == 1,
                 qPrintable(messages.join('\n')));
    }

    void readsADirectory()
    {
        QTemporaryDir dir;
        std::ofstream(dir.filePath("categories.yaml").toStdString()) << kCategories;
        std::ofstream(dir.filePath("compute.yaml").toStdString())
            << serviceFile("      - {key: a, label: A, type: number, group: Workload, help: h}\n");
        const auto result = readCatalogDirectory(dir.path().toStdString());
        QVERIFY(result.ok());
        QVERIFY(result.catalog.type("fn"));
        const auto empty = readCatalogDirectory(dir.filePath("missing").toStdString());
        QVERIFY(!empty.ok());
    }

    void closestTypeSuggestsASpelling()
    {
        const Catalog &catalog = nimbus::tests::builtinCatalog();
        QCOMPARE(catalog.closestTypeId("lamda-function"), std::string("lambda-function"));
        QCOMPARE(catalog.closestTypeId("sqs-queu"), std::string("sqs-queue"));
        QCOMPARE(catalog.closestTypeId("zzzzzzzzzzzzzzzzzzzzzzzzzz"), std::string());
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"

// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Environment variables of functions and containers: the property's text format, the
// names AWS accepts, and the secret detector shared by validation, export and import
// (regression rows from issue #13: DB_PASS, PWD, SSH_KEY, AUTHORIZATION, JWT_SIGNING_KEY,
// ENCRYPTION_KEY, DATABASE_URL, CONNECTION_STRING, SLACK_WEBHOOK_URL, PASSPHRASE, APIKEY,
// postgres://user:pw@..., AKIA... were not found).
#include "common/testdata.h"

#include <model/analysis/secrets.h>
#include <model/analysis/validate.h>
#include <model/core/environment.h>
#include <model/io/projectfile.h>

#include <QTest>

using namespace nimbus::model;
using nimbus::tests::builtinCatalog;

namespace {

// A secret key in AWS's documentation format (40 characters of base64).
const char *const kAwsSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const char *const kJwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                         "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

struct NameRow
{
    const char *name;
    const char *word; ///< the word reported, "" when the name is not a secret
};

const NameRow kNames[] = {
    // Secrets by name.
    {"PASSWORD", "PASSWORD"},
    {"DB_PASSWORD", "PASSWORD"},
    {"db_password", "PASSWORD"},
    {"dbPassword", "PASSWORD"},
    {"MYSQLROOTPASSWORD", "PASSWORD"},
    {"DB_PASS", "PASS"},
    {"PWD", "PWD"},
    {"DB_PWD", "PWD"},
    {"SMTP_PASSWD", "PASSWD"},
    {"PASSPHRASE", "PASSPHRASE"},
    {"GPG_PASSPHRASE", "PASSPHRASE"},
    {"SECRET", "SECRET"},
    {"CLIENT_SECRET", "SECRET"},
    {"JWT_SECRET", "SECRET"},
    {"TOKEN", "TOKEN"},
    {"GITHUB_TOKEN", "TOKEN"},
    {"REFRESH_TOKEN", "TOKEN"},
    {"APIKEY", "APIKEY"},
    {"MY_APIKEY", "APIKEY"},
    {"API_KEY", "API_KEY"},
    {"STRIPE_API_KEY", "API_KEY"},
    {"apiKey", "API_KEY"},
    {"ACCESS_KEY", "ACCESS_KEY"},
    {"PRIVATE_KEY", "PRIVATE_KEY"},
    {"SSH_KEY", "SSH_KEY"},
    {"DEPLOY_SSH_KEY", "SSH_KEY"},
    {"JWT_SIGNING_KEY", "SIGNING_KEY"},
    {"ENCRYPTION_KEY", "ENCRYPTION_KEY"},
    {"CREDENTIAL", "CREDENTIAL"},
    {"GOOGLE_CREDENTIALS", "CREDENTIALS"},
    {"AUTHORIZATION", "AUTHORIZATION"},
    {"AUTH_HEADER", "AUTH_HEADER"},
    {"DATABASE_URL", "DATABASE_URL"},
    {"DB_URL", "DB_URL"},
    {"CONNECTION_STRING", "CONNECTION_STRING"},
    {"DB_CONNECTION_STRING", "CONNECTION_STRING"},
    {"CONN_STR", "CONN_STR"},
    {"SLACK_WEBHOOK_URL", "WEBHOOK_URL"},
    {"slackWebHookUrl", "WEB_HOOK_URL"},
    // Ordinary names: pointers, settings, keys that are not keys to anything secret.
    {"TABLE_NAME", ""},
    {"PARTITION_KEY", ""},
    {"SORT_KEY", ""},
    {"KMS_KEY_ID", ""},
    {"BUCKET_KEY_PREFIX", ""},
    {"TOKEN_TABLE", ""},
    {"TOKEN_TTL", ""},
    {"TOKEN_URL", ""},
    {"SECRET_ARN", ""},
    {"DB_SECRET_ARN", ""},
    {"DB_SECRET_NAME", ""},
    {"PASSWORD_PARAMETER_NAME", ""},
    {"PASSWORD_MIN_LENGTH", ""},
    {"ENCRYPTION_KEY_ARN", ""},
    {"ACCESS_KEY_ID", ""},
    {"ACCESS_TOKEN_VALIDITY", ""},
    {"API_KEY_REQUIRED", ""},
    {"SPWDX", ""},
    {"BYPASS_CACHE", ""},
    {"PASSENGER_TABLE", ""},
    {"TOKENIZER_MODEL", ""},
    {"SECRETARY_EMAIL", ""},
    {"IDEMPOTENCY_KEY", ""},
    {"OBJECT_KEY", ""},
    {"USE_SECRETS_MANAGER", ""},
    {"PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", ""},
    {"POWERTOOLS_SERVICE_NAME", ""},
    {"JAVA_TOOL_OPTIONS", ""},
    {"LOG_LEVEL", ""},
    {"STAGE", ""},
};

struct ValueRow
{
    const char *tag;
    std::string value;
    const char *kind; ///< what it looks like, "" when it is not a secret
};

std::vector<ValueRow> valueRows()
{
    return {
        {"postgres url", "postgres://user:pw@db.example.com:5432/app", "a URL with a password"},
        {"mongodb url", "mongodb+srv://admin:S3cret@cluster0.example.net/db",
         "a URL with a password"},
        {"redis url", "redis://:hunter2@cache.internal:6379", "a URL with a password"},
        {"url in text", "primary=mysql://root:toor@10.0.0.5/app", "a URL with a password"},
        {"query password", "https://api.example.com/v1?user=a&password=hunter2",
         "a connection string with a password"},
        {"connection string", "Server=db;Database=app;User Id=sa;Password=hunter2;",
         "a connection string with a password"},
        {"access key id", "AKIAIOSFODNN7EXAMPLE", "an AWS access key id"},
        {"temporary key id", "ASIAIOSFODNN7EXAMPLE", "an AWS access key id"},
        {"key id in text", "id=AKIAIOSFODNN7EXAMPLE;", "an AWS access key id"},
        {"rsa key",
         "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
         "a private key"},
        {"openssh key",
         "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----",
         "a private key"},
        {"slack bot token", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp", "a Slack token"},
        {"github token", "ghp_" + std::string("A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"),
         "a GitHub token"},
        {"stripe key", "sk_live_51HabcdefGHIJKLmnop", "a Stripe secret key"},
        {"slack webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXX",
         "a Slack webhook URL"},
        {"jwt", kJwt, "a JSON Web Token"},
        {"bearer", "Bearer abcdef0123456789", "an Authorization header value"},
        {"basic", "Basic dXNlcjpwYXNzd29yZA==", "an Authorization header value"},
        {"random key", kAwsSecretKey, "a random key"},
        // Not secrets.
        {"url without password", "postgres://db.example.com:5432/app", ""},
        {"url with user only", "https://user@example.com/path", ""},
        {"dynamic reference", "{{resolve:secretsmanager:prod/db:SecretString:password}}", ""},
        {"reference in url", "postgres://app:{{resolve:secretsmanager:db:SecretString:pw}}@db/app",
         ""},
        {"secret arn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf", ""},
        {"jvm options", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1", ""},
        {"class name", "com.unicorn.store.StoreApplication", ""},
        {"path", "/opt/bootstrap", ""},
        {"uuid", "550e8400-e29b-41d4-a716-446655440000", ""},
        {"md5", "d41d8cd98f00b204e9800998ecf8427e", ""},
        {"camel case words", "MyTestApplicationConfigurationProfileName2024", ""},
        {"short key id", "AKIAIOSFODNN7EXAMPL", ""},
        {"key id inside a word", "XAKIAIOSFODNN7EXAMPLE", ""},
        {"bearer alone", "Bearer", ""},
        {"sk prefix alone", "sk_live_", ""},
        {"encoded data",
         std::string(3, 'x') + std::string(kAwsSecretKey) + std::string(kAwsSecretKey) +
             std::string(kAwsSecretKey) + std::string(kAwsSecretKey),
         ""},
    };
}

Architecture design(const std::string &variables, const char *type = "lambda-function")
{
    Architecture arch;
    Node n;
    n.id = NodeId("f");
    n.type = type;
    n.name = "Create order";
    n.properties["environmentVariables"] = variables;
    arch.addNode(n);
    return arch;
}

} // namespace

class TestEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatRoundTrips()
    {
        const std::vector<EnvironmentVariable> variables = {
            {"A1", "x;y"},
            {"B2", "C:\\tmp\\"},
            {"C3", "!Ref Orders"},
            {"D4", "line\nbreak"},
            {"E5", "a=b=c"},
            {"F6", ""},
            {"G7", "{{resolve:ssm:/p}}"},
            {"H8", "\"quoted\" 'both' #no-comment: {x}"}};
        const std::string text = formatEnvironment(variables);
        const ParsedEnvironment back = parseEnvironment(text);
        QVERIFY(back.problems.empty());
        QCOMPARE(back.variables.size(), variables.size());
        for (std::size_t i = 0; i < variables.size(); ++i) {
            QCOMPARE(back.variables[i].name, variables[i].name);
            QCOMPARE(back.variables[i].value, variables[i].value);
        }
    }

    void parseTrimsNamesAndKeepsValues()
    {
        const ParsedEnvironment env =
            parseEnvironment(" TABLE=orders ;; LEVEL= debug;C=x\\;y;D=C:\\tmp;");
        QVERIFY(env.problems.empty());
        QCOMPARE(env.variables.size(), std::size_t(4));
        QCOMPARE(env.variables[0].value, std::string("orders "));
        QCOMPARE(env.variables[1].name, std::string("LEVEL"));
        QCOMPARE(env.variables[1].value, std::string(" debug"));
        QCOMPARE(env.variables[2].value, std::string("x;y"));
        QCOMPARE(env.variables[3].value, std::string("C:\\tmp"));
        const ParsedEnvironment bad = parseEnvironment("A=1;NOVALUE;A=2");
        QCOMPARE(bad.problems.size(), std::size_t(2));
        QCOMPARE(bad.problems[0].entry, std::string("NOVALUE"));
        QCOMPARE(bad.problems[1].entry, std::string("A"));
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("reserved");
        for (const char *n : {"AB", "a1", "Db_Password", "X_"})
            QTest::newRow(n) << n << true << false;
        for (const char *n : {"A", "1X", "_HANDLER_X", "A-B", "A B", "É1", ""})
            QTest::newRow(n) << n << false << false;
        // https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
        for (const char *n :
             {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME",
              "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "AWS_SESSION_TOKEN", "TZ"})
            QTest::newRow(n) << n << true << true;
        QTest::newRow("_HANDLER") << "_HANDLER" << false << true;
        QTest::newRow("wrapper") << "AWS_LAMBDA_EXEC_WRAPPER" << true << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(bool, reserved);
        QCOMPARE(isValidVariableName(name.toStdString()), valid);
        QCOMPARE(isReservedLambdaVariable(name.toStdString()), reserved);
    }

    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("word");
        for (const NameRow &row : kNames)
            QTest::newRow(row.name) << row.name << row.word;
    }
    void secretNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, word);
        QCOMPARE(QString::fromStdString(secretWordInName(name.toStdString())), word);
        const SecretMatch match = detectSecret(name.toStdString(), "hunter2");
        QCOMPARE(match.found, !word.isEmpty());
        if (match.found)
            QCOMPARE(QString::fromStdString(match.reason), "its name contains " + word);
    }

    void secretValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("kind");
        for (const ValueRow &row : valueRows())
            QTest::newRow(row.tag) << QByteArray::fromStdString(row.value) << row.kind;
    }
    void secretValues()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, kind);
        QCOMPARE(QString::fromStdString(secretKindOfValue(value.toStdString())), kind);
        QCOMPARE(detectSecret("UPSTREAM", value.toStdString()).found, !kind.isEmpty());
    }

    void referencesAreNotSecrets_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("secrets manager")
            << "{{resolve:secretsmanager:prod/db:SecretString:password}}";
        QTest::newRow("ssm") << "{{resolve:ssm:/prod/db/password}}";
        QTest::newRow("ssm secure") << "{{resolve:ssm-secure:/prod/db/password:1}}";
        QTest::newRow("secret arn")
            << "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";
        QTest::newRow("parameter arn") << "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db";
        QTest::newRow("china partition") << "arn:aws-cn:kms:cn-north-1:123456789012:key/abcd";
        QTest::newRow("empty") << "";
        QTest::newRow("spaces") << "   ";
        QTest::newRow("boolean") << "true";
        QTest::newRow("template reference") << QString(QChar(kReferenceMark));
    }
    void referencesAreNotSecrets()
    {
        QFETCH(QString, value);
        QVERIFY(!detectSecret("DB_PASSWORD", value.toStdString()).found);
    }

    void masking_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("masked");
        QTest::newRow("plain") << "hunter2"
                               << "**** (7 characters)";
        QTest::newRow("url") << "postgres://app:pw1234@db.internal:5432/orders?sslmode=require"
                             << "postgres://app:****@db.internal:5432/orders?****";
        QTest::newRow("access key") << "AKIAIOSFODNN7EXAMPLE"
                                    << "AKIA**** (20 characters)";
        QTest::newRow("bearer") << "Bearer abcdef0123456789"
                                << "Bearer **** (23 characters)";
        QTest::newRow("jwt") << kJwt
                             << "eyJ**** (" + QString::number(qstrlen(kJwt)) + " characters)";
    }
    void masking()
    {
        QFETCH(QString, value);
        QFETCH(QString, masked);
        QCOMPARE(QString::fromStdString(maskSecret(value.toStdString())), masked);
    }

    void findingsNameTheVariableNeverTheValue()
    {
        std::vector<std::string> values;
        std::string text;
        for (const ValueRow &row : valueRows()) {
            if (*row.kind == '\0')
                continue;
            values.push_back(row.value);
            text += "V" + std::to_string(values.size()) + "=" + row.value + ";";
        }
        for (const char *type : {"lambda-function", "fargate-service"}) {
            std::size_t secrets = 0;
            for (const Finding &f :
                 validate(design(formatEnvironment(parseEnvironment(text).variables), type),
                          builtinCatalog())) {
                if (f.rule != "security/secret-in-environment")
                    continue;
                ++secrets;
                QVERIFY2(f.message.find("Create order") != std::string::npos, f.message.c_str());
                for (const std::string &v : values) {
                    // The masked URL keeps its host, never the password or the whole value.
                    QVERIFY2(f.message.find(v) == std::string::npos, f.message.c_str());
                    QVERIFY2(f.fix.find(v) == std::string::npos, f.fix.c_str());
                }
                for (const char *part : {"pw@", "hunter2", "S3cret", "toor", "IOSFODNN7"})
                    QVERIFY2(f.message.find(part) == std::string::npos, f.message.c_str());
            }
            QCOMPARE(secrets, values.size());
        }
    }

    void oneFindingPerSecretVariable()
    {
        const auto findings =
            validate(design("DB_PASS=a1;SSH_KEY=k2;TABLE=orders;APIKEY=z"), builtinCatalog());
        std::vector<std::string> named;
        for (const Finding &f : findings) {
            if (f.rule == "security/secret-in-environment")
                named.push_back(f.message.substr(f.message.find("variable ") + 9, 7));
        }
        QCOMPARE(named.size(), std::size_t(3));
        QCOMPARE(named[0], std::string("DB_PASS"));
        QCOMPARE(named[1], std::string("SSH_KEY"));
        QCOMPARE(named[2], std::string("APIKEY "));
    }
};

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"

// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "writerchecks.h"

#include "fuzzsupport.h"

#include <app/cli/sarifwriter.h>
#include <model/core/text.h>
#include <model/cost/estimate.h>
#include <model/cost/lineitemscsv.h>
#include <model/io/jsonwriter.h>
#include <model/io/yamlreader.h>
#include <model/io/yamlwriter.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace nimbus::fuzz {

namespace {

/// SARIF plain-text messages escape '[', ']' and '\\' with a backslash (SARIF 2.1.0 §3.11.6);
/// a viewer shows the text with those backslashes removed.
std::string sarifShown(const std::string &text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size())
            ++i;
        out += text[i];
    }
    return out;
}

const std::string &at(const std::vector<std::string> &strings, std::size_t i)
{
    static const std::string empty;
    return strings.empty() ? empty : strings[i % strings.size()];
}

void expectYamlScalar(const std::string &s)
{
    const std::string text = model::writeYaml(model::stringScalar(s));
    // Text that is not UTF-8 may come back with U+FFFD where YAML needs quotes; it must
    // still be one scalar.
    const bool exact = isUtf8(s);
    const model::YamlParseResult read = model::parseYaml(text, "scalar.yaml");
    if (!read.ok() || !read.tree.isScalar() || (exact && read.tree.scalar != s))
        fail("writeYaml(stringScalar(s)) does not read back as s: '" + printable(s) + "' written as '"
             + printable(text) + "' read as " + describe(read.tree) + "\n" + diagnosticsText(read.diagnostics));
    model::Tree map = model::Tree::makeMap();
    map.entries.emplace_back(s, model::stringScalar(s));
    map.entries.emplace_back("after", model::stringScalar("x"));
    const std::string mapText = model::writeYaml(map);
    const model::YamlParseResult mapRead = model::parseYaml(mapText, "map.yaml");
    const bool same = mapRead.ok() && mapRead.tree.entries.size() == 2
                      && (!exact || (mapRead.tree.entries[0].first == s && mapRead.tree.entries[0].second.scalar == s))
                      && mapRead.tree.entries[1].first == "after";
    if (!same)
        fail("a map with key and value s does not read back: '" + printable(s) + "' written as '"
             + printable(mapText) + "'\n" + diagnosticsText(mapRead.diagnostics));
}

QJsonDocument parseJson(const std::string &text, const std::string &what)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(text.data(), qsizetype(text.size())), &error);
    if (error.error != QJsonParseError::NoError)
        fail(what + " is not valid JSON (" + error.errorString().toStdString() + " at "
             + std::to_string(error.offset) + "): '" + printable(text) + "'");
    return document;
}

/// Compares a string read back from JSON; strings that are not UTF-8 cannot be compared
/// (JSON text is UTF-8) and only have to give valid JSON.
void expectJsonString(const QJsonValue &value, const std::string &expected, const std::string &what)
{
    if (!isUtf8(expected))
        return;
    if (!value.isString() || value.toString().toStdString() != expected)
        fail(what + " reads back as '" + printable(value.toString().toStdString()) + "', not '"
             + printable(expected) + "'");
}

/// A SARIF message: no bracket may stay unescaped (it could form a link), and the text a viewer
/// shows is the finding's own.
void expectSarifText(const QJsonValue &value, const std::string &expected, const std::string &what)
{
    if (!isUtf8(expected))
        return;
    const std::string text = value.toString().toStdString();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '[' || text[i] == ']')
            fail(what + " has an unescaped bracket: '" + printable(text) + "'");
    }
    if (!value.isString() || sarifShown(text) != expected)
        fail(what + " shows as '" + printable(sarifShown(text)) + "', not '" + printable(expected) + "'");
}

/// A CSV field reads back as the text written, with invalid UTF-8 replaced by U+FFFD and,
/// where a spreadsheet would start a formula, behind one apostrophe.
bool csvSame(const std::string &field, const std::string &raw)
{
    const std::string text = model::validUtf8(raw);
    if (field == text)
        return true;
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos
           && field == "'" + text;
}

} // namespace

void checkYamlScalars(const std::vector<std::string> &strings)
{
    for (const std::string &s : strings)
        expectYamlScalar(s);
}

void checkJsonWriter(const std::vector<std::string> &strings)
{
    model::JsonWriter json;
    json.beginArray();
    for (const std::string &s : strings)
        json.beginObject().key(s).value(s).endObject();
    json.endArray();
    const QJsonDocument document = parseJson(json.text(), "JsonWriter output");
    const QJsonArray array = document.array();
    if (!document.isArray() || std::size_t(array.size()) != strings.size())
        fail("JsonWriter output has another shape: '" + printable(json.text()) + "'");
    for (std::size_t i = 0; i < strings.size(); ++i) {
        const QJsonObject object = array.at(qsizetype(i)).toObject();
        if (object.size() != 1)
            fail("JsonWriter object " + std::to_string(i) + " has " + std::to_string(object.size()) + " keys");
        expectJsonString(QJsonValue(object.begin().key()), strings[i], "a JsonWriter key");
        expectJsonString(object.begin().value(), strings[i], "a JsonWriter value");
    }
}

void checkSarif(const std::vector<std::string> &strings)
{
    std::vector<model::Finding> findings;
    std::vector<model::RuleInfo> rules;
    for (std::size_t i = 0; i < strings.size() && i < 4; ++i) {
        model::Finding f;
        f.rule = at(strings, i + 1);
        f.severity = model::Severity(i % 3);
        f.message = strings[i];
        f.fix = at(strings, i + 2);
        f.docs = at(strings, i + 3);
        f.nodes.emplace_back(at(strings, i + 4));
        f.edges.emplace_back(at(strings, i + 5));
        findings.push_back(f);
        rules.push_back({f.rule, f.severity, at(strings, i + 6), at(strings, i + 7)});
    }
    const std::string file = at(strings, 8);
    const std::string text = app::sarifLog(findings, rules, file, {{at(strings, 4), 3}});
    const QJsonObject run = parseJson(text, "the SARIF log").object()[QStringLiteral("runs")][0].toObject();
    // The artifact is a URI reference: its text is percent-encoded (RFC 3986), so it decodes to the file.
    const QString uri = run[QStringLiteral("artifacts")][0][QStringLiteral("location")][QStringLiteral("uri")].toString();
    if (uri.contains(QLatin1Char('\n')) || uri.contains(QLatin1Char(' ')))
        fail("the SARIF artifact is not percent-encoded: '" + printable(uri.toStdString()) + "'");
    // Compared as bytes: QString::fromUtf8 would drop a leading byte-order mark.
    const QByteArray decoded = QByteArray::fromPercentEncoding(uri.toUtf8());
    if (isUtf8(file) && decoded.toStdString() != file)
        fail("the SARIF artifact reads back as '" + printable(decoded.toStdString()) + "', not '" + printable(file) + "'");
    const QJsonArray results = run[QStringLiteral("results")].toArray();
    const QJsonArray ruleList = run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray();
    if (std::size_t(results.size()) != findings.size() || std::size_t(ruleList.size()) != rules.size())
        fail("the SARIF log has " + std::to_string(results.size()) + " results for "
             + std::to_string(findings.size()) + " findings: '" + printable(text) + "'");
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const model::Finding &f = findings[i];
        const QJsonValue result = results.at(qsizetype(i));
        expectSarifText(result[QStringLiteral("message")][QStringLiteral("text")],
                         f.message + (f.fix.empty() ? "" : " Fix: " + f.fix), "a SARIF message");
        expectJsonString(result[QStringLiteral("ruleId")], f.rule, "a SARIF rule id");
        expectJsonString(result[QStringLiteral("properties")][QStringLiteral("docs")], f.docs, "a SARIF docs link");
        expectJsonString(ruleList.at(qsizetype(i))[QStringLiteral("shortDescription")][QStringLiteral("text")],
                         rules[i].title, "a SARIF rule title");
    }
}

void checkLineItemsCsv(const std::vector<std::string> &strings)
{
    model::Estimate estimate;
    for (std::size_t i = 0; i < strings.size() && i < 4; ++i) {
        model::LineItem item;
        item.node = model::NodeId(strings[i]);
        item.nodeName = at(strings, i + 1);
        item.service = at(strings, i + 2);
        item.label = at(strings, i + 3);
        item.priceKey = at(strings, i + 4);
        item.unit = at(strings, i + 5);
        item.priceStatus = at(strings, i + 6);
        item.priceSource = at(strings, i + 7);
        estimate.items.push_back(item);
    }
    const std::string text = model::lineItemsCsv(estimate);
    const auto rows = model::parseCsv(text);
    if (rows.size() != estimate.items.size() + 1)
        fail("the CSV reads back as " + std::to_string(rows.size()) + " rows, not "
             + std::to_string(estimate.items.size() + 1) + ": '" + printable(text) + "'");
    for (std::size_t i = 0; i < estimate.items.size(); ++i) {
        const model::LineItem &item = estimate.items[i];
        const std::vector<std::string> &row = rows[i + 1];
        const bool same = row.size() == 14 && csvSame(row[0], item.node.str()) && csvSame(row[1], item.nodeName)
                          && csvSame(row[2], item.service) && csvSame(row[3], item.label)
                          && csvSame(row[4], item.priceKey) && csvSame(row[6], item.unit)
                          && csvSame(row[11], item.priceStatus) && csvSame(row[12], item.priceSource);
        if (!same)
            fail("CSV row " + std::to_string(i + 1) + " does not read back: '" + printable(text) + "'");
    }
}

} // namespace nimbus::fuzz

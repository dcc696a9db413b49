// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "yamlreader.h"

#include "yamlfastreader.h"

#include <model/core/propertyvalue.h>
#include <model/core/text.h>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

namespace nimbus::model {

namespace {

/// Thrown inside the handler to stop parsing once a limit is crossed.
struct LimitExceeded
{
    YAML::Mark mark;
    std::string message;
};

std::size_t countNodes(const Tree &tree)
{
    std::size_t n = 1;
    for (const Tree &item : tree.items)
        n += countNodes(item);
    for (const auto &entry : tree.entries)
        n += 1 + countNodes(entry.second);
    return n;
}

/// Builds a Tree from yaml-cpp's events. Using events rather than YAML::Node lets us see
/// aliases (to bound their expansion), duplicate keys and the exact quoting of scalars.
class TreeBuilder final : public YAML::EventHandler
{
public:
    TreeBuilder(const std::string &fileName, const YamlParseOptions &options,
                Diagnostics &diagnostics)
        : m_fileName(fileName)
        , m_options(options)
        , m_diagnostics(diagnostics)
    {}

    std::optional<Tree> takeResult() { return std::move(m_result); }
    int documents() const { return m_documents; }

    void OnDocumentStart(const YAML::Mark &) override { ++m_documents; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        Tree tree;
        place(tree, mark);
        complete(std::move(tree), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw LimitExceeded{mark, "alias to an unknown anchor"};
        const std::size_t size = m_anchorSizes[anchor];
        count(mark, size);
        Tree copy = it->second;
        place(copy, mark);
        complete(std::move(copy), 0);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        count(mark, 1);
        Tree tree = Tree::makeScalar(value, tag == "!");
        tree.tag = normaliseTag(tag);
        place(tree, mark);
        complete(std::move(tree), anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(Tree::makeSequence(), mark, tag, anchor, style);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(Tree::makeMap(), mark, tag, anchor, style);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        Tree tree;
        YAML::anchor_t anchor = 0;
        std::optional<std::string> pendingKey;
        int pendingKeyLine = 0;
        std::unordered_map<std::string, int> keyLines;
        const YamlSectionLimit *limit = nullptr; ///< on the number of its entries
    };

    static std::string normaliseTag(const std::string &tag)
    {
        return (tag == "?" || tag == "!") ? std::string() : tag;
    }

    static void place(Tree &tree, const YAML::Mark &mark)
    {
        tree.line = mark.line + 1;
        tree.column = mark.column + 1;
    }

    void count(const YAML::Mark &mark, std::size_t n)
    {
        m_nodes += n;
        if (m_nodes > m_options.maxNodes)
            throw LimitExceeded{mark, "document expands to more than "
                                          + std::to_string(m_options.maxNodes)
                                          + " values (too large, or an alias bomb)"};
    }

    void open(Tree tree, const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
              YAML::EmitterStyle::value style)
    {
        count(mark, 1);
        if (static_cast<int>(m_stack.size()) >= m_options.maxDepth)
            throw LimitExceeded{mark, "nesting deeper than " + std::to_string(m_options.maxDepth)
                                          + " levels"};
        tree.tag = normaliseTag(tag);
        tree.flow = style == YAML::EmitterStyle::Flow;
        place(tree, mark);
        const YamlSectionLimit *limit = sectionLimitHere();
        m_stack.push_back(Frame{std::move(tree), anchor, std::nullopt, 0, {}, limit});
    }

    /// The limit on a collection opened now: its path is the pending keys of the maps
    /// around it (none when a list is among them).
    const YamlSectionLimit *sectionLimitHere() const
    {
        if (m_options.sectionLimits.empty())
            return nullptr;
        std::vector<const std::string *> keys;
        for (const Frame &frame : m_stack) {
            if (!frame.tree.isMap() || !frame.pendingKey)
                return nullptr;
            keys.push_back(&*frame.pendingKey);
        }
        return findSectionLimit(m_options.sectionLimits, keys);
    }

    /// Stops the parse at the entry one over its collection's limit.
    static void checkLimit(const Frame &parent, std::size_t entries, int line, int column)
    {
        if (parent.limit == nullptr || entries < parent.limit->max)
            return;
        YAML::Mark mark;
        mark.line = line - 1;
        mark.column = column - 1;
        throw LimitExceeded{mark, sectionLimitMessage(*parent.limit)};
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        if (frame.pendingKey)
            warn(frame.pendingKeyLine, 0, "key '" + *frame.pendingKey + "' has no value");
        complete(std::move(frame.tree), frame.anchor);
    }

    void complete(Tree tree, YAML::anchor_t anchor)
    {
        if (anchor != 0) {
            m_anchorSizes[anchor] = countNodes(tree);
            m_anchors[anchor] = tree;
        }
        if (m_stack.empty()) {
            m_result = std::move(tree);
            return;
        }
        Frame &parent = m_stack.back();
        if (parent.tree.isSequence()) {
            checkLimit(parent, parent.tree.items.size(), tree.line, tree.column);
            parent.tree.items.push_back(std::move(tree));
            return;
        }
        if (!parent.pendingKey) {
            acceptKey(parent, tree);
            return;
        }
        const std::string key = std::move(*parent.pendingKey);
        const int keyLine = parent.pendingKeyLine;
        parent.pendingKey.reset();
        if (parent.keyLines.count(key) == 0)
            checkLimit(parent, parent.tree.entries.size(), keyLine, 0);
        auto [it, inserted] = parent.keyLines.emplace(key, keyLine);
        if (inserted) {
            parent.tree.entries.emplace_back(key, std::move(tree));
            return;
        }
        const std::string message = "duplicate key '" + key + "' (first at line "
                                    + std::to_string(it->second) + ")";
        if (m_options.duplicateKeysAreErrors) {
            error(keyLine, 0, message);
            return;
        }
        warn(keyLine, 0, message + "; the last value is used");
        *parent.tree.find(key) = std::move(tree);
    }

    void acceptKey(Frame &parent, const Tree &key)
    {
        if (!key.isScalar()) {
            error(key.line, key.column, "a map key must be plain text, not a map or a list");
            parent.pendingKey = std::string("<invalid key>");
        } else {
            parent.pendingKey = key.scalar;
        }
        parent.pendingKeyLine = key.line;
    }

    void error(int line, int column, std::string message)
    {
        m_diagnostics.push_back({Severity::Error, m_fileName, line, column, std::move(message)});
    }
    void warn(int line, int column, std::string message)
    {
        m_diagnostics.push_back({Severity::Warning, m_fileName, line, column, std::move(message)});
    }

    const std::string &m_fileName;
    const YamlParseOptions &m_options;
    Diagnostics &m_diagnostics;
    std::vector<Frame> m_stack;
    std::optional<Tree> m_result;
    std::map<YAML::anchor_t, Tree> m_anchors;
    std::map<YAML::anchor_t, std::size_t> m_anchorSizes;
    std::size_t m_nodes = 0;
    int m_documents = 0;
};

} // namespace

namespace {

/// Line and column (1-based, in characters) of byte `offset`.
std::pair<int, int> positionOf(std::string_view text, std::size_t offset)
{
    const std::string_view before = text.substr(0, offset);
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lineStart = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    int column = 1;
    for (std::size_t i = lineStart; i < offset; ++i)
        column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
    return {line, column};
}

/// Whether YAML 1.2 allows `c` in a stream (c-printable, §5.1 of
/// https://yaml.org/spec/1.2.2/#51-character-set): tab, line feed, carriage return, the
/// printable ASCII and Unicode characters and NEL; not the other C0 and C1 controls, DEL,
/// surrogates, U+FFFE and U+FFFF. JSON forbids the C0 controls in its text too.
bool isYamlPrintable(char32_t c)
{
    return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85
           || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// The first character YAML does not allow in valid UTF-8 `text`, as a message, or "".
/// Such a character must be written as an escape in a double-quoted string ("\x1B").
std::string unprintableProblem(std::string_view text, std::size_t &offset)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) { // the common case, without decoding
            ++i;
            continue;
        }
        char32_t c = 0;
        const std::size_t length = utf8SequenceAt(text, i, &c);
        if (!isYamlPrintable(c)) {
            offset = i;
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            return std::string("the file holds the character ") + code
                   + " (a control character or a noncharacter), which YAML allows only as an escape "
                     "in a double-quoted string, such as \"\\x1B\"";
        }
        i += length == 0 ? 1 : length;
    }
    return {};
}

/// Why `text` is not UTF-8 text, or "" when it is: YAML files are read as UTF-8, and a
/// binary file or text in another encoding is named as such instead of failing later with a
/// confusing syntax error.
std::string encodingProblem(std::string_view text, std::size_t &offset)
{
    offset = 0;
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
        return "the file is UTF-16 text; Nimbus reads UTF-8, so save it as UTF-8";
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        offset = nul;
        return "the file holds a NUL byte: it is binary data, not a text file";
    }
    if (const auto bad = firstInvalidUtf8(text)) {
        offset = *bad;
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
        return std::string("the file is not UTF-8 text: byte ") + byte
               + " is not part of a UTF-8 character (binary data, or text saved in another "
                 "encoding such as Latin-1 or Windows-1252)";
    }
    return unprintableProblem(text, offset);
}

} // namespace

std::string sectionLimitMessage(const YamlSectionLimit &limit)
{
    std::string where;
    for (const std::string &key : limit.path)
        where += (where.empty() ? "" : ".") + key;
    return "more than " + formatAmount(double(limit.max)) + " " + limit.what + " under '" + where
           + "', the most Nimbus reads (see Limits in docs/file-format.md)";
}

const YamlSectionLimit *findSectionLimit(const std::vector<YamlSectionLimit> &limits,
                                         const std::vector<const std::string *> &keys)
{
    for (const YamlSectionLimit &limit : limits) {
        if (limit.path.size() == keys.size()
            && std::equal(limit.path.begin(), limit.path.end(), keys.begin(),
                          [](const std::string &a, const std::string *b) { return a == *b; }))
            return &limit;
    }
    return nullptr;
}

YamlParseResult parseYaml(std::string_view text, const std::string &fileName,
                          const YamlParseOptions &options)
{
    std::size_t offset = 0;
    if (const std::string problem = encodingProblem(text, offset); !problem.empty()) {
        YamlParseResult result;
        const auto [line, column] = positionOf(text, offset);
        result.diagnostics.push_back({Severity::Error, fileName, line, column, problem});
        return result;
    }
    // yaml-cpp's scanner is slow on large templates; the fast path reads the common subset
    // with identical results and declines everything else, which yaml-cpp then reads.
    if (auto fast = parseYamlFast(text, fileName, options))
        return std::move(*fast);
    return parseYamlWithYamlCpp(text, fileName, options);
}

YamlParseResult parseYamlWithYamlCpp(std::string_view text, const std::string &fileName,
                                     const YamlParseOptions &options)
{
    YamlParseResult result;
    auto fail = [&](int line, int column, std::string message) {
        result.diagnostics.push_back({Severity::Error, fileName, line, column, std::move(message)});
    };
    if (text.size() > options.maxBytes) {
        fail(0, 0, "file is " + std::to_string(text.size()) + " bytes, more than the "
                       + std::to_string(options.maxBytes) + " bytes Nimbus reads");
        return result;
    }
    if (text.find('\0') != std::string_view::npos) {
        const auto [line, column] = positionOf(text, text.find('\0'));
        fail(line, column, "the file holds a NUL byte: it is binary data, not a text file");
        return result;
    }

    std::istringstream stream{std::string(text)};
    TreeBuilder builder(fileName, options, result.diagnostics);
    try {
        YAML::Parser parser(stream);
        if (parser.HandleNextDocument(builder) && parser.HandleNextDocument(builder))
            fail(0, 0, "file holds more than one YAML document; only one is expected");
    } catch (const LimitExceeded &e) {
        fail(e.mark.line + 1, e.mark.column + 1, e.message);
        return result;
    } catch (const YAML::Exception &e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
        fail(line, column, "invalid YAML: " + e.msg);
        return result;
    } catch (const std::exception &e) {
        fail(0, 0, std::string("could not read YAML: ") + e.what());
        return result;
    }
    if (auto tree = builder.takeResult())
        result.tree = std::move(*tree);
    return result;
}

YamlParseResult parseYamlFile(const std::string &path, const YamlParseOptions &options)
{
    std::string text;
    std::string error;
    if (!readTextFile(path, text, error, options.maxBytes)) {
        YamlParseResult result;
        result.diagnostics.push_back({Severity::Error, path, 0, 0, error});
        return result;
    }
    return parseYaml(text, path, options);
}

} // namespace nimbus::model

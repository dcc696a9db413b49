// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The structure half of the fast path: block and flow collections, with the positions
// yaml-cpp 0.7 gives them. yaml-cpp places a node at its first token (a tagged node at its
// tag) and an empty value at whatever token follows it; the indentation a plain or block
// scalar needs comes from yaml-cpp's indent stack, which after "- " or at the start of a
// line holds a possible key's column at a tag. YamlScanner does the lexical part.
#include "yamlfastreader.h"

#include "yamlfastscanner.h"

#include <cstring>
#include <unordered_map>

namespace nimbus::model {

namespace {

/// yaml-cpp refuses a simple key longer than 1024 characters; stay clear of the boundary.
constexpr std::ptrdiff_t MaxKeyLength = 1000;
/// yaml-cpp's own recursion guard (DepthGuard<500>) must never be the one that trips.
constexpr int MaxNesting = 450;

bool isNullString(const std::string &s)
{
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

/// The keys of one map, for duplicates: the line each was first seen on, and a hash once
/// the map is too large for a linear search.
class KeyIndex
{
public:
    /// Index of `key` among the entries of `map`, or -1.
    std::ptrdiff_t find(const Tree &map, const std::string &key)
    {
        if (map.entries.size() <= 8) {
            for (std::size_t i = 0; i < map.entries.size(); ++i) {
                if (map.entries[i].first == key)
                    return std::ptrdiff_t(i);
            }
            return -1;
        }
        for (std::size_t i = m_hash.size(); i < map.entries.size(); ++i)
            m_hash.emplace(map.entries[i].first, i);
        const auto it = m_hash.find(key);
        return it == m_hash.end() ? -1 : std::ptrdiff_t(it->second);
    }
    std::vector<int> lines;

private:
    std::unordered_map<std::string, std::size_t> m_hash;
};

/// An entry beyond a YamlSectionLimit: the same error yaml-cpp's path gives.
struct SectionLimitHit
{
    int line = 0;
    int column = 0;
    std::string message;
};

/// Builds the Tree that yaml-cpp's events would give, from what its scanner base reads.
class FastParser final : YamlScanner
{
public:
    FastParser(std::string_view text, const std::string &fileName, const YamlParseOptions &options,
               Diagnostics &diagnostics)
        : YamlScanner(text)
        , m_fileName(fileName)
        , m_options(options)
        , m_diagnostics(diagnostics)
    {
    }

    Tree parseDocument();

private:
    Tree parseBlockMap(int indent);
    Tree parseBlockSequence(int indent);
    Tree parseBlockValue(int indent, bool inSequence);
    Tree parseInlineValue(int indent, bool inSequence, bool keyAllowed);
    Tree parseTaggedOnNextLines(int indent, bool inSequence, const Tag &tag);
    Tree parseLeaf(Mark at, const Tag *tag, int topIndent);
    Tree parseFlowNode();
    Tree parseFlowSequence(Mark at, const Tag *tag);
    Tree parseFlowMap(Mark at, const Tag *tag);
    Tree compactMap(Tree key, const char *keyStart, Mark at);
    std::string parseKey(bool flow);

    Tree scalarNode(Mark at, const Tag *tag, std::string text, bool plain);
    static Tree nullNode(Mark at);
    Mark endOfInputMark(int indent, bool isSequence) const;
    bool belongsToValue(int indent, bool inSequence) const;
    void open(Tree &tree, Mark at, const Tag *tag);
    void close() { --m_depth; }
    void count();
    void addEntry(Tree &map, KeyIndex &index, const YamlSectionLimit *limit, std::string key,
                  int keyLine, Tree value);
    const YamlSectionLimit *sectionLimitHere() const;
    static void checkLimit(const YamlSectionLimit *limit, std::size_t entries, int line, int column);

    const std::string &m_fileName;
    const YamlParseOptions &m_options;
    Diagnostics &m_diagnostics;
    int m_depth = 0;
    std::size_t m_nodes = 0;
    std::vector<const std::string *> m_keyPath; ///< keys of the map entries being read
};

Tree FastParser::parseDocument()
{
    skipBlock();
    if (atEnd()) // only comments: yaml-cpp sees no document at all
        return Tree();
    if (atDocIndicator() && peek() == '-') {
        skipChar();
        skipChar();
        skipChar();
        if (!skipBlock() && !atEnd())
            decline("content on the --- line");
        if (atEnd())
            decline("empty document");
    }
    Tree root;
    if (peek() == '[' || peek() == '{') {
        root = parseFlowNode();
        finishLine();
    } else if (atBlockEntry()) {
        root = parseBlockSequence(column());
    } else if (atBlockKey()) {
        root = parseBlockMap(column());
    } else {
        decline("document is not a map or a list");
    }
    if (atEnd())
        return root;
    if (!atDocIndicator() || peek() != '.')
        decline("more than one document, or text after the document");
    skipChar();
    skipChar();
    skipChar();
    skipBlock();
    if (!atEnd())
        decline("text after the document end marker");
    return root;
}

Tree FastParser::parseBlockMap(int indent)
{
    Tree map = Tree::makeMap();
    open(map, mark(), nullptr);
    const YamlSectionLimit *limit = sectionLimitHere();
    KeyIndex index;
    for (;;) {
        const int keyLine = line() + 1;
        std::string key = parseKey(false);
        m_keyPath.push_back(&key);
        Tree value = parseBlockValue(indent, false);
        m_keyPath.pop_back();
        addEntry(map, index, limit, std::move(key), keyLine, std::move(value));
        if (atEnd() || column() < indent || atDocIndicator())
            break;
        if (column() > indent)
            decline("unexpected indentation");
        if (atBlockEntry())
            decline("list entry where a key was expected");
    }
    close();
    return map;
}

Tree FastParser::parseBlockSequence(int indent)
{
    Tree sequence = Tree::makeSequence();
    open(sequence, mark(), nullptr);
    const YamlSectionLimit *limit = sectionLimitHere();
    for (;;) {
        skipChar(); // the '-'
        Tree item = parseBlockValue(indent, true);
        checkLimit(limit, sequence.items.size(), item.line, item.column);
        sequence.items.push_back(std::move(item));
        if (atEnd() || column() < indent || atDocIndicator())
            break;
        if (column() > indent)
            decline("unexpected indentation");
        if (!atBlockEntry())
            break;
    }
    close();
    return sequence;
}

// Whether the next line (the cursor is on its first token) continues the value of a key or
// list entry of the block at `indent`; a list may sit at its key's own indentation.
bool FastParser::belongsToValue(int indent, bool inSequence) const
{
    return !atEnd() && !atDocIndicator() &&
           (column() > indent || (column() == indent && !inSequence && atBlockEntry()));
}

// The value after "key:" or "-"; `indent` is the column of the map or list it belongs to.
Tree FastParser::parseBlockValue(int indent, bool inSequence)
{
    if (!skipBlock() && !atEnd())
        return parseInlineValue(indent, inSequence, inSequence);
    if (!belongsToValue(indent, inSequence))
        return nullNode(atEnd() ? endOfInputMark(indent, inSequence) : mark());
    if (column() == indent)
        return parseBlockSequence(column());
    return parseInlineValue(indent, inSequence, true);
}

// A node that starts at the cursor. Where yaml-cpp may start a key (`keyAllowed`: at the
// start of a line or after "- ") it pushes that possible key's column at a tag, and that
// column, not the enclosing block's, then decides how a scalar after the tag continues.
Tree FastParser::parseInlineValue(int indent, bool inSequence, bool keyAllowed)
{
    if (peek() == '!') {
        const Tag tag = scanTag(false);
        if (skipBlock() || atEnd())
            return parseTaggedOnNextLines(indent, inSequence, tag);
        return parseLeaf(tag.mark, &tag, keyAllowed ? tag.mark.column : indent);
    }
    if (keyAllowed && atBlockEntry())
        return parseBlockSequence(column());
    if (keyAllowed && atBlockKey())
        return parseBlockMap(column());
    return parseLeaf(mark(), nullptr, indent);
}

// A tag ended its line: the node on the next lines is the tagged one or, when nothing more
// indented follows, the tag stands for an empty scalar. By then yaml-cpp has dropped the
// possible key's column it pushed at the tag.
Tree FastParser::parseTaggedOnNextLines(int indent, bool inSequence, const Tag &tag)
{
    if (!belongsToValue(indent, inSequence))
        return scalarNode(tag.mark, &tag, std::string(), false);
    Tree tree;
    if (atBlockEntry())
        tree = parseBlockSequence(column());
    else if (atBlockKey())
        tree = parseBlockMap(column());
    else
        return parseLeaf(tag.mark, &tag, indent);
    tree.tag = tag.name;
    tree.line = tag.mark.line + 1;
    tree.column = tag.mark.column + 1;
    return tree;
}

// A flow collection or a scalar in block context, placed at `at` (its tag, if any).
Tree FastParser::parseLeaf(Mark at, const Tag *tag, int topIndent)
{
    const char c = peek();
    if (c == '[' || c == '{') {
        Tree tree = c == '[' ? parseFlowSequence(at, tag) : parseFlowMap(at, tag);
        finishLine();
        return tree;
    }
    if (c == '"' || c == '\'') {
        std::string text = scanQuoted();
        finishLine();
        return scalarNode(at, tag, std::move(text), false);
    }
    if (c == '|' || c == '>') {
        std::string text = scanBlockScalar(topIndent);
        skipBlock();
        return scalarNode(at, tag, std::move(text), false);
    }
    if (!atPlainStart(false))
        decline("unsupported value");
    std::string text = scanPlain(false, topIndent + 1);
    if (peek() == ':')
        decline("a value that is also a key");
    skipBlock();
    return scalarNode(at, tag, std::move(text), true);
}

Tree FastParser::parseFlowNode()
{
    std::optional<Tag> tag;
    if (peek() == '!') {
        tag = scanTag(true);
        skipFlow();
    }
    const Tag *tagPtr = tag ? &*tag : nullptr;
    const Mark at = tag ? tag->mark : mark();
    const char c = peek();
    if (c == '[')
        return parseFlowSequence(at, tagPtr);
    if (c == '{')
        return parseFlowMap(at, tagPtr);
    if (c == '"' || c == '\'')
        return scalarNode(at, tagPtr, scanQuoted(), false);
    if (tag && (c == ',' || c == ']' || c == '}'))
        return scalarNode(at, tagPtr, std::string(), false);
    if (!atPlainStart(true))
        decline("unsupported flow value");
    return scalarNode(at, tagPtr, scanPlain(true, 0), true);
}

Tree FastParser::parseFlowSequence(Mark at, const Tag *tag)
{
    Tree sequence = Tree::makeSequence();
    sequence.flow = true;
    open(sequence, at, tag);
    const YamlSectionLimit *limit = sectionLimitHere();
    skipChar();
    for (;;) {
        skipFlow();
        if (peek() == ']')
            break;
        const char *itemStart = position();
        const Mark itemMark = mark();
        Tree item = parseFlowNode();
        skipFlow();
        if (peek() == ':')
            item = compactMap(std::move(item), itemStart, itemMark);
        checkLimit(limit, sequence.items.size(), item.line, item.column);
        sequence.items.push_back(std::move(item));
        if (peek() == ',')
            skipChar();
        else if (peek() != ']')
            decline("unexpected text in a flow list");
    }
    skipChar();
    close();
    return sequence;
}

// "[a: b]": a single pair inside a flow list is a map of its own (the cursor is on ':').
Tree FastParser::compactMap(Tree key, const char *keyStart, Mark at)
{
    if (!key.isScalar() || line() != at.line || position() - keyStart > MaxKeyLength ||
        key.scalar == "<<")
        decline("unusual key in a flow list");
    Tree map = Tree::makeMap();
    map.flow = true;
    open(map, at, nullptr);
    skipChar();
    skipFlow();
    Tree value = peek() == ',' || peek() == ']' ? nullNode(mark()) : parseFlowNode();
    map.entries.emplace_back(std::move(key.scalar), std::move(value));
    skipFlow();
    close();
    return map;
}

Tree FastParser::parseFlowMap(Mark at, const Tag *tag)
{
    Tree map = Tree::makeMap();
    map.flow = true;
    open(map, at, tag);
    const YamlSectionLimit *limit = sectionLimitHere();
    skipChar();
    KeyIndex index;
    for (;;) {
        skipFlow();
        if (peek() == '}')
            break;
        const int keyLine = line() + 1;
        std::string key = parseKey(true);
        skipFlow();
        m_keyPath.push_back(&key);
        Tree value = peek() == ',' || peek() == '}' ? nullNode(mark()) : parseFlowNode();
        m_keyPath.pop_back();
        addEntry(map, index, limit, std::move(key), keyLine, std::move(value));
        skipFlow();
        if (peek() == ',')
            skipChar();
        else if (peek() != '}')
            decline("unexpected text in a flow map");
    }
    skipChar();
    close();
    return map;
}

// A plain or quoted key on one line, and the ':' after it.
std::string FastParser::parseKey(bool flow)
{
    const char *start = position();
    const int keyLine = line();
    const bool quoted = peek() == '"' || peek() == '\'';
    if (!quoted && !atPlainStart(flow))
        decline("unusual key");
    std::string key = quoted ? scanQuoted() : scanPlain(flow, 0);
    if (line() != keyLine)
        decline("key spans lines");
    while (peek() == ' ')
        skipChar();
    const char next = peek(1);
    if (peek() != ':' || (!flow && next != ' ' && next != '\t' && next != '\n' && next != '\0'))
        decline("key without ':'");
    if (position() - start > MaxKeyLength)
        decline("very long key");
    if (!quoted && (isNullString(key) || key == "<<"))
        decline("null or merge key");
    skipChar();
    count();
    return key;
}

Tree FastParser::scalarNode(Mark at, const Tag *tag, std::string text, bool plain)
{
    if (!tag && plain && isNullString(text))
        return nullNode(at);
    count();
    // yaml-cpp tags an untagged quoted or block scalar "!", which the reader keeps as quoted.
    Tree tree = Tree::makeScalar(std::move(text), !tag && !plain);
    if (tag)
        tree.tag = tag->name;
    tree.line = at.line + 1;
    tree.column = at.column + 1;
    return tree;
}

Tree FastParser::nullNode(Mark at)
{
    Tree tree;
    tree.line = at.line + 1;
    tree.column = at.column + 1;
    return tree;
}

// Where yaml-cpp closes the innermost block (at `indent`) when the input ends: at the end
// of input if the column there already closes it, else on the last line in column 0.
YamlScanner::Mark FastParser::endOfInputMark(int indent, bool isSequence) const
{
    if (indent > column() || (indent == column() && isSequence))
        return mark();
    return {line(), 0};
}

void FastParser::count()
{
    if (++m_nodes > m_options.maxNodes)
        decline("too many nodes");
}

void FastParser::open(Tree &tree, Mark at, const Tag *tag)
{
    count();
    if (m_depth >= m_options.maxDepth || m_depth >= MaxNesting)
        decline("nesting too deep");
    ++m_depth;
    tree.line = at.line + 1;
    tree.column = at.column + 1;
    if (tag)
        tree.tag = tag->name;
}

// The collection just opened is at depth m_depth; its path is the keys of the maps around
// it when all of them are maps (then there is one key per level).
const YamlSectionLimit *FastParser::sectionLimitHere() const
{
    if (m_options.sectionLimits.empty() || m_keyPath.size() + 1 != std::size_t(m_depth))
        return nullptr;
    return findSectionLimit(m_options.sectionLimits, m_keyPath);
}

void FastParser::checkLimit(const YamlSectionLimit *limit, std::size_t entries, int line, int column)
{
    if (limit != nullptr && entries >= limit->max)
        throw SectionLimitHit{line, column, sectionLimitMessage(*limit)};
}

void FastParser::addEntry(Tree &map, KeyIndex &index, const YamlSectionLimit *limit, std::string key,
                          int keyLine, Tree value)
{
    const std::ptrdiff_t existing = index.find(map, key);
    if (existing < 0) {
        checkLimit(limit, map.entries.size(), keyLine, 0);
        map.entries.emplace_back(std::move(key), std::move(value));
        index.lines.push_back(keyLine);
        return;
    }
    if (m_options.duplicateKeysAreErrors)
        decline("duplicate key");
    m_diagnostics.push_back({Severity::Warning, m_fileName, keyLine, 0,
                             "duplicate key '" + key + "' (first at line " +
                                 std::to_string(index.lines[std::size_t(existing)]) +
                                 "); the last value is used"});
    map.entries[std::size_t(existing)].second = std::move(value);
}

} // namespace

std::optional<YamlParseResult> parseYamlFast(std::string_view text, const std::string &fileName,
                                             const YamlParseOptions &options, std::string *whyNot)
{
    const auto declined = [whyNot](std::string why) -> std::optional<YamlParseResult> {
        if (whyNot)
            *whyNot = std::move(why);
        return std::nullopt;
    };
    if (text.size() > options.maxBytes)
        return declined("larger than the size limit");
    if (std::memchr(text.data(), '\0', text.size()))
        return declined("NUL bytes");
    // yaml-cpp's scanner takes a 0x04 byte for the end of the input (Stream::eof() in its
    // src/stream.h), in block scalars among other places: leave such text to it.
    if (std::memchr(text.data(), '\x04', text.size()))
        return declined("a 0x04 byte, yaml-cpp's end-of-input mark");
    // yaml-cpp guesses the encoding from the first bytes; only UTF-8 is read here.
    const unsigned char first = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
    if ((first == 0xEF && text.substr(0, 3) != "\xEF\xBB\xBF") || first == 0xFE || first == 0xFF ||
        first == 0xBB || first == 0xBF)
        return declined("unusual encoding");
    // yaml-cpp reads "\r\n" as one line break, and no node can start at the '\r', so such a
    // text reads like its "\n" form; a lone '\r' is declined.
    std::string withoutCarriageReturns;
    if (std::memchr(text.data(), '\r', text.size())) {
        withoutCarriageReturns.reserve(text.size());
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] != '\r')
                withoutCarriageReturns += text[i];
            else if (i + 1 == text.size() || text[i + 1] != '\n')
                return declined("carriage return without a line feed");
        }
        text = withoutCarriageReturns;
    }

    YamlParseResult result;
    try {
        FastParser parser(text, fileName, options, result.diagnostics);
        result.tree = parser.parseDocument();
    } catch (const YamlScanner::Declined &e) {
        return declined(std::string(e.why) + " (line " + std::to_string(e.line) + ", column " +
                        std::to_string(e.column) + ")");
    } catch (const SectionLimitHit &e) {
        result.tree = Tree();
        result.diagnostics.push_back({Severity::Error, fileName, e.line, e.column, e.message});
    }
    return result;
}

} // namespace nimbus::model

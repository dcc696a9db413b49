// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Every rule here copies yaml-cpp 0.7 (scanner.cpp, scanscalar.cpp, scantag.cpp, exp.cpp),
// quirks included, because the fast path must give byte-for-byte the same results; the
// comments name the yaml-cpp function a piece stands for.
#include "yamlfastscanner.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace nimbus::model {

namespace {

enum class End { PlainBlock, PlainFlow, SingleQuote, DoubleQuote, EndOfInput };
enum class Fold { None, Block, Flow };
enum class Chomp { Strip, Clip, Keep };
enum class DocIndicator { Ignore, Break, Decline };

/// Bytes that may stand anywhere in a scalar's text without needing a closer look.
using CharTable = std::array<bool, 256>;

constexpr CharTable charTable(std::string_view special)
{
    CharTable table{};
    for (std::size_t c = 1; c < table.size(); ++c)
        table[c] = true;
    for (char c : special)
        table[static_cast<unsigned char>(c)] = false;
    return table;
}

constexpr CharTable OrdinaryInPlainBlock = charTable(" \t\n:");
constexpr CharTable OrdinaryInPlainFlow = charTable(" \t\n:,?[]{}");
constexpr CharTable OrdinaryInSingleQuotes = charTable(" \t\n'");
constexpr CharTable OrdinaryInDoubleQuotes = charTable(" \t\n\"\\");
constexpr CharTable OrdinaryInBlockScalar = charTable(" \t\n");
constexpr CharTable CanStartPlain = charTable(",[]{}#&*!|>'\"%@`");

/// yaml-cpp's one-character escapes (Exp::Escape); \x, \u and \U are decoded apart.
// clang-format off
constexpr std::pair<char, std::string_view> SimpleEscapes[] = {
    {'0', std::string_view("\0", 1)}, {'a', "\x07"}, {'b', "\x08"}, {'t', "\t"}, {'\t', "\t"},
    {'n', "\n"}, {'v', "\x0B"}, {'f', "\x0C"}, {'r', "\x0D"}, {'e', "\x1B"}, {' ', " "},
    {'"', "\""}, {'\'', "'"}, {'\\', "\\"}, {'/', "/"}, {'N', "\x85"}, {'_', "\xA0"},
    {'L', "\xE2\x80\xA8"}, {'P', "\xE2\x80\xA9"}};
// clang-format on

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isTagChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':' || c == '/';
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, unsigned value)
{
    if (value <= 0x7F) {
        out += char(value);
        return;
    }
    constexpr unsigned lead[] = {0, 0xC0, 0xE0, 0xF0};
    const int tail = value <= 0x7FF ? 1 : value <= 0xFFFF ? 2 : 3;
    out += char(lead[tail] + (value >> (6 * tail)));
    for (int i = tail - 1; i >= 0; --i)
        out += char(0x80 + ((value >> (6 * i)) & 0x3F));
}

const CharTable &ordinaryChars(End end)
{
    switch (end) {
    case End::PlainBlock:
        return OrdinaryInPlainBlock;
    case End::PlainFlow:
        return OrdinaryInPlainFlow;
    case End::SingleQuote:
        return OrdinaryInSingleQuotes;
    case End::DoubleQuote:
        return OrdinaryInDoubleQuotes;
    case End::EndOfInput:
        break;
    }
    return OrdinaryInBlockScalar;
}

} // namespace

/// ScanScalarParams, for the three kinds of scalar yaml-cpp scans.
struct YamlScanner::ScalarParams
{
    End end = End::EndOfInput;
    bool eatEnd = false;
    char escape = 0;
    int indent = 0;
    bool detectIndent = false;
    Fold fold = Fold::Flow;
    bool eatLeadingWhitespace = true;
    bool trimTrailingSpaces = false;
    Chomp chomp = Chomp::Clip;
    DocIndicator onDocIndicator = DocIndicator::Ignore;
    bool declineTabInIndentation = false;
};

/// The local variables of ScanScalar, shared by its phases.
struct YamlScanner::ScalarState
{
    bool foundNonEmptyLine = false;
    bool pastOpeningBreak = false;
    bool emptyLine = false;
    bool moreIndented = false;
    int foldedNewlineCount = 0;
    bool foldedNewlineStartedMoreIndented = false;
    std::size_t lastEscapedChar = std::string::npos;
    std::size_t lastNonWhitespaceChar = 0;
    bool escapedNewline = false;
};

YamlScanner::YamlScanner(std::string_view text)
    : m_p(text.data())
    , m_end(text.data() + text.size())
    , m_lineStart(text.data())
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        m_lineStart = m_p = m_p + 3; // columns count from after the BOM
}

void YamlScanner::decline(const char *why) const
{
    throw Declined{why, m_line + 1, column() + 1};
}

void YamlScanner::eatBreak()
{
    ++m_p;
    ++m_line;
    m_lineStart = m_p;
}

void YamlScanner::skipComment()
{
    const void *lineEnd = std::memchr(m_p, '\n', std::size_t(m_end - m_p));
    m_p = lineEnd ? static_cast<const char *>(lineEnd) : m_end;
}

bool YamlScanner::atDocIndicator() const
{
    if (column() != 0 || m_end - m_p < 3)
        return false;
    const std::string_view start(m_p, 3);
    const char next = peek(3);
    return (start == "---" || start == "...") && (isBlank(next) || next == '\n' || next == '\0');
}

bool YamlScanner::atBlockEntry() const
{
    const char next = peek(1);
    return peek() == '-' && (isBlank(next) || next == '\n' || next == '\0');
}

// Exp::PlainScalar / Exp::PlainScalarInFlow.
bool YamlScanner::atPlainStart(bool flow) const
{
    const char c = peek();
    const char next = peek(1);
    if (c == '\0' || isBlank(c) || c == '\n' || !CanStartPlain[static_cast<unsigned char>(c)])
        return false;
    if (flow && (c == '?' || c == ':'))
        return false;
    return !((c == '-' || c == '?' || c == ':') && (isBlank(next) || next == '\n' || next == '\0'));
}

// Whether a key that fits on this line ("key:", "'key' :") starts here; reads nothing.
bool YamlScanner::atBlockKey() const
{
    const char *p = m_p;
    const auto valueFollows = [this](const char *q) {
        return q < m_end && *q == ':' && (q + 1 == m_end || isBlank(q[1]) || q[1] == '\n');
    };
    if (*p == '"' || *p == '\'') {
        const char quote = *p++;
        for (; p < m_end && *p != '\n'; ++p) {
            const bool doubled = quote == '\'' && *p == '\'' && p + 1 < m_end && p[1] == '\'';
            if (*p == quote && !doubled) {
                for (++p; p < m_end && *p == ' ';)
                    ++p;
                return valueFollows(p);
            }
            if ((quote == '"' && *p == '\\' && p + 1 < m_end && p[1] != '\n') || doubled)
                ++p;
        }
        return false;
    }
    if (!atPlainStart(false))
        return false;
    for (; p < m_end && *p != '\n'; ++p) {
        if (valueFollows(p))
            return true;
        if (isBlank(*p) && p + 1 < m_end && p[1] == '#')
            return false;
    }
    return false;
}

// Scanner::ScanToNextToken in block context. There yaml-cpp lets a tab forbid a key that
// follows on the same line, so a tab is only accepted where the line ends.
bool YamlScanner::skipBlock()
{
    bool crossed = false;
    bool tab = false;
    for (;;) {
        for (; isBlank(peek()); ++m_p)
            tab = tab || peek() == '\t';
        if (peek() == '#')
            skipComment();
        if (peek() != '\n')
            break;
        eatBreak();
        crossed = true;
        tab = false;
    }
    if (tab && !atEnd())
        decline("tab before a token");
    if (column() == 0 && peek() == '%')
        decline("directive");
    return crossed;
}

void YamlScanner::skipFlow()
{
    for (;;) {
        while (isBlank(peek()))
            ++m_p;
        if (peek() == '#')
            skipComment();
        if (peek() != '\n')
            break;
        eatBreak();
    }
    if (column() == 0 && (peek() == '%' || atDocIndicator()))
        decline("document marker inside a flow collection");
}

void YamlScanner::finishLine()
{
    if (!skipBlock() && !atEnd())
        decline("text after a value");
}

// Scanner::ScanTag with ScanTagHandle / ScanTagSuffix, for "!name" and "!!name" only.
YamlScanner::Tag YamlScanner::scanTag(bool flow)
{
    Tag tag;
    tag.mark = mark();
    ++m_p;
    const bool secondary = peek() == '!';
    if (secondary)
        ++m_p;
    const char *start = m_p;
    while (isTagChar(peek()))
        ++m_p;
    const char next = peek();
    const bool ends = next == ' ' || next == '\n' || next == '\0' ||
                      (flow && (next == ',' || next == ']' || next == '}'));
    if (m_p == start || !ends)
        decline("unusual tag");
    tag.name = (secondary ? "tag:yaml.org,2002:" : "!") + std::string(start, m_p);
    return tag;
}

// Scanner::ScanQuotedScalar.
std::string YamlScanner::scanQuoted()
{
    const bool single = peek() == '\'';
    ScalarParams params;
    params.end = single ? End::SingleQuote : End::DoubleQuote;
    params.eatEnd = true;
    params.escape = single ? '\'' : '\\';
    params.onDocIndicator = DocIndicator::Decline;
    ++m_p;
    std::string scalar;
    scanScalar(params, scalar);
    return scalar;
}

// Scanner::ScanBlockScalar, without indentation indicators.
std::string YamlScanner::scanBlockScalar(int topIndent)
{
    ScalarParams params;
    params.fold = *m_p++ == '>' ? Fold::Block : Fold::None;
    if (peek() == '+' || peek() == '-')
        params.chomp = *m_p++ == '+' ? Chomp::Keep : Chomp::Strip;
    while (peek() == ' ')
        ++m_p;
    if (peek() == '#')
        skipComment();
    if (!atEnd() && peek() != '\n')
        decline("block scalar header with an indentation indicator or text");
    params.indent = 1 + topIndent;
    params.detectIndent = true;
    params.eatLeadingWhitespace = false;
    params.declineTabInIndentation = true;
    std::string scalar;
    scanScalar(params, scalar);
    return scalar;
}

// Scanner::ScanPlainScalar.
std::string YamlScanner::scanPlain(bool flow, int indent)
{
    ScalarParams params;
    params.end = flow ? End::PlainFlow : End::PlainBlock;
    params.indent = indent;
    params.trimTrailingSpaces = true;
    params.chomp = Chomp::Strip;
    params.onDocIndicator = DocIndicator::Break;
    params.declineTabInIndentation = true;
    std::string scalar;
    scanScalar(params, scalar);
    return scalar;
}

// Exp::ScanScalarEnd, Exp::ScanScalarEndInFlow and the quote ends.
bool YamlScanner::endMatches(const ScalarParams &params) const
{
    const char c = peek();
    const char next = peek(1);
    const bool commentAfterBreak = (isBlank(c) || c == '\n') && next == '#';
    const bool valueIndicator = c == ':' && (isBlank(next) || next == '\n' || next == '\0');
    switch (params.end) {
    case End::PlainBlock:
        return valueIndicator || commentAfterBreak;
    case End::PlainFlow:
        if (c == ':')
            return valueIndicator || next == ',' || next == ']' || next == '}';
        return c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}' ||
               commentAfterBreak;
    case End::SingleQuote:
        return c == '\'' && next != '\'';
    case End::DoubleQuote:
        return c == '"';
    case End::EndOfInput:
        return atEnd();
    }
    return false;
}

// ScanScalar: per line, the text (phase 1), the line break (2) and the indentation (3).
void YamlScanner::scanScalar(ScalarParams &params, std::string &scalar)
{
    ScalarState state;
    state.pastOpeningBreak = params.fold == Fold::Flow;
    while (!atEnd()) {
        if (scanLineText(params, state, scalar))
            break;
        eatBreak();
        scanIndentation(params, state);
        foldLineBreak(params, state, scalar);
        if (!state.emptyLine && column() < params.indent)
            break;
    }

    const auto keepEscaped = [&state](std::size_t pos) {
        const std::size_t escaped = state.lastEscapedChar;
        return escaped != std::string::npos && (pos < escaped || pos == std::string::npos) ? escaped
                                                                                           : pos;
    };
    if (params.trimTrailingSpaces) {
        const std::size_t pos = keepEscaped(scalar.find_last_not_of(" \t"));
        if (pos < scalar.size())
            scalar.erase(pos + 1);
    }
    if (params.chomp == Chomp::Keep)
        return;
    const std::size_t pos = keepEscaped(scalar.find_last_not_of('\n'));
    if (pos == std::string::npos)
        scalar.clear();
    else if (params.chomp == Chomp::Clip && pos + 1 < scalar.size())
        scalar.erase(pos + 2);
    else if (params.chomp == Chomp::Strip && pos < scalar.size())
        scalar.erase(pos + 1);
}

// Phase 1; true when the scalar ends on this line.
bool YamlScanner::scanLineText(const ScalarParams &params, ScalarState &state, std::string &scalar)
{
    const CharTable &ordinary = ordinaryChars(params.end);
    state.lastNonWhitespaceChar = scalar.size();
    state.escapedNewline = false;
    while (!endMatches(params) && peek() != '\n' && !atEnd()) {
        if (column() != 0 && ordinary[static_cast<unsigned char>(*m_p)]) {
            const char *run = m_p + 1;
            while (run < m_end && ordinary[static_cast<unsigned char>(*run)])
                ++run;
            scalar.append(m_p, run);
            m_p = run;
            state.foundNonEmptyLine = state.pastOpeningBreak = true;
            state.lastNonWhitespaceChar = scalar.size();
            continue;
        }
        if (column() == 0 && atDocIndicator()) {
            if (params.onDocIndicator == DocIndicator::Break)
                break;
            if (params.onDocIndicator == DocIndicator::Decline)
                decline("document marker inside a scalar");
        }
        state.foundNonEmptyLine = state.pastOpeningBreak = true;
        if (params.escape == '\\' && peek() == '\\' && peek(1) == '\n') {
            ++m_p;
            state.lastNonWhitespaceChar = state.lastEscapedChar = scalar.size();
            state.escapedNewline = true;
            break;
        }
        if (params.escape != 0 && peek() == params.escape) {
            appendEscape(params.escape, scalar);
            state.lastNonWhitespaceChar = state.lastEscapedChar = scalar.size();
            continue;
        }
        const char ch = *m_p++;
        scalar += ch;
        if (!isBlank(ch))
            state.lastNonWhitespaceChar = scalar.size();
    }
    if (atEnd()) {
        if (params.eatEnd)
            decline("end of input inside a quoted scalar");
        return true;
    }
    if (params.onDocIndicator == DocIndicator::Break && column() == 0 && atDocIndicator())
        return true;
    if (endMatches(params)) {
        if (params.eatEnd)
            ++m_p;
        return true;
    }
    if (params.fold == Fold::Flow)
        scalar.erase(state.lastNonWhitespaceChar);
    return false;
}

// Phase 3: the indentation the scalar requires (or detects), then further blanks.
void YamlScanner::scanIndentation(ScalarParams &params, const ScalarState &state)
{
    const bool detecting = params.detectIndent && !state.foundNonEmptyLine;
    while (peek() == ' ' && (column() < params.indent || detecting) && !endMatches(params))
        ++m_p;
    if (detecting)
        params.indent = std::max(params.indent, column());
    while (isBlank(peek())) {
        if (peek() == '\t' && column() < params.indent && params.declineTabInIndentation)
            decline("tab in indentation");
        if (!params.eatLeadingWhitespace || endMatches(params))
            break;
        ++m_p;
    }
}

// What the line break that was just eaten turns into.
void YamlScanner::foldLineBreak(const ScalarParams &params, ScalarState &state, std::string &scalar)
{
    const bool nextEmptyLine = peek() == '\n';
    const bool nextMoreIndented = isBlank(peek());
    if (params.fold == Fold::Block && state.foldedNewlineCount == 0 && nextEmptyLine)
        state.foldedNewlineStartedMoreIndented = state.moreIndented;
    if (state.pastOpeningBreak) {
        switch (params.fold) {
        case Fold::None:
            scalar += '\n';
            break;
        case Fold::Block:
            if (!state.emptyLine && !nextEmptyLine && !state.moreIndented && !nextMoreIndented &&
                column() >= params.indent)
                scalar += ' ';
            else if (nextEmptyLine)
                ++state.foldedNewlineCount;
            else
                scalar += '\n';
            if (!nextEmptyLine && state.foldedNewlineCount > 0) {
                scalar.append(std::size_t(state.foldedNewlineCount - 1), '\n');
                if (state.foldedNewlineStartedMoreIndented || nextMoreIndented ||
                    !state.foundNonEmptyLine)
                    scalar += '\n';
                state.foldedNewlineCount = 0;
            }
            break;
        case Fold::Flow:
            if (nextEmptyLine)
                scalar += '\n';
            else if (!state.emptyLine && !state.escapedNewline)
                scalar += ' ';
            break;
        }
    }
    state.emptyLine = nextEmptyLine;
    state.moreIndented = nextMoreIndented;
    state.pastOpeningBreak = true;
}

// Exp::Escape: "''" in single quotes, backslash escapes in double quotes.
void YamlScanner::appendEscape(char escape, std::string &scalar)
{
    ++m_p;
    const char ch = peek();
    if (ch == '\0' || ch == '\n')
        decline("unusual escape");
    ++m_p;
    if (escape == '\'') { // only "''" gets here: a lone quote ends the scalar
        scalar += '\'';
        return;
    }
    for (const auto &[name, text] : SimpleEscapes) {
        if (name == ch) {
            scalar += text;
            return;
        }
    }
    const int digits = ch == 'x' ? 2 : ch == 'u' ? 4 : ch == 'U' ? 8 : 0;
    if (digits == 0)
        decline("unknown escape");
    unsigned value = 0;
    for (int i = 0; i < digits; ++i, ++m_p) {
        const int digit = hexDigit(peek());
        if (digit < 0)
            decline("bad hex escape");
        value = (value << 4) + unsigned(digit);
    }
    if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        decline("invalid code point");
    appendUtf8(scalar, value);
}

} // namespace nimbus::model

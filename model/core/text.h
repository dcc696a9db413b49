// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nimbus::model {

/// Where a text first breaks UTF-8: the byte offset of a malformed, overlong, surrogate or
/// out-of-range sequence, or nothing when the whole text is valid UTF-8.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

/// The length of the valid UTF-8 sequence that starts at `offset` (1 to 4), or 0 when the
/// bytes there are not one. `codePoint`, when given, receives the character.
std::size_t utf8SequenceAt(std::string_view text, std::size_t offset, char32_t *codePoint = nullptr);

/// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD, so that a
/// writer never produces a file its own format forbids.
std::string validUtf8(std::string_view text);

/// Whether `c` ends a line for some reader of the formats Nimbus writes, or is invisible or
/// misleading on a terminal: C0 and C1 controls (U+0085 NEL among them), DEL, the line and
/// paragraph separators, the byte-order mark and the bidirectional overrides and isolates
/// ("Trojan Source").
bool isUnsafeCharacter(char32_t c);

/// `text` on one line, for a comment, a terminal or a log: every unsafe character (see
/// isUnsafeCharacter) is written as a visible escape ("\n", "\r", "\t", "\x1b",
/// "\u2028"), invalid UTF-8 becomes U+FFFD, and text longer than `maxCharacters` is cut
/// with "…". A comment built from it cannot end early, and text printed from it cannot move
/// the cursor, change colours or reorder what is shown.
std::string singleLine(std::string_view text, std::size_t maxCharacters = std::string::npos);

/// `text` for a terminal or a log: like singleLine(), but line feeds and tabs are kept, so
/// that a report keeps its lines while a name cannot carry escape sequences or overrides.
std::string printableText(std::string_view text);

/// How many bytes at the end of `text` begin a UTF-8 sequence that the text cuts short (0 to
/// 3), so that a stream can wait for the rest before it decodes.
std::size_t incompleteUtf8Tail(std::string_view text);

} // namespace nimbus::model

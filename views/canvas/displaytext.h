// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string_view>

namespace nimbus::views {

/// A name or text from the design as it is drawn (canvas, diagram exports, report): invalid
/// UTF-8 becomes U+FFFD, control characters become their visible control pictures ("␛"),
/// line and paragraph separators and tabs become spaces (or, with `keepLineBreaks`, line
/// feeds stay and separators become line feeds), and the invisible characters that reorder
/// or hide text (bidirectional overrides and isolates, the byte-order mark) are dropped.
/// What is drawn is therefore what the text says, and SVG output stays well-formed XML.
QString displayText(std::string_view text, bool keepLineBreaks = false);
QString displayText(const QString &text, bool keepLineBreaks = false);

/// displayText() escaped for XML character data (& < > " '), for the SVG title and
/// description, which Qt's SVG generator writes as they are.
QString svgText(const QString &text);

} // namespace nimbus::views

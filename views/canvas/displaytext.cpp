// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "displaytext.h"

#include <model/core/text.h>

#include <QList>

#include <string>

namespace nimbus::views {

namespace {

bool isHidden(char32_t c)
{
    return c == 0xFEFF || c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

} // namespace

QString displayText(std::string_view text, bool keepLineBreaks)
{
    const std::string valid = model::validUtf8(text);
    const QString decoded = QString::fromUtf8(valid.data(), qsizetype(valid.size()));
    return displayText(decoded, keepLineBreaks);
}

QString displayText(const QString &text, bool keepLineBreaks)
{
    QString out;
    out.reserve(text.size());
    for (const uint code : text.toUcs4()) {
        const auto c = static_cast<char32_t>(code);
        if (!model::isUnsafeCharacter(c)) {
            out += QString::fromUcs4(&c, 1);
        } else if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85) {
            out += keepLineBreaks ? QChar(u'\n') : QChar(u' ');
        } else if (c == '\t' || c == '\r') {
            out += QChar(u' ');
        } else if (isHidden(c)) {
            continue;
        } else if (c < 0x20) {
            out += QChar(char16_t(0x2400 + c)); // the control picture: ␀, ␛ ...
        } else if (c == 0x7F) {
            out += QChar(u'\u2421'); // ␡
        } else {
            out += QChar(u'\uFFFD');
        }
    }
    return out;
}

QString svgText(const QString &text)
{
    return displayText(text).toHtmlEscaped();
}

} // namespace nimbus::views

// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#include "plurals.h"

namespace nimbus::app {

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return {};
    QString text = QString::fromUtf8(sourceText);
    if (!text.contains(QLatin1String("(s)")) && !text.contains(QLatin1String("(y|ies)")))
        return {};
    const bool one = n == 1;
    text.replace(QLatin1String("(s)"), one ? QString() : QStringLiteral("s"));
    text.replace(QLatin1String("(y|ies)"), one ? QStringLiteral("y") : QStringLiteral("ies"));
    return text;
}

} // namespace nimbus::app

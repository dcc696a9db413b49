// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// What secret values look like, and what only points to one. Token formats: AWS access key
// ids,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
// (AKIA long-term, ASIA temporary); Slack https://api.slack.com/authentication/token-types;
// GitHub https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/;
// Stripe https://docs.stripe.com/keys; JSON Web Tokens RFC 7519 (three base64url parts, the
// first two JSON objects, so "eyJ"); CloudFormation dynamic references
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
#include "secrets.h"

#include "asciitext.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace nimbus::model {

namespace {

using ascii::isAlnum;
using ascii::isDigit;
using ascii::isLower;
using ascii::isUpper;
using ascii::trim;
using ascii::upper;

// --- values ------------------------------------------------------------------------------

/// The value with every dynamic reference ({{resolve:...}}) replaced by kReferenceMark.
std::string markDynamicReferences(std::string_view value)
{
    std::string out;
    std::size_t at = 0;
    for (std::size_t open = value.find("{{resolve:"); open != std::string_view::npos;
         open = value.find("{{resolve:", at)) {
        const std::size_t close = value.find("}}", open);
        if (close == std::string_view::npos)
            break;
        out.append(value.substr(at, open - at));
        out += kReferenceMark;
        at = close + 2;
    }
    out.append(value.substr(at));
    return out;
}

bool atBoundary(std::string_view text, std::size_t pos)
{
    return pos == 0 || !isAlnum(text[pos - 1]);
}

/// The userinfo's password of the first URL that has one ("user:pass@host"), or npos.
std::pair<std::size_t, std::size_t> urlPassword(std::string_view text)
{
    for (std::size_t scheme = text.find("://"); scheme != std::string_view::npos;
         scheme = text.find("://", scheme + 3)) {
        if (scheme == 0 || !isAlnum(text[scheme - 1]))
            continue;
        const std::size_t start = scheme + 3;
        std::size_t end = start;
        while (end < text.size() && text[end] != '/' && text[end] != '?' && text[end] != '#' &&
               std::isspace(static_cast<unsigned char>(text[end])) == 0)
            ++end;
        const std::string_view authority = text.substr(start, end - start);
        const std::size_t at = authority.rfind('@');
        const std::size_t colon =
            authority.substr(0, at == std::string_view::npos ? 0 : at).find(':');
        if (at == std::string_view::npos || colon == std::string_view::npos || colon + 1 == at)
            continue;
        return {start + colon + 1, start + at};
    }
    return {std::string_view::npos, 0};
}

bool hasClearUrlPassword(std::string_view text)
{
    const auto [begin, end] = urlPassword(text);
    return begin != std::string_view::npos &&
           text.substr(begin, end - begin).find(kReferenceMark) == std::string_view::npos;
}

/// "Password=..." or "Pwd=..." in a key=value connection string, with a literal value.
bool hasConnectionStringPassword(std::string_view text)
{
    const std::string up = upper(text);
    for (std::string_view key : {"PASSWORD=", "PWD="}) {
        for (std::size_t at = up.find(key); at != std::string::npos; at = up.find(key, at + 1)) {
            const char before = at > 0 ? up[at - 1] : ';';
            if (before != ';' && before != '?' && before != '&' &&
                std::isspace(static_cast<unsigned char>(before)) == 0)
                continue;
            const std::size_t begin = at + key.size();
            const std::size_t end = std::min(up.find_first_of(";&", begin), up.size());
            const std::string_view password = trim(text.substr(begin, end - begin));
            if (!password.empty() && password.find(kReferenceMark) == std::string_view::npos)
                return true;
        }
    }
    return false;
}

bool hasAccessKeyId(std::string_view text)
{
    for (std::size_t i = 0; i + 20 <= text.size(); ++i) {
        const std::string_view head = text.substr(i, 4);
        if ((head != "AKIA" && head != "ASIA") || !atBoundary(text, i))
            continue;
        const std::string_view tail = text.substr(i + 4, 16);
        const bool body =
            std::all_of(tail.begin(), tail.end(), [](char c) { return isUpper(c) || isDigit(c); });
        if (body && (i + 20 == text.size() || !isAlnum(text[i + 20])))
            return true;
    }
    return false;
}

struct TokenPrefix
{
    std::string_view prefix;
    std::size_t minTail; ///< characters of [A-Za-z0-9_-] that must follow
    std::string_view what;
};

constexpr TokenPrefix kPrefixes[] = {
    {"xoxb-", 10, "a Slack token"},          {"xoxp-", 10, "a Slack token"},
    {"xoxa-", 10, "a Slack token"},          {"xoxr-", 10, "a Slack token"},
    {"xoxs-", 10, "a Slack token"},          {"xapp-", 10, "a Slack token"},
    {"ghp_", 20, "a GitHub token"},          {"gho_", 20, "a GitHub token"},
    {"ghu_", 20, "a GitHub token"},          {"ghs_", 20, "a GitHub token"},
    {"ghr_", 20, "a GitHub token"},          {"github_pat_", 20, "a GitHub token"},
    {"glpat-", 20, "a GitLab token"},        {"sk_live_", 10, "a Stripe secret key"},
    {"rk_live_", 10, "a Stripe secret key"}, {"sk_test_", 10, "a Stripe secret key"},
    {"rk_test_", 10, "a Stripe secret key"}, {"whsec_", 10, "a Stripe webhook secret"},
    {"sk-", 20, "an OpenAI API key"},        {"AIza", 30, "a Google API key"},
    {"SG.", 20, "a SendGrid API key"},       {"npm_", 30, "an npm token"},
};

bool isTokenChar(char c)
{
    return isAlnum(c) || c == '_' || c == '-' || c == '.';
}

std::string tokenPrefixKind(std::string_view text)
{
    for (const TokenPrefix &p : kPrefixes) {
        for (std::size_t at = text.find(p.prefix); at != std::string_view::npos;
             at = text.find(p.prefix, at + 1)) {
            if (!atBoundary(text, at))
                continue;
            std::size_t end = at + p.prefix.size();
            while (end < text.size() && isTokenChar(text[end]))
                ++end;
            if (end - at - p.prefix.size() >= p.minTail)
                return std::string(p.what);
        }
    }
    if (text.find("hooks.slack.com/services/") != std::string_view::npos)
        return "a Slack webhook URL";
    if (text.find("discord.com/api/webhooks/") != std::string_view::npos ||
        text.find("discordapp.com/api/webhooks/") != std::string_view::npos)
        return "a Discord webhook URL";
    return {};
}

bool isBase64UrlChar(char c)
{
    return isAlnum(c) || c == '_' || c == '-';
}

/// header.payload.signature, both first parts base64url JSON objects ("eyJ").
bool hasJwt(std::string_view text)
{
    for (std::size_t at = text.find("eyJ"); at != std::string_view::npos;
         at = text.find("eyJ", at + 1)) {
        std::size_t i = at;
        int parts = 0;
        while (parts < 2) {
            const std::size_t begin = i;
            while (i < text.size() && isBase64UrlChar(text[i]))
                ++i;
            if (i - begin < 8 || i >= text.size() || text[i] != '.')
                break;
            ++parts;
            ++i;
            if (parts == 1 && text.substr(i, 3) != "eyJ")
                break;
        }
        if (parts == 2)
            return true;
    }
    return false;
}

bool isAuthorizationValue(std::string_view text)
{
    const std::string up = upper(trim(text).substr(0, 7));
    for (std::string_view scheme : {"BEARER ", "BASIC ", "TOKEN "}) {
        if (up.rfind(scheme, 0) == 0)
            return trim(trim(text).substr(scheme.size())).size() >= 8;
    }
    return false;
}

/// A single word of 32 to 128 base64 characters mixing upper case, lower case and digits,
/// with at least 4.5 bits of entropy per character: random keys, not words, ids or longer
/// encoded data.
bool isRandomLooking(std::string_view text)
{
    text = trim(text);
    if (text.size() < 32 || text.size() > 128)
        return false;
    const auto base64 = [](char c) {
        return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    };
    if (!std::all_of(text.begin(), text.end(), base64))
        return false;
    if (std::none_of(text.begin(), text.end(), isUpper) ||
        std::none_of(text.begin(), text.end(), isLower) ||
        std::none_of(text.begin(), text.end(), isDigit))
        return false;
    // Identifiers in camel case (MyApplicationConfigurationProfile2024) are words.
    int wordRuns = 0;
    for (std::size_t i = 0, run = 0; i <= text.size(); ++i) {
        if (i < text.size() && isLower(text[i])) {
            ++run;
            continue;
        }
        wordRuns += run >= 5 ? 1 : 0;
        run = 0;
    }
    if (wordRuns >= 2)
        return false;
    std::map<char, int> counts;
    for (char c : text)
        ++counts[c];
    double entropy = 0;
    for (const auto &[c, n] : counts) {
        const double p = double(n) / double(text.size());
        entropy -= p * std::log2(p);
    }
    return entropy >= 4.5;
}
} // namespace

std::string secretKindOfValue(std::string_view raw)
{
    const std::string value = markDynamicReferences(raw);
    if (value.find("-----BEGIN ") != std::string::npos &&
        value.find("PRIVATE KEY-----") != std::string::npos)
        return "a private key";
    if (hasClearUrlPassword(value))
        return "a URL with a password";
    if (hasConnectionStringPassword(value))
        return "a connection string with a password";
    if (hasAccessKeyId(value))
        return "an AWS access key id";
    if (std::string kind = tokenPrefixKind(value); !kind.empty())
        return kind;
    if (hasJwt(value))
        return "a JSON Web Token";
    if (isAuthorizationValue(value))
        return "an Authorization header value";
    if (isRandomLooking(value))
        return "a random key";
    return {};
}
bool isSecretReference(std::string_view value)
{
    const std::string_view v = trim(value);
    if (v.find(kReferenceMark) != std::string_view::npos)
        return true;
    if (v.rfind("{{resolve:", 0) == 0 && v.size() >= 12 && v.substr(v.size() - 2) == "}}" &&
        v.find("}}") == v.size() - 2)
        return true;
    for (std::string_view service : {":secretsmanager:", ":ssm:", ":kms:"}) {
        const std::size_t at = v.find(service);
        if (v.rfind("arn:", 0) == 0 && at != std::string_view::npos && v.find(':', 4) == at)
            return true;
    }
    return false;
}
std::string maskSecret(std::string_view value)
{
    const std::string length = " (" + std::to_string(value.size()) + " characters)";
    if (const auto [begin, end] = urlPassword(value); begin != std::string_view::npos) {
        std::string url =
            std::string(value.substr(0, begin)) + "****" + std::string(value.substr(end));
        if (const std::size_t query = url.find('?'); query != std::string::npos)
            url = url.substr(0, query + 1) + "****";
        return url;
    }
    for (std::string_view prefix : {"AKIA", "ASIA", "xoxb-", "xoxp-", "ghp_", "github_pat_",
                                    "glpat-", "sk_live_", "sk_test_", "eyJ"}) {
        if (value.substr(0, prefix.size()) == prefix)
            return std::string(prefix) + "****" + length;
    }
    const std::string_view v = trim(value);
    for (std::string_view scheme : {"Bearer ", "Basic "}) {
        if (v.substr(0, scheme.size()) == scheme)
            return std::string(scheme) + "****" + length;
    }
    return "****" + length;
}
} // namespace nimbus::model

// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// The secret detector: names (this file) and the verdict; values in secretvalues.cpp.
#include "secrets.h"

#include "asciitext.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace nimbus::model {

namespace {

using ascii::isAlnum;
using ascii::isDigit;
using ascii::isLower;
using ascii::isUpper;
using ascii::trim;
using ascii::upper;

// --- names -------------------------------------------------------------------------------

/// The words of a name in upper case: split at every character that is not a letter or a
/// digit, and where a lower-case letter or digit is followed by an upper-case one.
std::vector<std::string> words(std::string_view name)
{
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool boundary = !current.empty() && isUpper(c) && i > 0 &&
                              (isLower(name[i - 1]) || isDigit(name[i - 1]));
        if (!isAlnum(c) || boundary) {
            if (!current.empty())
                out.push_back(upper(current));
            current.clear();
        }
        if (isAlnum(c))
            current += c;
    }
    if (!current.empty())
        out.push_back(upper(current));
    return out;
}

using Phrase = std::vector<std::string_view>;

bool endsWith(const std::vector<std::string> &w, const Phrase &phrase)
{
    if (w.size() < phrase.size())
        return false;
    return std::equal(phrase.begin(), phrase.end(), w.end() - static_cast<long>(phrase.size()));
}

/// Where `phrase` starts in `w`, or w.size().
std::size_t findPhrase(const std::vector<std::string> &w, const Phrase &phrase)
{
    for (std::size_t i = 0; i + phrase.size() <= w.size(); ++i) {
        if (std::equal(phrase.begin(), phrase.end(), w.begin() + static_cast<long>(i)))
            return i;
    }
    return w.size();
}

std::string joined(const Phrase &phrase)
{
    std::string out;
    for (std::string_view p : phrase)
        out += (out.empty() ? "" : "_") + std::string(p);
    return out;
}

/// A last word that makes the variable name a pointer, a setting or a place rather than
/// the secret itself (TOKEN_TABLE, SECRET_ARN, PASSWORD_MIN_LENGTH, KMS_KEY_ID).
bool isPointerWord(const std::string &word)
{
    static constexpr std::string_view pointers[] = {
        "ARN",      "ARNS",     "ID",        "IDS",       "NAME",    "NAMES",      "TABLE",
        "BUCKET",   "QUEUE",    "TOPIC",     "STREAM",    "PATH",    "FILE",       "DIR",
        "PREFIX",   "SUFFIX",   "PARAM",     "PARAMETER", "REGION",  "PORT",       "HOST",
        "ENDPOINT", "URL",      "URI",       "TTL",       "EXPIRY",  "EXPIRATION", "EXPIRES",
        "LENGTH",   "SIZE",     "VERSION",   "TYPE",      "ENABLED", "DISABLED",   "REQUIRED",
        "POLICY",   "ROLE",     "ALGORITHM", "ALG",       "FORMAT",  "FIELD",      "ISSUER",
        "AUDIENCE", "TIMEOUT",  "INTERVAL",  "DAYS",      "SECONDS", "HOURS",      "MINUTES",
        "COUNT",    "LIMIT",    "MAX",       "MIN",       "RETRIES", "ALIAS",      "LIFETIME",
        "DURATION", "VALIDITY", "ROTATION",  "MODE",      "LEVEL",   "TEMPLATE"};
    return std::find(std::begin(pointers), std::end(pointers), word) != std::end(pointers);
}

/// Names of services that hold secrets, which say nothing about the variable itself.
void dropServiceNames(std::vector<std::string> &w)
{
    for (const Phrase &service :
         {Phrase{"SECRETS", "MANAGER"}, Phrase{"SECRET", "MANAGER"}, Phrase{"SECRETSMANAGER"}}) {
        for (std::size_t at = findPhrase(w, service); at < w.size(); at = findPhrase(w, service))
            w.erase(w.begin() + static_cast<long>(at),
                    w.begin() + static_cast<long>(at + service.size()));
    }
}

std::string secretWordIn(const std::vector<std::string> &w)
{
    static const std::array<std::string_view, 18> whole = {
        "PASSWORD",   "PASSWORDS",   "PASSWD", "PASS",          "PWD",     "PASSPHRASE",
        "SECRET",     "SECRETS",     "TOKEN",  "TOKENS",        "APIKEY",  "APIKEYS",
        "CREDENTIAL", "CREDENTIALS", "CREDS",  "AUTHORIZATION", "CONNSTR", "WEBHOOK"};
    // Long words that are secrets even inside a word without separators (DBPASSWORD).
    static const std::array<std::string_view, 5> inside = {"PASSWORD", "PASSWD", "PASSPHRASE",
                                                           "APIKEY", "CREDENTIAL"};
    static const std::vector<Phrase> phrases = {
        {"API", "KEY"},     {"ACCESS", "KEY"},     {"PRIVATE", "KEY"},    {"SSH", "KEY"},
        {"SIGNING", "KEY"}, {"ENCRYPTION", "KEY"}, {"DECRYPTION", "KEY"}, {"SECRET", "KEY"},
        {"MASTER", "KEY"},  {"LICENSE", "KEY"},    {"HMAC", "KEY"},       {"DEPLOY", "KEY"},
        {"AUTH", "KEY"},    {"AUTH", "HEADER"},    {"BASIC", "AUTH"},     {"CONNECTION", "STRING"},
        {"CONN", "STR"},    {"CONN", "STRING"},    {"CONNECTION", "STR"}, {"WEB", "HOOK"}};
    for (const Phrase &p : phrases) {
        if (findPhrase(w, p) < w.size())
            return joined(p);
    }
    for (const std::string &word : w) {
        if (std::find(whole.begin(), whole.end(), word) != whole.end())
            return word;
        for (std::string_view part : inside) {
            if (word.find(part) != std::string::npos)
                return std::string(part);
        }
    }
    return {};
}
bool isBooleanWord(std::string_view value)
{
    const std::string up = upper(trim(value));
    return up == "TRUE" || up == "FALSE" || up == "YES" || up == "NO" || up == "ON" || up == "OFF";
}
} // namespace

std::string secretWordInName(std::string_view name)
{
    std::vector<std::string> w = words(name);
    dropServiceNames(w);
    if (w.empty())
        return {};
    for (const Phrase &p :
         {Phrase{"DATABASE", "URL"}, Phrase{"DB", "URL"}, Phrase{"DATABASE", "URI"},
          Phrase{"DB", "URI"}, Phrase{"WEBHOOK", "URL"}, Phrase{"WEB", "HOOK", "URL"}}) {
        if (endsWith(w, p))
            return joined(p);
    }
    if (isPointerWord(w.back()))
        return {};
    return secretWordIn(w);
}
SecretMatch detectSecret(std::string_view name, std::string_view value)
{
    if (trim(value).empty())
        return {};
    // Literal parts around a reference can still hold a secret (a password in a URL whose
    // host is a reference); a name says nothing about a value that is a reference.
    if (std::string kind = secretKindOfValue(value); !kind.empty())
        return {true, "its value looks like " + kind};
    if (isSecretReference(value) || isBooleanWord(value))
        return {};
    if (std::string word = secretWordInName(name); !word.empty())
        return {true, "its name contains " + word};
    return {};
}
} // namespace nimbus::model

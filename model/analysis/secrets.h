// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

/// The one detector of secrets written in clear into an environment variable, shared by
/// the validation rule (security/secret-in-environment), the template export (which writes
/// such values as Secrets Manager references) and the template import.
///
/// By name: the words of the name (split at '_', '-', '.' and camelCase) contain PASSWORD,
/// PASSWD, PASS, PWD, PASSPHRASE, SECRET, TOKEN, CREDENTIAL, AUTHORIZATION, APIKEY or a
/// phrase such as API_KEY, ACCESS_KEY, PRIVATE_KEY, SSH_KEY, SIGNING_KEY, ENCRYPTION_KEY,
/// AUTH_HEADER, CONNECTION_STRING, CONN_STR; or the name ends in DATABASE_URL, DB_URL or
/// WEBHOOK_URL. A name whose last word says it only points to something (TOKEN_TABLE,
/// SECRET_ARN, PASSWORD_PARAMETER_NAME, KMS_KEY_ID, ...) is not a secret by name.
///
/// By value: a URL with a password (scheme://user:pass@host), a connection string with
/// Password=, an AWS access key id (AKIA/ASIA + 16), a private key block, Slack, GitHub,
/// GitLab, Stripe, OpenAI, Google, SendGrid and npm token prefixes, Slack and Discord webhook
/// URLs, a JSON Web Token, a "Bearer"/"Basic" credential, or a long random-looking string.
///
/// A value that is a reference is not a secret in clear: a dynamic reference
/// ({{resolve:secretsmanager:...}}, {{resolve:ssm:...}}), the ARN of a Secrets Manager
/// secret, SSM parameter or KMS key, or text holding kReferenceMark (where the template
/// import put a !Ref or ${...}). Empty values and true/false are not secrets either.
namespace nimbus::model {

/// Stands for a template reference (a !Ref, a ${...} of a !Sub) inside a value's text.
inline constexpr char kReferenceMark = '\x1f';

struct SecretMatch
{
    bool found = false;
    std::string
        reason; ///< "its name contains PASSWORD", "its value looks like an AWS access key id"
};

/// The secret word or phrase a variable name contains ("PASSWORD", "API_KEY"), or "".
std::string secretWordInName(std::string_view name);
/// What the value looks like ("a URL with a password"), or "" when nothing.
std::string secretKindOfValue(std::string_view value);
/// True when the value only points to a secret kept elsewhere.
bool isSecretReference(std::string_view value);
/// Whether a variable holds a secret in clear, and why.
SecretMatch detectSecret(std::string_view name, std::string_view value);

/// The value for messages: never the secret itself. A URL keeps its scheme, user and host
/// ("postgres://app:****@db.example.com/orders"), a known token prefix stays ("AKIA****"),
/// anything else is "****"; the length is added ("(24 characters)").
std::string maskSecret(std::string_view value);

} // namespace nimbus::model

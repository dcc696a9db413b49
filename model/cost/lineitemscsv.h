// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
#pragma once

#include "currency.h"

#include <string>
#include <string_view>
#include <vector>

namespace nimbus::model {

struct Estimate;
class PriceList;

/// Every line item of `estimate` as CSV (RFC 4180: comma-separated, CRLF line ends, fields
/// with a comma, quote or line break quoted, quotes doubled), for finance teams. One header
/// row, then one row per line item in the estimate's order, no total row:
///
///   node, name, service, dimension, price_key, quantity, unit, free_quantity,
///   unit_price_<CODE>, monthly_cost_<CODE>, currency, price_status, price_source, price_date
///
/// Numbers are written plainly, with '.' as decimal point, no thousands separators and no
/// exponent, and with every digit needed to read back the same double. Amounts are in
/// `currency`; when it is not plain US dollars they are converted with its rate and the
/// header of both amount columns says so ("unit_price_EUR (converted at 0.92 EUR per USD)").
/// A dimension the price list lacks has empty unit price and cost and the status "unknown".
/// `prices`, when given, supplies the date each price was read (else price_date is empty).
std::string lineItemsCsv(const Estimate &estimate, const Currency &currency = {},
                         const PriceList *prices = nullptr);

/// `text` as one RFC 4180 field: quoted (quotes doubled) when it holds a comma, a quote or
/// a line break, else unchanged. Text that a spreadsheet would run as a formula (it starts
/// with '=', '+', '-', '@', a tab or a carriage return and is not a plain number) gets a
/// leading apostrophe, as OWASP advises for CSV files: a service named "=HYPERLINK(...)"
/// stays text when the file is opened in Excel or LibreOffice. Invalid UTF-8 becomes U+FFFD.
std::string csvField(const std::string &text);

/// A number as lineItemsCsv() writes it: shortest fixed notation that reads back exactly.
std::string plainNumber(double value);

/// Reads RFC 4180 text (CRLF or LF line ends) into rows of fields. Quoted fields may hold
/// commas, doubled quotes and line breaks. A final line break does not start a new row.
std::vector<std::vector<std::string>> parseCsv(std::string_view text);

} // namespace nimbus::model

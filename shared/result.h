// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QList>
#include <utility>
#include <variant>

namespace Pudding {

/// A problem with one input field, e.g. {"email", "This is not a valid email address."}.
struct FieldError
{
    QString field;
    QString message;

    bool operator==(const FieldError &) const = default;
};
using FieldErrors = QList<FieldError>;

/// An error as both sides understand it: a stable machine code (see protocol.h ErrorCode),
/// a human message (already translated where it reaches a user) and, for validation, the fields.
struct Error
{
    QString code;
    QString message;
    FieldErrors fields;

    [[nodiscard]] bool isValidation() const { return !fields.isEmpty(); }
};

/// A value or an Error, in the spirit of libQuotient's Expected: no exceptions across Qt.
template <typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(Error error) : m_data(std::move(error)) { }

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_data)); }
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

} // namespace Pudding

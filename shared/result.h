// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <optional>
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
template <typename T> class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<T>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_data)); }
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Success without a value, or an Error (libQuotient's Status): what a write or a command
/// returns instead of a bool with an error string on the side.
template <> class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace Pudding

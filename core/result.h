#pragma once

#include "core/errors.h"

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

namespace hexmap {

// An error: a code (errno via std::system_category(), engine errors via Errc) and the context it concerns,
// usually the file path or the offending value, so that message() can name it. Any thread.
struct Error {
    std::error_code code;
    std::string context;

    // "CONTEXT: MESSAGE", or just the message when there is no context.
    std::string message() const
    {
        return context.empty() ? code.message() : context + ": " + code.message();
    }
    static Error fromErrno(int err, std::string context)
    {
        return {std::error_code(err, std::system_category()), std::move(context)};
    }
};

// A value or an Error (C++20 has no std::expected). No exceptions cross the engine's API. Any thread.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) { assert(m_error.code); }
    Result(std::error_code code, std::string context = {}) : Result(Error{code, std::move(context)}) {}
    Result(Errc code, std::string context = {}) : Result(Error{make_error_code(code), std::move(context)}) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    std::error_code code() const { return m_error.code; }
    std::string message() const { return m_error.message(); }

    // Precondition ok(): checked in every build (an error aborts with its message instead of undefined behaviour).
    T &value() & { requireValue(); return *m_value; }
    const T &value() const & { requireValue(); return *m_value; }
    T &&value() && { requireValue(); return std::move(*m_value); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    void requireValue() const
    {
        if (!ok()) {
            std::fprintf(stderr, "hexmap: value() of a failed Result: %s\n", m_error.message().c_str());
            std::abort();
        }
    }
    std::optional<T> m_value;
    Error m_error;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { assert(m_error.code); }
    Result(std::error_code code, std::string context = {}) : Result(Error{code, std::move(context)}) {}
    Result(Errc code, std::string context = {}) : Result(Error{make_error_code(code), std::move(context)}) {}

    bool ok() const { return !m_error.code; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    std::error_code code() const { return m_error.code; }
    std::string message() const { return m_error.message(); }

private:
    Error m_error;
};

using Status = Result<void>;

} // namespace hexmap
